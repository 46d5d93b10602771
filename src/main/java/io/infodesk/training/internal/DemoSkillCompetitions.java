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
 * demo login {@code personnel}: a writing competition a fortnight ago, judged by five and published (赵雪 first, so
 * her profile and the ledger show a COMPETITION_AWARD), and a short-video planning practice under way with entries,
 * one of them scored.
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
		LocalDate today = LocalDate.now(clock);
		SkillCompetition writing = competitions.open(new SkillCompetitions.Form(today.getYear() + "年度信息写作技能竞赛",
				SkillCompetition.Kind.SKILLS, SkillArea.WRITING, today.minusDays(14), "现场命题写作一篇政务信息，限时 90 分钟",
				"王建平\n刘晓梅\n陈志强\n孙丽\n周海涛", 1, 1, 1, BigDecimal.valueOf(15)), personnel);
		String[] titles = { "老旧小区改造惠民生", "商品房预售资金监管见成效", "保障房配租更加阳光", "建筑工地智慧监管上线" };
		String[][] scores = { { "92", "90", "94", "88", "91" }, { "86", "85", "88", "84", "87" },
				{ "80", "82", "79", "83", "81" }, { "75", "78", "70", "95", "76" } };
		for (int i = 0; i < people.size(); i++) {
			SkillCompetition.Entry entry = competitions.enter(writing.id(), people.get(i).getId(), titles[i], personnel);
			competitions.score(entry.id(), java.util.Arrays.stream(scores[i]).map(BigDecimal::new).toList(), personnel);
		}
		competitions.propose(writing.id(), personnel);
		competitions.publish(writing.id(), personnel);

		SkillCompetition video = competitions.open(new SkillCompetitions.Form("住建短视频专题策划实践",
				SkillCompetition.Kind.PLANNING, SkillArea.VIDEO, today.minusDays(2), "围绕“城市更新”策划并剪辑 3 分钟短视频",
				"王建平\n刘晓梅\n陈志强", 1, 1, 1, BigDecimal.valueOf(20)), personnel);
		SkillCompetition.Entry first = competitions.enter(video.id(), people.get(1).getId(), "老街新颜", personnel);
		competitions.enter(video.id(), people.get(2).getId(), "安居之路", personnel);
		competitions.score(first.id(), List.of(new BigDecimal("88"), new BigDecimal("85"), new BigDecimal("90")), personnel);
		log.info("Demo skills competitions created: one published, one under way");
	}

}
