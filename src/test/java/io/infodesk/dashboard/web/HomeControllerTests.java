package io.infodesk.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.internal.AccountUserDetailsService;

/** The home dashboard (S2-a): counts and the units without a publicist, within the user's data scope. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService users;

	private Document home(String username) throws Exception {
		String html = mvc.perform(get("/").with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	@Test
	void officeSeesEveryUnitAndTheOneWithoutPublicistHighlighted() throws Exception {
		Document page = home("office");
		int units = Integer.parseInt(page.getElementById("stat-units").text());
		assertThat(units).isGreaterThanOrEqualTo(12);
		assertThat(page.select("#home-units tbody tr")).hasSize(units);
		assertThat(page.getElementById("stat-without").text()).isEqualTo("1");
		assertThat(page.select("#home-units tr.table-warning").text()).contains("城建档案馆");
		assertThat(page.getElementById("current-user").text()).isEqualTo("周敏");
	}

	@Test
	void publicistSeesOnlyOwnUnit() throws Exception {
		Document page = home("publicist");
		assertThat(page.getElementById("stat-units").text()).isEqualTo("1");
		assertThat(page.select("#home-units tbody tr").text()).contains("物业管理科").doesNotContain("办公室");
	}

	@Test
	void leaderInChargeSeesOwnUnitAndTheUnitsInCharge() throws Exception {
		Document page = home("charge");
		assertThat(page.select("#home-units tbody td:first-child").eachText()).containsExactlyInAnyOrder("局领导班子",
				"房地产市场监管科", "物业管理科", "房产交易管理中心");
	}

	@Test
	void anonymousIsSentToLogin() throws Exception {
		mvc.perform(get("/").accept("text/html")).andExpect(status().is3xxRedirection());
	}

}
