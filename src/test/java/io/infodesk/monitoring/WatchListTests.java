package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.monitoring.internal.Matching;

/** Watch lists (S3.6-b): an active entry's names join the automaton under its hot spot; ending it removes them. */
class WatchListTests extends MonitoringIntegrationTest {

	@Autowired
	Matching matching;

	@Test
	void anActiveEntryMakesItsNamesMatchUnderItsHotSpot() throws Exception {
		String text = "金色湖塘苑业主群里有人发帖";
		assertThat(matching.match("1", text, "").topics()).doesNotContain(Topic.DELIVERY);
		mvc.perform(post("/monitoring/watch/new").param("topic", "DELIVERY").param("name", "金色湖塘苑")
			.param("party", "常州某置业有限公司").param("dueDate", "2027-01-20").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(matching.match("1", text, "").topics()).contains(Topic.DELIVERY);
		assertThat(matching.match("1", text, "").schemes()).contains("关注清单·房地产交付");
		String page = mvc.perform(get("/monitoring/watch").with(as(user("leader"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("金色湖塘苑").contains("承诺交付日期").contains("处置流程");
		String error = (String) mvc.perform(post("/monitoring/watch/new").param("topic", "WAGES").param("name", "")
			.with(csrf()).with(as(user("office")))).andReturn().getFlashMap().get("flashError");
		assertThat(error).contains("请填写项目或小区名称");
		long id = jdbc.queryForObject("select id from mon_watch_entry where name = '金色湖塘苑'", Long.class);
		mvc.perform(post("/monitoring/watch/{id}/end", id).with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(matching.match("1", text, "").topics()).doesNotContain(Topic.DELIVERY);
		mvc.perform(get("/monitoring/watch/export").with(as(user("office")))).andExpect(status().isOk());
	}

}
