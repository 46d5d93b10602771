package io.infodesk.research.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.research.KeyTopic;
import io.infodesk.research.KeyTopics;
import io.infodesk.research.Topic;
import io.infodesk.research.TopicAnalysis;
import io.infodesk.research.TopicForm;
import io.infodesk.research.Topics;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Demo research topics (profile {@code demo}, only while there is no topic), this year to date, through
 * {@link KeyTopics} and {@link Topics} as the demo login {@code office}: the four district bodies' key topics, a
 * topic analysis in spring with three candidates (two chosen, one registered), and topics in every state — one
 * concluded with its report and a district leader's instruction (so its points are in the ledger), one under way
 * with activities and met milestones, one from the analysis, one just registered.
 */
@Component
@Profile("demo")
@Order(37)
class DemoResearchTopics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoResearchTopics.class);

	private final Topics topics;

	private final KeyTopics keyTopics;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoResearchTopics(Topics topics, KeyTopics keyTopics, Organization organization, UserDetailsService users,
			JdbcTemplate jdbc, Clock clock) {
		this.topics = topics;
		this.keyTopics = keyTopics;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("select count(*) from rsh_topic", Long.class) > 0) {
			return;
		}
		Optional<AuthenticatedUser> office = user("office");
		Optional<Person> zhao = organization.personNamed("物业管理科", "赵雪");
		Optional<Person> cao = organization.personNamed("房地产市场监管科", "曹阳");
		Optional<Person> zeng = organization.personNamed("住房保障科", "曾晓");
		Optional<Person> tang = organization.personNamed("建筑业管理科", "唐亮");
		if (office.isEmpty() || zhao.isEmpty() || cao.isEmpty() || zeng.isEmpty() || tang.isEmpty()) {
			log.info("Demo research topics skipped: the demo accounts or people are missing");
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(office.get(), null,
					office.get().getAuthorities()));
		try {
			create(office.get(), zhao.get(), cao.get(), zeng.get(), tang.get());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create(AuthenticatedUser office, Person zhao, Person cao, Person zeng, Person tang) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = today.withDayOfYear(1);
		int year = today.getYear();
		KeyTopic government = keyTopics.add(year, Topic.Source.DISTRICT_GOVERNMENT, "城市更新背景下老旧小区改造长效管理机制研究",
				"区政府年度调研重点课题，由住建局牵头", office);
		KeyTopic committee = keyTopics.add(year, Topic.Source.DISTRICT_COMMITTEE, "保障性住房供给与群众住房需求匹配研究",
				"区委年度调研重点课题", office);
		keyTopics.add(year, Topic.Source.DISTRICT_CONGRESS, "物业服务质量监督的制度建设", "区人大常委会年度调研课题", office);
		keyTopics.add(year, Topic.Source.DISTRICT_CPPCC, "建筑业企业转型升级的瓶颈与对策", "区政协年度协商调研课题", office);

		LocalDate analysisDay = start.plusDays(Math.min(60, today.getDayOfYear() - 1));
		TopicAnalysis analysis = keyTopics.analyse(new TopicAnalysis.Form(year + "年度第一次选题分析会", analysisDay,
				"局办公室、各业务科室负责人", "围绕住建领域重点、热点、难点问题，梳理形成候选题目三个，确定两个。",
				List.of("既有住宅加装电梯推进难点与对策", "房地产市场预售资金监管成效调研", "建筑工地扬尘治理长效机制"),
				List.of(TopicAnalysis.Problem.DIFFICULT, TopicAnalysis.Problem.HOT, TopicAnalysis.Problem.KEY),
				List.of(Topic.Aim.BREAK_BOTTLENECKS, Topic.Aim.SERVE_DECISIONS, Topic.Aim.EXPAND_WORK),
				List.of("群众反映集中，协调难度大", "市场关注度高", "")), office);
		TopicAnalysis.Candidate elevator = analysis.candidates().get(0);
		keyTopics.choose(elevator.id(), true, office);
		keyTopics.choose(analysis.candidates().get(1).id(), true, office);

		// concluded, with its report, and instructed on by a district leader (points in the ledger)
		LocalDate base = start.isAfter(today.minusDays(40)) ? today.minusDays(40) : start;
		Topic renewal = topics.create(form(government.title(), "落实区政府年度重点课题", Topic.Source.DISTRICT_GOVERNMENT,
				Topic.Aim.SERVE_DECISIONS, zhao, List.of(cao.getId(), zeng.getId()), base.plusDays(10), base.plusDays(20),
				base.plusDays(30), base.plusDays(38), government.id(), null), office);
		topics.recordActivity(renewal.id(), Topic.ActivityKind.VISIT, base.plusDays(12), "城东街道3个老旧小区",
				"赵雪、曹阳、曾晓", "实地查看改造后小区的物业管理和设施维护情况", office);
		topics.recordActivity(renewal.id(), Topic.ActivityKind.SYMPOSIUM, base.plusDays(15), "局三楼会议室",
				"街道、社区、物业企业代表12人", "听取改造后长效管理的意见建议", office);
		topics.recordActivity(renewal.id(), Topic.ActivityKind.QUESTIONNAIRE, base.plusDays(18), "线上问卷", "居民",
				"回收有效问卷 436 份", office);
		Topic.Output report = topics.addOutput(renewal.id(), Topic.OutputKind.REPORT, "关于老旧小区改造长效管理机制的调研报告",
				docx("关于老旧小区改造长效管理机制的调研报告"), office);
		for (Topic.Milestone milestone : renewal.milestones()) {
			topics.completeMilestone(renewal.id(), milestone.id(), office);
		}
		topics.recordUse(renewal.id(), Topic.UseKind.INSTRUCTION, Topic.UseLevel.DISTRICT, "区政府分管副区长",
				"报告分析透彻，建议可行，请住建局会同各街道抓好落实。", today, report.id(), office);

		// under way: plan and field research met, activities recorded
		Topic housing = topics.create(form(committee.title(), "落实区委年度重点课题", Topic.Source.DISTRICT_COMMITTEE,
				Topic.Aim.EXPAND_WORK, zeng, List.of(tang.getId()), today.minusDays(20), today.minusDays(5),
				today.plusDays(30), today.plusDays(60), committee.id(), null), office);
		topics.recordActivity(housing.id(), Topic.ActivityKind.INTERVIEW, today.minusDays(8), "保障房小区",
				"曾晓、唐亮", "走访租户 20 户，了解配租需求", office);
		topics.completeMilestone(housing.id(), housing.milestones().get(0).id(), office);

		// from the analysis, under way
		Topic lift = topics.create(form(elevator.title(), elevator.rationale(), Topic.Source.ANALYSIS, elevator.aim(), cao,
				List.of(zhao.getId()), today.minusDays(3), today.plusDays(20), today.plusDays(45), today.plusDays(70), null,
				elevator.id()), office);
		topics.recordActivity(lift.id(), Topic.ActivityKind.SYMPOSIUM, today.minusDays(2), "城西街道",
				"业主代表、电梯企业", "梳理加装电梯协调难点", office);

		// just registered, the bureau's own
		topics.create(form("住建领域政务服务“一网通办”推进情况调研", "局自选课题", Topic.Source.OWN, Topic.Aim.EXPAND_WORK, tang,
				List.of(), today.plusDays(10), today.plusDays(40), today.plusDays(70), today.plusDays(90), null, null), office);
		log.info("Demo research topics created: four key topics, one analysis, four topics");
	}

	private static TopicForm form(String title, String background, Topic.Source source, Topic.Aim aim, Person lead,
			List<Long> members, LocalDate plan, LocalDate field, LocalDate draft, LocalDate last, Long keyTopicId,
			Long candidateId) {
		return new TopicForm(title, background, source, aim, lead.getUnitId(), lead.getId(), members, plan, field, draft,
				last, keyTopicId, candidateId);
	}

	private static Upload docx(String title) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(title);
			document.createParagraph().createRun().setText("一、基本情况　二、存在问题　三、对策建议");
			document.write(out);
			byte[] bytes = out.toByteArray();
			return new Upload(title + ".docx", bytes.length, new ByteArrayResource(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (org.springframework.security.core.userdetails.UsernameNotFoundException missing) {
			return Optional.empty();
		}
	}

}
