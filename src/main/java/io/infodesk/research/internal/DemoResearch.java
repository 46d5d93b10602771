package io.infodesk.research.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import io.infodesk.research.Competition;
import io.infodesk.research.CompetitionForm;
import io.infodesk.research.Competitions;
import io.infodesk.research.Paper;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.Permissions;

/**
 * Demo data of research (profile {@code demo}, only while there is no competition): a finished paper competition of
 * this year with its results published (and so its PAPER_AWARD points in the ledger), and one being judged, whose
 * judges are the demo logins {@code leader}, {@code charge} and {@code personnel} (张建国, 李明华 of 局领导班子, 吴静
 * of 组织人事科) so that a visitor can score blind; papers by 赵雪 and colleagues of other units. Everything through
 * {@link Competitions} as the demo users; authors without a login act through a principal of their person. Runs
 * after the demo reporting (30).
 */
@Component
@Profile("demo")
@Order(35)
class DemoResearch implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoResearch.class);

	private final Competitions competitions;

	private final Organization organization;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoResearch(Competitions competitions, Organization organization, UserDetailsService users, JdbcTemplate jdbc,
			Clock clock) {
		this.competitions = competitions;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("select count(*) from rsh_competition", Long.class) > 0) {
			return;
		}
		Optional<AuthenticatedUser> office = user("office");
		Optional<AuthenticatedUser> leader = user("leader");
		Optional<AuthenticatedUser> charge = user("charge");
		Optional<AuthenticatedUser> personnel = user("personnel");
		Optional<AuthenticatedUser> publicist = user("publicist");
		if (office.isEmpty() || leader.isEmpty() || charge.isEmpty() || personnel.isEmpty() || publicist.isEmpty()) {
			log.info("Demo research skipped: the demo accounts are missing");
			return;
		}
		try {
			create(office.get(), List.of(leader.get(), charge.get(), personnel.get()), publicist.get());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create(AuthenticatedUser office, List<AuthenticatedUser> judges, AuthenticatedUser publicist) {
		LocalDate today = LocalDate.now(clock);
		List<AuthenticatedUser> authors = new ArrayList<>(List.of(publicist));
		for (String[] name : List.of(new String[] { "房地产市场监管科", "曹阳" }, new String[] { "建筑业管理科", "唐亮" },
				new String[] { "住房保障科", "曾晓" }, new String[] { "质量安全监督站", "阎海" })) {
			organization.personNamed(name[0], name[1]).ifPresent(person -> authors.add(author(person, name[0])));
		}
		// finished: window from the spring to today, judged and published today
		logIn(office);
		Competition finished = competitions.open(form(today.getYear() + "年度第一批调研论文评比", today.minusDays(60),
				today, today, judges), office);
		List<String> titles = List.of("关于老旧小区物业管理全覆盖的调研与思考", "房地产市场平稳健康发展的对策研究",
				"建筑业企业高质量发展的瓶颈与突破", "保障性租赁住房供给机制调研报告", "工程质量安全监管数字化转型研究");
		List<Paper> papers = new ArrayList<>();
		for (int i = 0; i < authors.size(); i++) {
			logIn(authors.get(i));
			papers.add(competitions.submit(finished.id(), titles.get(i), paper(titles.get(i), authors.get(i)), authors.get(i)));
		}
		logIn(office);
		competitions.startJudging(finished.id(), office);
		String[][] sheets = { { "28", "27", "26", "9" }, { "25", "24", "26", "8" }, { "22", "23", "21", "8" },
				{ "26", "25", "24", "9" }, { "20", "21", "22", "7" } };
		for (AuthenticatedUser judge : judges) {
			logIn(judge);
			int offset = judges.indexOf(judge);
			for (int i = 0; i < papers.size(); i++) {
				Paper paper = papers.get(i);
				if (paper.unitId() == judge.unitId()) {
					continue;
				}
				competitions.score(paper.id(), sheet(finished, sheets[i], offset), judge);
			}
		}
		logIn(office);
		competitions.propose(finished.id(), office);
		competitions.publish(finished.id(), office);

		// being judged: submitted until yesterday, judging for three more weeks; one judge has started
		Competition judging = competitions.open(form(today.getYear() + "年度第二批调研论文评比（城市更新专题）",
				today.minusDays(20), today.plusDays(5), today.plusDays(21), judges), office);
		List<Paper> second = new ArrayList<>();
		List<String> topics = List.of("城市更新中历史街区保护利用的调研", "老旧小区加装电梯推进难点与对策", "城中村改造群众诉求调研");
		for (int i = 0; i < Math.min(topics.size(), authors.size()); i++) {
			logIn(authors.get(i));
			second.add(competitions.submit(judging.id(), topics.get(i), paper(topics.get(i), authors.get(i)), authors.get(i)));
		}
		logIn(office);
		competitions.startJudging(judging.id(), office);
		AuthenticatedUser first = judges.get(2);
		logIn(first);
		for (Paper paper : second) {
			if (paper.unitId() != first.unitId()) {
				competitions.score(paper.id(), sheet(judging, sheets[0], 1), first);
				break;
			}
		}
		log.info("Demo research created: one published paper competition, one being judged");
	}

	private static CompetitionForm form(String title, LocalDate opens, LocalDate closes, LocalDate judgingCloses,
			List<AuthenticatedUser> judges) {
		return new CompetitionForm(title, "围绕住建领域重点、热点、难点问题，服务上层决策、推进工作拓展、寻求瓶颈突破。",
				"局机关各科室、局属各单位干部职工，每人限报一篇", opens, closes, judgingCloses, BigDecimal.valueOf(20),
				CompetitionForm.DEFAULT_CRITERIA, CompetitionForm.DEFAULT_WEIGHTS, 1, 1, 2,
				judges.stream().map(AuthenticatedUser::personId).toList());
	}

	private static Map<Long, BigDecimal> sheet(Competition competition, String[] points, int offset) {
		Map<Long, BigDecimal> sheet = new LinkedHashMap<>();
		for (int i = 0; i < points.length; i++) {
			BigDecimal value = new BigDecimal(points[i]).subtract(BigDecimal.valueOf(offset % 2));
			sheet.put(competition.criteria().get(i).id(), value.max(BigDecimal.ZERO));
		}
		return sheet;
	}

	private Upload paper(String title, AuthenticatedUser author) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(title);
			document.createParagraph().createRun().setText("一、基本情况　二、存在问题　三、对策建议");
			document.getProperties().getCoreProperties().setCreator(author.displayName());
			document.getProperties().getExtendedProperties().getUnderlyingProperties()
				.setCompany(author.unitName() == null ? "" : author.unitName());
			document.write(out);
			byte[] bytes = out.toByteArray();
			return new Upload(title + ".docx", bytes.length, new ByteArrayResource(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AuthenticatedUser author(Person person, String unitName) {
		return new AuthenticatedUser(-person.getId(), "demo-author-" + person.getId(), "{noop}unused", person.getName(),
				person.getId(), person.getUnitId(), unitName, Set.of("PUBLICIST"), Set.of(Permissions.RESEARCH_VIEW), true,
				false, false);
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (org.springframework.security.core.userdetails.UsernameNotFoundException missing) {
			return Optional.empty();
		}
	}

	private static void logIn(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
