package io.infodesk.organization.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.infodesk.reporting.ReportingIntegrationTest;

/**
 * The organisation over the REST API (issue 11 point 3) as a client uses it: HTTP Basic with the demo accounts,
 * the list pages' filters, the same permission and data scope as the pages (a publicist sees the own unit only, a
 * record of another unit is 404), 401 without credentials, 403 without {@code org:view} — which every role has, so
 * the 403 is proven by {@code SecurityMatrixTests} for a role set without it.
 */
class OrganizationApiTests extends ReportingIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	private ResultActions getAs(String username, String path, String... params) throws Exception {
		var request = get(path).with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	private static void anonymousIsRefused(ResultActions result) throws Exception {
		result.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
			.andExpect(jsonPath("$.title").value("未登录"));
	}

	@Test
	void units() throws Exception {
		long property = unitId("物业管理科");
		getAs("office", "/api/org/units", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(12)))
			.andExpect(jsonPath("$.content[?(@.name == '物业管理科')].typeLabel").value("科室"))
			.andExpect(jsonPath("$.content[?(@.name == '物业管理科')].head.name").value("孙伟"))
			.andExpect(jsonPath("$.content[?(@.name == '局领导班子')].type").value("LEADERSHIP"));
		getAs("office", "/api/org/units", "keyword", "物业", "type", "SECTION")
			.andExpect(jsonPath("$.content[*].name").value(Matchers.everyItem(Matchers.containsString("物业"))));
		// the publicist sees the own unit only, as on the page
		getAs("publicist", "/api/org/units")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value(property))
			.andExpect(jsonPath("$.content[0].activePeople").value(Matchers.greaterThan(0)));
		getAs("publicist", "/api/org/units", "type", "NONSENSE")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("请求有误"));
		anonymousIsRefused(mvc.perform(get("/api/org/units").accept(MediaType.APPLICATION_JSON)));
	}

	@Test
	void oneUnit() throws Exception {
		long property = unitId("物业管理科");
		long housing = unitId("住房保障科");
		getAs("publicist", "/api/org/units/" + property)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("物业管理科"))
			.andExpect(jsonPath("$.type").value("SECTION"));
		getAs("office", "/api/org/units/" + housing).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("住房保障科"));
		// another unit and an unknown one alike: 404, so ids cannot be probed
		for (String path : new String[] { "/api/org/units/" + housing, "/api/org/units/999999" }) {
			getAs("publicist", path)
				.andExpect(status().isNotFound())
				.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
				.andExpect(jsonPath("$.detail").value("记录不存在，或不在您的数据范围内。"));
		}
		getAs("publicist", "/api/org/units/abc").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"));
		anonymousIsRefused(mvc.perform(get("/api/org/units/" + property).accept(MediaType.APPLICATION_JSON)));
	}

	@Test
	void people() throws Exception {
		getAs("office", "/api/org/people", "keyword", "赵雪")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].name").value("赵雪"))
			.andExpect(jsonPath("$.content[0].unit.name").value("物业管理科"))
			.andExpect(jsonPath("$.content[0].publicist").value(true));
		getAs("office", "/api/org/people", "unitId", String.valueOf(unitId("住房保障科")), "size", "100")
			.andExpect(jsonPath("$.content[*].unit.name").value(Matchers.everyItem(Matchers.is("住房保障科"))));
		// the publicist: the own unit's people only
		getAs("publicist", "/api/org/people", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(Matchers.greaterThan(1)))
			.andExpect(jsonPath("$.content[*].unit.name").value(Matchers.everyItem(Matchers.is("物业管理科"))));
		getAs("publicist", "/api/org/people", "size", "1", "page", "2")
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(1));
		anonymousIsRefused(mvc.perform(get("/api/org/people").accept(MediaType.APPLICATION_JSON)));
	}

	@Test
	void onePerson() throws Exception {
		long zhao = person("物业管理科", "赵雪").getId();
		long other = organization.peopleOf(unitId("住房保障科")).get(0).getId();
		getAs("head", "/api/org/people/" + zhao)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("赵雪"))
			.andExpect(jsonPath("$.unit.id").value(unitId("物业管理科")));
		getAs("office", "/api/org/people/" + other).andExpect(status().isOk());
		getAs("publicist", "/api/org/people/" + other).andExpect(status().isNotFound());
		getAs("publicist", "/api/org/people/999999").andExpect(status().isNotFound());
		anonymousIsRefused(mvc.perform(get("/api/org/people/" + zhao).accept(MediaType.APPLICATION_JSON)));
	}

	@Test
	void leaders() throws Exception {
		getAs("office", "/api/org/leaders", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.unit.name == '物业管理科')].leader.name").value("李明华"))
			.andExpect(jsonPath("$.content[?(@.unit.name == '物业管理科')].status").value("CURRENT"))
			.andExpect(jsonPath("$.content[?(@.unit.name == '物业管理科')].statusLabel").value("在任"));
		// the leader in charge sees the units in charge; the publicist the own unit's line only
		getAs("charge", "/api/org/leaders", "size", "100")
			.andExpect(jsonPath("$.content[*].unit.name").value(Matchers.everyItem(
					Matchers.oneOf("物业管理科", "房地产市场监管科", "房产交易管理中心"))));
		getAs("publicist", "/api/org/leaders")
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].unit.name").value("物业管理科"));
		anonymousIsRefused(mvc.perform(get("/api/org/leaders").accept(MediaType.APPLICATION_JSON)));
	}

	@Test
	void publicists() throws Exception {
		getAs("office", "/api/org/publicists", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.person.name == '赵雪')].unit.name").value("物业管理科"))
			.andExpect(jsonPath("$.content[?(@.person.name == '周敏')].unit.name").value("办公室"));
		getAs("publicist", "/api/org/publicists", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].unit.name").value(Matchers.everyItem(Matchers.is("物业管理科"))))
			.andExpect(jsonPath("$.content[*].person.name").value(Matchers.hasItem("赵雪")));
		anonymousIsRefused(mvc.perform(get("/api/org/publicists").accept(MediaType.APPLICATION_JSON)));
	}

}
