package io.infodesk.research;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.training.SkillCompetition;
import io.infodesk.training.SkillCompetitions;

/**
 * The research and training read paths of the REST API as a client uses them (HTTP Basic with the demo logins):
 * topics within the scope (another unit's topic 404 like an unknown one), paper competition and skills competition
 * results only once published (404 before), a person's training record within the scope, 401 anonymous.
 */
class ResearchApiTests extends ReportingIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	@Autowired
	Topics topics;

	@Autowired
	Competitions competitions;

	@Autowired
	SkillCompetitions skillCompetitions;

	private ResultActions getAs(String username, String path) throws Exception {
		return mvc.perform(get(path).with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON));
	}

	@Test
	void topicsWithinTheScope() throws Exception {
		io.infodesk.shared.security.DataScope all = io.infodesk.shared.security.DataScope.all();
		Topic property = topics.list(null, null, null, "老旧小区改造长效管理", user("office"), all).get(0);
		Topic own = topics.list(null, Topic.Source.OWN, null, null, user("office"), all).get(0);
		getAs("office", "/api/research/topics?size=100")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(4)))
			.andExpect(jsonPath("$.page").value(1));
		getAs("office", "/api/research/topics/" + property.id())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topic.unit.name").value("物业管理科"))
			.andExpect(jsonPath("$.topic.statusLabel").value("已结题"))
			.andExpect(jsonPath("$.milestones.length()").value(4))
			.andExpect(jsonPath("$.outputs[0].kind").value("REPORT"))
			.andExpect(jsonPath("$.uses[0].kind").value("INSTRUCTION"));
		// the publicist of 物业管理科 (赵雪, the lead) sees that topic, not the bureau's own topic of 建筑业管理科
		getAs("publicist", "/api/research/topics/" + property.id()).andExpect(status().isOk());
		getAs("publicist", "/api/research/topics/" + own.id()).andExpect(status().isNotFound());
		getAs("publicist", "/api/research/topics/999999").andExpect(status().isNotFound());
		getAs("publicist", "/api/research/topics?size=100")
			.andExpect(jsonPath("$.content[*].id").value(Matchers.not(Matchers.hasItem((int) own.id()))));
		mvc.perform(get("/api/research/topics").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
	}

	@Test
	void competitionResultsOnlyOncePublished() throws Exception {
		Competition published = competitions.list().stream().filter(Competition::published).findFirst().orElseThrow();
		Competition judging = competitions.list().stream().filter(c -> !c.published()).findFirst().orElseThrow();
		getAs("staff", "/api/research/competitions").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(Matchers.hasItem((int) judging.id())));
		getAs("staff", "/api/research/competitions/" + published.id() + "/results")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.award == 'FIRST')].author.name").value(Matchers.not(Matchers.empty())));
		getAs("office", "/api/research/competitions/" + judging.id() + "/results").andExpect(status().isNotFound());

		SkillCompetition done = skillCompetitions.list().stream().filter(SkillCompetition::published).findFirst().orElseThrow();
		SkillCompetition open = skillCompetitions.list().stream().filter(c -> !c.published()).findFirst().orElseThrow();
		getAs("staff", "/api/training/competitions").andExpect(status().isOk());
		getAs("staff", "/api/training/competitions/" + done.id() + "/results")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].award").value("FIRST"))
			.andExpect(jsonPath("$[0].person.name").value("赵雪"));
		getAs("staff", "/api/training/competitions/" + open.id() + "/results").andExpect(status().isNotFound());
	}

	@Test
	void aPersonsTrainingRecordWithinTheScope() throws Exception {
		long zhao = person("物业管理科", "赵雪").getId();
		long cao = person("房地产市场监管科", "曹阳").getId();
		getAs("publicist", "/api/training/people/" + zhao)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.name").value("物业管理科"))
			.andExpect(jsonPath("$.records.length()").value(Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$.entries[?(@.award == 'FIRST')]").value(Matchers.not(Matchers.empty())));
		getAs("publicist", "/api/training/people/" + cao).andExpect(status().isNotFound());
		getAs("office", "/api/training/sessions").andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(3)));
	}

}
