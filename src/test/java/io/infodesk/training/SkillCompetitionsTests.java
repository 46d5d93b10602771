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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Skills competitions end to end on the demo application, judged like the paper competition: refused input (too few
 * judges, bad criteria, a score out of a criterion's range, a judge on an entry of the own unit, somebody who is not a
 * judge, a second entry of a person, scores after the proposal), each judge's sheet per criterion normalised and the
 * result by the research scoring engine (trimmed mean with five judges, the spread flagged), publication →
 * COMPETITION_AWARD in the ledger for the person and the unit, the recomputation finding the same entries, the award
 * on the person's profile.
 */
class SkillCompetitionsTests extends AssessmentIntegrationTest {

	@Autowired
	SkillCompetitions competitions;

	@Autowired
	Recomputations recomputations;

	static SkillCompetitions.Form form(String title, SkillArea area, List<AuthenticatedUser> judges, int first,
			int second, BigDecimal threshold) {
		return new SkillCompetitions.Form(title, SkillCompetition.Kind.SKILLS, area, null, null,
				SkillCompetitions.DEFAULT_CRITERIA, SkillCompetitions.DEFAULT_WEIGHTS,
				judges.stream().map(AuthenticatedUser::personId).toList(), first, second, 0, threshold);
	}

	SkillCompetitions.Form on(SkillCompetitions.Form form) {
		return new SkillCompetitions.Form(form.title(), form.kind(), form.skillArea(), LocalDate.now(clock),
				form.description(), form.criterionNames(), form.criterionWeights(), form.judgePersonIds(), form.firstCount(),
				form.secondCount(), form.thirdCount(), form.disagreementThreshold());
	}

	/** A sheet worth {@code total} of 100 on the default criteria 内容质量 40, 专业技巧 40, 创意表现 20. */
	static Map<Long, BigDecimal> sheet(SkillCompetition competition, int total) {
		Map<Long, BigDecimal> sheet = new LinkedHashMap<>();
		for (SkillCompetition.Criterion c : competition.criteria()) {
			sheet.put(c.id(), BigDecimal.valueOf(total * c.weight()).movePointLeft(2));
		}
		return sheet;
	}

	@Test
	void aCompetitionIsJudgedPublishedAndScoredInTheLedger() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		LocalDate today = LocalDate.now(clock);
		String title = unique("新媒体编辑技能竞赛");
		AuthenticatedUser lin = member("办公室", "林小燕", Role.STAFF);
		AuthenticatedUser zhu = member("组织人事科", "朱晨", Role.PUBLICIST);
		AuthenticatedUser liang = member("计划财务科", "梁爽", Role.PUBLICIST);
		AuthenticatedUser deng = member("物业管理科", "邓文", Role.STAFF);
		AuthenticatedUser leader = user("leader");
		SkillCompetitions.Form form = on(form(title, SkillArea.NEW_MEDIA, List.of(lin, zhu, liang, deng, leader), 1, 1,
				BigDecimal.valueOf(15)));
		long before = jdbc.queryForObject("select count(*) from trn_competition", Long.class);
		assertThatThrownBy(() -> competitions.open(on(form(title, SkillArea.NEW_MEDIA, List.of(lin, zhu), 1, 1,
				BigDecimal.TEN)), personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.competition.judges.count");
		assertThatThrownBy(() -> competitions.open(new SkillCompetitions.Form(title, SkillCompetition.Kind.SKILLS,
				SkillArea.NEW_MEDIA, today, null, List.of("内容", "技巧"), java.util.Arrays.asList(60, 0),
				form.judgePersonIds(), 1, 1, 0, BigDecimal.TEN), personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.competition.criteria.invalid");
		assertThatThrownBy(() -> competitions.open(form, member("物业管理科", "赵雪", Role.PUBLICIST)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(jdbc.queryForObject("select count(*) from trn_competition", Long.class)).isEqualTo(before);

		SkillCompetition competition = competitions.open(form, personnel);
		assertThat(competition.judges()).containsExactly("林小燕", "朱晨", "梁爽", "邓文", "张建国");
		assertThat(competition.criteria()).extracting(SkillCompetition.Criterion::weight).containsExactly(40, 40, 20);
		long zhao = person("物业管理科", "赵雪").getId();
		long cao = person("房地产市场监管科", "曹阳").getId();
		long zeng = person("住房保障科", "曾晓").getId();
		SkillCompetition.Entry a = competitions.enter(competition.id(), zhao, "公众号推文《加装电梯那些事》", personnel);
		SkillCompetition.Entry b = competitions.enter(competition.id(), cao, "图解房地产新政", personnel);
		SkillCompetition.Entry c = competitions.enter(competition.id(), zeng, "保障房H5", personnel);
		assertThatThrownBy(() -> competitions.enter(competition.id(), zhao, "第二件", personnel))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.entry.duplicate");

		// a score out of a criterion's range through the judge's page: refused in Chinese, nothing saved
		long content = competition.criteria().get(0).id();
		long skill = competition.criteria().get(1).id();
		long creativity = competition.criteria().get(2).id();
		mvc.perform(post("/training/competitions/entries/" + a.id() + "/scores").with(as(lin)).with(csrf())
			.param("c" + content, "30").param("c" + skill, "45").param("c" + creativity, "10"))
			.andExpect(flash().attribute("flashError", "“专业技巧”的分数应在 0 至 40 之间（最多一位小数）"));
		mvc.perform(post("/training/competitions/entries/" + a.id() + "/scores").with(as(lin)).with(csrf())
			.param("c" + content, "30").param("c" + skill, "30"))
			.andExpect(flash().attribute("flashError", "请给“创意表现”打分"));
		assertThat(competitions.entry(a.id()).scores()).containsOnlyNulls();
		assertThat(competitions.mySheet(a.id(), lin.personId())).isEmpty();
		// the organiser is not a judge; a judge never scores the own unit's entry (and the page says so)
		assertThatThrownBy(() -> competitions.score(a.id(), sheet(competition, 90), personnel))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> competitions.score(a.id(), sheet(competition, 90), deng))
			.extracting(ex -> ((TrainingException) ex).messageKey())
			.isEqualTo("training.score.ownUnit");
		mvc.perform(get("/training/competitions/" + competition.id()).with(as(deng)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("本单位作品，回避")))
			.andExpect(content().string(Matchers.containsString("图解房地产新政")));

		// the judges' sheets: 林小燕 through the page, the others through the service
		mvc.perform(post("/training/competitions/entries/" + a.id() + "/scores").with(as(lin)).with(csrf())
			.param("c" + content, "36").param("c" + skill, "36").param("c" + creativity, "18"))
			.andExpect(flash().attribute("flashSuccess", "评分已保存。"));
		competitions.score(a.id(), sheet(competition, 92), zhu);
		competitions.score(a.id(), sheet(competition, 94), liang);
		competitions.score(a.id(), sheet(competition, 70), leader);
		competitions.score(b.id(), sheet(competition, 85), lin);
		competitions.score(b.id(), sheet(competition, 86), zhu);
		competitions.score(b.id(), sheet(competition, 87), liang);
		competitions.score(b.id(), sheet(competition, 88), deng);
		competitions.score(b.id(), sheet(competition, 84), leader);
		competitions.score(c.id(), sheet(competition, 60), lin);
		competitions.score(c.id(), sheet(competition, 62), zhu);
		assertThat(competitions.entry(a.id()).scores()).extracting(s -> s == null ? null : s.stripTrailingZeros().toPlainString())
			.containsExactly("90", "92", "94", null, "70");
		List<SkillCompetition.Entry> proposed = competitions.propose(competition.id(), personnel);
		SkillCompetition.Entry first = proposed.get(0);
		assertThat(first.id()).isEqualTo(a.id());
		// four judges (邓文 of the same unit abstains): the mean of all, 86.5; spread 24 > 15 flagged
		assertThat(first.finalScore()).isEqualByComparingTo("86.5");
		assertThat(first.judgeCount()).isEqualTo(4);
		assertThat(first.flagged()).isTrue();
		assertThat(first.proposedRank()).isEqualTo(AwardRank.FIRST);
		// five judges: 84 and 88 dropped, the mean of 85, 86, 87
		assertThat(proposed.get(1).id()).isEqualTo(b.id());
		assertThat(proposed.get(1).finalScore()).isEqualByComparingTo("86");
		assertThat(proposed.get(1).flagged()).isFalse();
		assertThat(proposed.get(1).proposedRank()).isEqualTo(AwardRank.SECOND);
		assertThat(proposed.get(2).proposedRank()).isNull();
		assertThatThrownBy(() -> competitions.score(c.id(), sheet(competition, 99), liang))
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
		assertThat(auditCount("SKILL_ENTRY_SCORED", competition.id())).isEqualTo(11);

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
	void beforePublicationAReaderSeesOnlyTheEntriesOfTheOwnUnitAndAJudgeSeesAllWithTheSheets() throws Exception {
		AuthenticatedUser personnel = logIn("personnel");
		AuthenticatedUser lin = member("办公室", "林小燕", Role.STAFF);
		SkillCompetition competition = competitions.open(on(form(unique("摄影技能竞赛"), SkillArea.PHOTOGRAPHY,
				List.of(lin, member("组织人事科", "朱晨", Role.PUBLICIST), member("计划财务科", "梁爽", Role.PUBLICIST)), 1, 0,
				BigDecimal.TEN)), personnel);
		competitions.enter(competition.id(), person("物业管理科", "赵雪").getId(), "光影物业", personnel);
		competitions.enter(competition.id(), person("房地产市场监管科", "曹阳").getId(), "楼市一角", personnel);
		AuthenticatedUser staff = member("物业管理科", "邓文", Role.STAFF);
		mvc.perform(get("/training/competitions/" + competition.id()).with(as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("光影物业")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("楼市一角"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("score-form"))));
		mvc.perform(get("/training/competitions/" + competition.id()).with(as(lin)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("楼市一角")))
			.andExpect(content().string(Matchers.containsString("name=\"c" + competition.criteria().get(0).id() + "\"")));
		mvc.perform(get("/training/competitions").with(as(lin)))
			.andExpect(content().string(Matchers.containsString("我是评委")));
		mvc.perform(post("/training/competitions/" + competition.id() + "/propose").with(as(personnel)).with(csrf()))
			.andExpect(flash().attribute("flashError", "还没有任何评分"));
	}

	@Test
	void theDemoHasAPublishedAndAnOpenCompetitionWaitingForTheDemoJudges() {
		assertThat(competitions.list()).extracting(SkillCompetition::status)
			.contains(SkillCompetition.Status.PUBLISHED, SkillCompetition.Status.OPEN);
		SkillCompetition open = competitions.list()
			.stream()
			.filter(c -> c.status() == SkillCompetition.Status.OPEN && c.title().equals("住建短视频专题策划实践"))
			.findFirst()
			.orElseThrow();
		long leader = user("leader").personId();
		assertThat(open.judgedBy(leader)).isTrue();
		assertThat(competitions.entries(open.id())).allSatisfy(e -> assertThat(competitions.mySheet(e.id(), leader)).isEmpty());
		assertThat(competitions.entries(open.id())).anySatisfy(e -> assertThat(e.scores()).anyMatch(java.util.Objects::nonNull));
	}

}
