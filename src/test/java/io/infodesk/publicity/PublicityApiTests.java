package io.infodesk.publicity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.infodesk.assessment.AssessmentIntegrationTest;

/**
 * S3.2 over the REST API (issue 12 point 7), as a client uses it with the demo accounts: the year's plans with their
 * filing state and follow-through, a plan's points, the calendar of a period (computed holidays, the scope's nodes),
 * the coverage register paged with its filters and a record, the planning items; another unit's records 404, a
 * period too long refused in Chinese (409, as every refused rule of the API), no credentials 401.
 */
class PublicityApiTests extends AssessmentIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	private ResultActions getAs(String username, String path, String... params) throws Exception {
		var request = get(path).with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	@Test
	void plansCalendarCoverageAndTopicsWithinTheScope() throws Exception {
		long property = unitId("物业管理科");
		long other = unitId("城建科");
		int year = LocalDate.now(clock).getYear();
		getAs("personnel", "/api/publicity/plans", "year", Integer.toString(year))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(Matchers.greaterThanOrEqualTo(12)))
			.andExpect(jsonPath("$[?(@.state == 'FILED')]").isNotEmpty())
			.andExpect(jsonPath("$[?(@.state == 'MISSING')]").isNotEmpty())
			.andExpect(jsonPath("$[0].stateLabel").isString());
		getAs("publicist", "/api/publicity/plans")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].unit.id").value(property));
		getAs("publicist", "/api/publicity/plans/" + other + "/" + year).andExpect(status().isNotFound());

		// the calendar: 中秋 2026 and 春节 2027 computed; only the scope's nodes
		getAs("publicist", "/api/publicity/calendar", "from", "2026-09-01", "to", "2027-02-28")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == '中秋节')].start").value(Matchers.hasItem("2026-09-25")))
			.andExpect(jsonPath("$[?(@.title == '春节')].start").value(Matchers.hasItem("2027-02-06")))
			.andExpect(jsonPath("$[?(@.unit != null && @.unit.id != " + property + ")]").isEmpty());
		getAs("publicist", "/api/publicity/calendar", "from", "2026-01-01", "to", "2027-12-31")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("一次最多查询 400 天的宣传日历"));

		// the coverage register: the demo year, paged, within the scope
		getAs("office", "/api/publicity/coverage", "tier", "CENTRAL", "size", "5")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(Matchers.greaterThan(0)))
			.andExpect(jsonPath("$.content[*].tier").value(Matchers.everyItem(Matchers.is("CENTRAL"))));
		String own = getAs("publicist", "/api/publicity/coverage", "size", "1").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long ownId = ((Number) com.jayway.jsonpath.JsonPath.read(own, "$.content[0].id")).longValue();
		getAs("publicist", "/api/publicity/coverage/" + ownId)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.credits[0].unit.id").value(property))
			.andExpect(jsonPath("$.recordedAt").value(Matchers.endsWith("+08:00")));
		String others = getAs("office", "/api/publicity/coverage", "unitId", Long.toString(other), "size", "1")
			.andReturn().getResponse().getContentAsString();
		Number otherId = com.jayway.jsonpath.JsonPath.read(others, "$.content[0].id");
		getAs("publicist", "/api/publicity/coverage/" + otherId).andExpect(status().isNotFound());

		// planning items (demo: two)
		getAs("office", "/api/publicity/topics")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$[*].assignments[*].medium").value(Matchers.hasItem("TEXT")));
		getAs("office", "/api/publicity/topics/999999").andExpect(status().isNotFound());

		mvc.perform(get("/api/publicity/plans").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));
	}

}
