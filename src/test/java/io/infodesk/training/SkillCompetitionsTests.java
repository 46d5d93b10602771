package io.infodesk.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.account.Role;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Recomputations;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.research.AwardRank;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Skills competitions end to end on the demo application: refused input (too few judges, a score out of range,
 * a second entry of a person, scores after the proposal), the result by the research scoring engine (trimmed mean
 * with five judges, the spread flagged), publication → COMPETITION_AWARD in the ledger for the person and the unit,
 * the recomputation finding the same entries, the award on the person's profile.
 */
class SkillCompetitionsTests extends AssessmentIntegrationTest {

	@Autowired
	SkillCompetitions competitions;

	@Autowired
	Recomputations recomputations;

	static List<BigDecimal> totals(String... values) {
		return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
	}

	@Test
	void aCompetitionIsJudgedPublishedAndScoredInTheLedger() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		LocalDate today = LocalDate.now(clock);
		String title = unique("新媒体编辑技能竞赛");
		SkillCompetitions.Form form = new SkillCompetitions.Form(title, SkillCompetition.Kind.SKILLS, SkillArea.NEW_MEDIA,
				today, null, "甲\n乙\n丙\n丁\n戊", 1, 1, 0, BigDecimal.valueOf(15));
		long before = jdbc.queryForObject("select count(*) from trn_competition", Long.class);
		assertThatThrownBy(() -> competitions.open(new SkillCompetitions.Form(title, SkillCompetition.Kind.SKILLS,
				SkillArea.NEW_MEDIA, today, null, "甲、乙", 1, 1, 0, BigDecimal.TEN), personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.competition.judges.count");
		assertThatThrownBy(() -> competitions.open(form, member("物业管理科", "赵雪", Role.PUBLICIST)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(jdbc.queryForObject("select count(*) from trn_competition", Long.class)).isEqualTo(before);

		SkillCompetition competition = competitions.open(form, personnel);
		long zhao = person("物业管理科", "赵雪").getId();
		long cao = person("房地产市场监管科", "曹阳").getId();
		long zeng = person("住房保障科", "曾晓").getId();
		SkillCompetition.Entry a = competitions.enter(competition.id(), zhao, "公众号推文《加装电梯那些事》", personnel);
		SkillCompetition.Entry b = competitions.enter(competition.id(), cao, "图解房地产新政", personnel);
		SkillCompetition.Entry c = competitions.enter(competition.id(), zeng, "保障房H5", personnel);
		assertThatThrownBy(() -> competitions.enter(competition.id(), zhao, "第二件", personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.entry.duplicate");

		// a score out of range through the page: refused in Chinese, nothing saved
		mvc.perform(post("/training/competitions/entries/" + a.id() + "/scores").with(as(personnel)).with(csrf())
			.param("s0", "90").param("s1", "101"))
			.andExpect(flash().attribute("flashError", "评委“乙”的打分须在 0 至 100 之间（最多一位小数）"));
		assertThat(competitions.entry(a.id()).scores()).containsOnlyNulls();

		competitions.score(a.id(), totals("90", "92", "94", "70", "91"), personnel);
		competitions.score(b.id(), totals("85", "86", "87", "88", "84"), personnel);
		competitions.score(c.id(), totals("60", "62", null, null, null), personnel);
		List<SkillCompetition.Entry> proposed = competitions.propose(competition.id(), personnel);
		SkillCompetition.Entry first = proposed.get(0);
		assertThat(first.id()).isEqualTo(a.id());
		// five judges: 70 and 94 dropped, mean of 90, 91, 92; spread 24 > 15 flagged
		assertThat(first.finalScore()).isEqualByComparingTo("91");
		assertThat(first.flagged()).isTrue();
		assertThat(first.proposedRank()).isEqualTo(AwardRank.FIRST);
		assertThat(proposed.get(1).proposedRank()).isEqualTo(AwardRank.SECOND);
		assertThat(proposed.get(2).proposedRank()).isNull();
		assertThatThrownBy(() -> competitions.score(c.id(), totals("99"), personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.competition.notOpen");

		competitions.publish(competition.id(), personnel);
		settle();
		List<LedgerEntry> unitEntries = ledger.entries(Ledger.EntryQuery.units(today, today).unit(unitId("物业管理科")))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.COMPETITION_AWARD) && e.sourceId().equals(Long.toString(a.id())))
			.toList();
		assertThat(unitEntries).singleElement().satisfies(e -> {
			assertThat(e.ruleKey()).isEqualTo("COMPETITION_AWARD:FIRST");
			assertThat(e.points()).isEqualByComparingTo("5");
		});
		assertThat(ledger.entries(Ledger.EntryQuery.persons(today, today).person(cao)))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.COMPETITION_AWARD) && e.sourceId().equals(Long.toString(b.id())))
			.extracting(LedgerEntry::points)
			.containsExactly(new BigDecimal("3.00"));
		assertThat(ledger.entries(Ledger.EntryQuery.units(today, today).unit(unitId("住房保障科"))))
			.filteredOn(e -> e.sourceId().equals(Long.toString(c.id())) && e.sourceType().equals(SourceTypes.COMPETITION_AWARD))
			.isEmpty();
		assertThat(recomputations.preview(today, today).differences())
			.filteredOn(d -> d.toString().contains(SourceTypes.COMPETITION_AWARD))
			.isEmpty();
		assertThat(auditCount("SKILL_RESULTS_PUBLISHED", competition.id())).isEqualTo(1);

		// published: the results for everybody, the award on the profile, the exports
		AuthenticatedUser reader = member("房地产市场监管科", "曹阳", Role.PUBLICIST);
		mvc.perform(get("/training/competitions/" + competition.id()).with(as(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("公众号推文《加装电梯那些事》")));
		mvc.perform(get("/training/people/" + zhao).with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(title)))
			.andExpect(content().string(Matchers.containsString("一等奖")));
		mvc.perform(get("/training/competitions/export").with(as(reader))).andExpect(status().isOk());
		mvc.perform(get("/training/competitions/" + competition.id() + "/export").with(as(reader))).andExpect(status().isOk());
	}

	@Test
	void beforePublicationAReaderSeesOnlyTheEntriesOfTheOwnUnit() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		SkillCompetition competition = competitions.open(new SkillCompetitions.Form(unique("摄影技能竞赛"),
				SkillCompetition.Kind.SKILLS, SkillArea.PHOTOGRAPHY, LocalDate.now(clock), null, "甲\n乙\n丙", 1, 0, 0,
				BigDecimal.TEN), personnel);
		competitions.enter(competition.id(), person("物业管理科", "赵雪").getId(), "光影物业", personnel);
		competitions.enter(competition.id(), person("房地产市场监管科", "曹阳").getId(), "楼市一角", personnel);
		AuthenticatedUser staff = member("物业管理科", "邓文", Role.STAFF);
		mvc.perform(get("/training/competitions/" + competition.id()).with(as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("光影物业")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("楼市一角"))));
		mvc.perform(post("/training/competitions/" + competition.id() + "/propose").with(as(personnel)).with(csrf()))
			.andExpect(flash().attribute("flashError", "还没有任何评分"));
	}

	@Test
	void theDemoHasAPublishedAndAnOpenCompetition() {
		assertThat(competitions.list()).extracting(SkillCompetition::status)
			.contains(SkillCompetition.Status.PUBLISHED, SkillCompetition.Status.OPEN);
	}

}
