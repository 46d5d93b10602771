package io.infodesk.training.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.training.SkillArea;
import io.infodesk.training.SkillCompetition;
import io.infodesk.training.SkillCompetitions;

/**
 * Demo skills competitions (profile {@code demo}, only while there is none), through {@link SkillCompetitions} as the
 * demo login {@code personnel}: a writing competition a fortnight ago, judged by the five demo logins {@code leader},
 * {@code charge}, {@code personnel}, {@code office} and {@code head2} on the default criteria (傅强 of 住房保障科 does
 * not score 曾晓's entry) and published (赵雪 first, so her profile and the ledger show a COMPETITION_AWARD), and a
 * short-video planning practice under way, judged by {@code leader}, {@code charge} and {@code office}, where only
 * {@code charge} has scored yet — {@code leader} and {@code office} find it open for their scores.
 */
@Component
@Profile("demo")
@Order(38)
class DemoSkillCompetitions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSkillCompetitions.class);

	private final SkillCompetitions competitions;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoSkillCompetitions(SkillCompetitions competitions, Organization organization, UserDetailsService users,
			JdbcTemplate jdbc, Clock clock) {
		this.competitions = competitions;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("select count(*) from trn_competition", Long.class) > 0) {
			return;
		}
		AuthenticatedUser personnel = DemoSupport.login(users, "personnel").orElse(null);
		List<Person> people = DemoSupport.people(organization, new String[] { "物业管理科", "赵雪" },
				new String[] { "房地产市场监管科", "曹阳" }, new String[] { "住房保障科", "曾晓" }, new String[] { "建筑业管理科", "唐亮" });
		if (personnel == null || people.isEmpty()) {
			log.info("Demo skills competitions skipped: the demo accounts or people are missing");
			return;
		}
		DemoSupport.as(personnel, () -> create(personnel, people));
	}

	private void create(AuthenticatedUser personnel, List<Person> people) {
		List<AuthenticatedUser> judges = java.util.stream.Stream.of("leader", "charge", "personnel", "office", "head2")
			.map(name -> DemoSupport.login(users, name).orElse(null))
			.filter(java.util.Objects::nonNull)
			.filter(user -> user.personId() != null)
			.toList();
		if (judges.size() < 5) {
			log.info("Demo skills competitions skipped: the demo judges are missing");
			return;
		}
		LocalDate today = LocalDate.now(clock);
		SkillCompetition writing = competitions.open(new SkillCompetitions.Form(today.getYear() + "年度信息写作技能竞赛",
				SkillCompetition.Kind.SKILLS, SkillArea.WRITING, today.minusDays(14), "现场命题写作一篇政务信息，限时 90 分钟",
				SkillCompetitions.DEFAULT_CRITERIA, SkillCompetitions.DEFAULT_WEIGHTS,
				judges.stream().map(AuthenticatedUser::personId).toList(), 1, 1, 1, BigDecimal.valueOf(15)), personnel);
		String[] titles = { "老旧小区改造惠民生", "商品房预售资金监管见成效", "保障房配租更加阳光", "建筑工地智慧监管上线" };
		int[][] totals = { { 92, 90, 94, 88, 91 }, { 86, 85, 88, 84, 87 }, { 80, 82, 79, 83, 81 }, { 75, 78, 70, 95, 76 } };
		for (int i = 0; i < people.size(); i++) {
			SkillCompetition.Entry entry = competitions.enter(writing.id(), people.get(i).getId(), titles[i], personnel);
			for (int j = 0; j < judges.size(); j++) {
				score(writing, entry, judges.get(j), totals[i][j]);
			}
		}
		competitions.propose(writing.id(), personnel);
		competitions.publish(writing.id(), personnel);

		List<AuthenticatedUser> videoJudges = List.of(judges.get(0), judges.get(1), judges.get(3));
		SkillCompetition video = competitions.open(new SkillCompetitions.Form("住建短视频专题策划实践",
				SkillCompetition.Kind.PLANNING, SkillArea.VIDEO, today.minusDays(2), "围绕“城市更新”策划并剪辑 3 分钟短视频",
				SkillCompetitions.DEFAULT_CRITERIA, SkillCompetitions.DEFAULT_WEIGHTS,
				videoJudges.stream().map(AuthenticatedUser::personId).toList(), 1, 1, 1, BigDecimal.valueOf(20)), personnel);
		SkillCompetition.Entry first = competitions.enter(video.id(), people.get(1).getId(), "老街新颜", personnel);
		competitions.enter(video.id(), people.get(2).getId(), "安居之路", personnel);
		score(video, first, judges.get(1), 85);
		log.info("Demo skills competitions created: one published, one open for judging");
	}

	/**
	 * A judge's sheet worth {@code total} of 100 on the default criteria (40 / 40 / 20), written as that judge; an
	 * entry of the judge's own unit is left out, as the service requires.
	 */
	private void score(SkillCompetition competition, SkillCompetition.Entry entry, AuthenticatedUser judge, int total) {
		if (organization.person(judge.personId()).map(Person::getUnitId).orElse(-1L) == entry.unitId()) {
			return;
		}
		java.util.Map<Long, BigDecimal> sheet = new java.util.LinkedHashMap<>();
		for (SkillCompetition.Criterion criterion : competition.criteria()) {
			sheet.put(criterion.id(), BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(criterion.weight()))
				.divide(BigDecimal.valueOf(100), 1, java.math.RoundingMode.HALF_UP));
		}
		DemoSupport.as(judge, () -> competitions.score(entry.id(), sheet, judge));
	}

}
