package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code POST /api/monitoring/match} on the stored default schemes, nothing stored. */
class MatchApiTests extends MonitoringIntegrationTest {

	@Test
	void answersOneObjectPerTextInOrder() throws Exception {
		Integer itemsBefore = jdbc.queryForObject("select count(*) from mon_scheme", Integer.class);
		mvc.perform(post("/api/monitoring/match").with(as(user("office"))).contentType(MediaType.APPLICATION_JSON)
			.content("[{\"id\":\"a\",\"title\":\"小区物业撤场\",\"text\":\"业委会选聘新物业公司，老物业拒不交接\"},"
					+ "{\"id\":2,\"title\":\"体育新闻\",\"text\":\"足球比赛结果\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("a"))
			.andExpect(jsonPath("$[0].relevant").value(true))
			.andExpect(jsonPath("$[0].topics[0]").value("PROPERTY"))
			.andExpect(jsonPath("$[0].schemes").isArray())
			.andExpect(jsonPath("$[0].level").isString())
			.andExpect(jsonPath("$[1].id").value(2))
			.andExpect(jsonPath("$[1].relevant").value(false))
			.andExpect(jsonPath("$[1].level").doesNotExist());
		assertThat(jdbc.queryForObject("select count(*) from mon_scheme", Integer.class)).isEqualTo(itemsBefore);
	}

	@Test
	void refusesTooManyTextsInChinese() throws Exception {
		String many = "[" + "{\"id\":1,\"title\":\"t\",\"text\":\"x\"},".repeat(1000) + "{\"id\":1}]";
		mvc.perform(post("/api/monitoring/match").with(as(user("office"))).contentType(MediaType.APPLICATION_JSON)
			.content(many))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("一次最多匹配1000条文本"));
	}

	@Test
	void publicistsMayNotUseIt() throws Exception {
		mvc.perform(post("/api/monitoring/match").with(as(user("publicist"))).contentType(MediaType.APPLICATION_JSON)
			.content("[]"))
			.andExpect(status().isForbidden());
	}

}
