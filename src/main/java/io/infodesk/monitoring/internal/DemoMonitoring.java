package io.infodesk.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.web.BusinessException;

/**
 * Demo data of monitoring (profile {@code demo}, only while no item is stored): four sources (central, provincial,
 * city media and a local forum; disabled, with addresses under {@code demo.invalid}, so nothing is fetched) and a
 * fixture of realistic housing news and citizen complaints written by the project, ingested through {@link Items}
 * as if fetched today — an unfinished-project story reprinted by all four (a red alert with its cluster and first
 * publisher), unpaid wages, a property-company change, a ministry policy, a Wujin first, and unrelated news.
 * Then, through {@link WatchLists}, {@link Cases} and {@link Clues} as the demo users: a watch-list entry per hot
 * spot, three cases at three stages (the red delivery alert 处置中 with its log and a commentator's guidance task, the
 * wages case 已办结 with summary and review, the property case 待分办) and two clues (one reported, one archived).
 */
@Component
@Profile("demo")
@Order(40)
class DemoMonitoring implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

	private final JdbcTemplate jdbc;

	private final Schemes schemes;

	private final Sources sources;

	private final Items items;

	private final Clock clock;

	private final WatchLists watchLists;

	private final Cases cases;

	private final Clues clues;

	private final Organization organization;

	private final UserDetailsService users;

	DemoMonitoring(JdbcTemplate jdbc, Schemes schemes, Sources sources, Items items, Clock clock, WatchLists watchLists,
			Cases cases, Clues clues, Organization organization, UserDetailsService users) {
		this.watchLists = watchLists;
		this.cases = cases;
		this.clues = clues;
		this.organization = organization;
		this.users = users;
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.sources = sources;
		this.items = items;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		schemes.installDefaultsAndLoad();
		Integer stored = jdbc.queryForObject("select count(*) from mon_item", Integer.class);
		if (stored != null && stored > 0) {
			return;
		}
		long started = System.nanoTime();
		Instant now = Instant.now(clock);
		ingest("人民网·地方领导留言板", Source.Kind.CENTRAL, 1, Source.Format.FEED, "people.xml", now);
		ingest("新华日报·交汇点", Source.Kind.PROVINCIAL, 2, Source.Format.FEED, "xhrb.xml", now);
		ingest("常州日报", Source.Kind.CITY, 3, Source.Format.FEED, "czrb.xml", now);
		ingest("武进论坛·民生投诉", Source.Kind.FORUM, 4, Source.Format.HTML, "bbs.html", now);
		work();
		log.info("Demo monitoring: {} items in {} clusters in {} ms",
				jdbc.queryForObject("select count(*) from mon_item", Integer.class),
				jdbc.queryForObject("select count(*) from mon_cluster", Integer.class),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Watch lists, cases at three stages and two clues, written through the services as the demo users. */
	private void work() {
		java.util.Optional<AuthenticatedUser> office = user("office");
		java.util.Optional<AuthenticatedUser> publicist = user("publicist");
		java.util.Optional<Unit> market = unitNamed("房地产市场监管科");
		java.util.Optional<Unit> building = unitNamed("建筑业管理科");
		if (office.isEmpty() || publicist.isEmpty() || market.isEmpty() || building.isEmpty()) {
			log.info("Demo monitoring cases skipped: the demo organisation or accounts are missing");
			return;
		}
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		try {
			as(office.get());
			watchLists.add(Topic.DELIVERY, "湖塘星河湾", "常州某置业有限公司", today.plusMonths(2), "合同约定交付日期", office.get());
			watchLists.add(Topic.WAGES, "牛塘安置房三期", "江苏某建设集团", today.plusDays(40), "春节前工资支付节点",
					office.get());
			watchLists.add(Topic.PROPERTY, "阳光花园", "新选聘物业：武进某物业服务公司", today.plusDays(20), "物业交接期",
					office.get());
			long delivery = cases.open(new Cases.Opening("湖塘某楼盘逾期交房业主聚集维权",
					"多家媒体报道湖塘镇某楼盘逾期未交付、业主聚集售楼处维权，论坛跟帖较多。", AlertLevel.SEVERE, Topic.DELIVERY,
					itemAt("https://demo.invalid/people/1"), market.get().getId()), office.get());
			cases.act(delivery, OpinionCase.Action.VERIFY, "经房地产市场监管科核实，项目因资金问题停工，已约谈开发商。", office.get());
			cases.act(delivery, OpinionCase.Action.ASSESS, "研判：涉及业主较多，存在群体性上访风险，按重大舆情处置。", office.get());
			organization.activeUnits().stream().flatMap(u -> organization.peopleOf(u.getId()).stream())
				.filter(p -> p.isActive() && p.isOnlineCommentator()).map(Person::getId).findFirst()
				.ifPresent(commentator -> cases.guide(delivery, commentator, "武进论坛·民生投诉",
						"在相关帖子下说明区住建局已介入协调、复工安排将及时公布，引导业主通过正规渠道反映诉求。", office.get()));
			long wages = cases.open(new Cases.Opening("牛塘某工地拖欠农民工工资",
					"论坛网民反映牛塘一工地包工头拖欠二十余名农民工三个月工资。", AlertLevel.LARGER, Topic.WAGES,
					itemAt("https://demo.invalid/bbs/102"), building.get().getId()), office.get());
			cases.act(wages, OpinionCase.Action.VERIFY, "建筑业管理科现场核实，确认拖欠情况属实。", office.get());
			cases.act(wages, OpinionCase.Action.RESPOND, "在论坛回复：已责令总包单位三日内足额支付。", office.get());
			cases.close(wages, "总包单位已通过农民工工资专用账户足额支付，网民发帖确认收到工资。",
					"复盘：工资专户与实名制管理要在春节前逐项目排查，关注清单已加入该项目。", office.get());
			cases.open(new Cases.Opening("阳光花园更换物业交接纠纷", "网民反映老物业拒不撤场、锁闭车库。", AlertLevel.GENERAL,
					Topic.PROPERTY, itemAt("https://demo.invalid/bbs/103"), null), office.get());
			as(publicist.get());
			clues.report(new Clues.Report("某小区电梯频繁故障业主担忧安全", "https://demo.invalid/bbs/201",
					"业主群反映小区电梯一周内三次困人，物业维修不及时，有业主在论坛发帖。", 3, Topic.PROPERTY), null, 0, null,
					publicist.get());
			long archived = clues.report(new Clues.Report("外地楼盘降价促销引发关注", "https://demo.invalid/bbs/202",
					"外省某市楼盘降价促销的报道在本地业主群转发。", 3, Topic.DELIVERY), null, 0, null, publicist.get());
			as(office.get());
			clues.archive(archived, "外地事件，与本区无关，不作报送。", office.get());
		}
		catch (BusinessException refused) {
			log.warn("Demo monitoring cases incomplete: {}", refused.messageKey());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Long itemAt(String url) {
		return jdbc.query("select id from mon_item where url = ?", (rs, n) -> rs.getLong(1), url).stream().findFirst()
			.orElse(null);
	}

	private java.util.Optional<Unit> unitNamed(String name) {
		return organization.activeUnits().stream().filter(u -> name.equals(u.getName())).findFirst();
	}

	private java.util.Optional<AuthenticatedUser> user(String username) {
		try {
			return java.util.Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException | ClassCastException missing) {
			return java.util.Optional.empty();
		}
	}

	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/**
	 * One demo source and its fixture ({@code monitoring/demo/<file>}: RSS, Atom or an HTML list page written by the
	 * project), parsed by the fetcher's own {@link SourceParser} and stored through {@link Items#ingest} as if fetched
	 * now. The source is disabled and its address lies under {@code demo.invalid}: nothing is ever fetched.
	 */
	private void ingest(String name, Source.Kind kind, int tier, Source.Format format, String file, Instant now) {
		String base = "https://demo.invalid/" + file.substring(0, file.indexOf('.')) + "/";
		boolean page = format == Source.Format.HTML;
		long id = sources.create(new Source(null, name, kind, tier, "江苏", format, base + file, page ? "li.post" : null,
				page ? ".date" : null, page ? ".summary" : null, 60, false, false, null, null, null, null, 0, true, null,
				0));
		String text = fixture(file, now);
		List<Items.Incoming> incoming;
		try {
			incoming = page ? SourceParser.listPage(text, base, "li.post", ".date", ".summary") : SourceParser.feed(text);
		}
		catch (Exception broken) {
			throw new IllegalStateException("demo fixture monitoring/demo/" + file + " is broken", broken);
		}
		// a page gives the day only (08:00): never later than now
		items.ingest(new Items.Origin(id, name, tier), incoming.stream()
			.map(i -> i.publishedAt() != null && i.publishedAt().isAfter(now)
					? new Items.Incoming(i.url(), i.title(), i.body(), now) : i)
			.toList());
	}

	private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\{(h|iso|d):(\\d+)}}");

	/** The fixture's text with {@code {{h:N}}} (RFC 1123), {@code {{iso:N}}} and {@code {{d:N}}} (a date) N hours ago. */
	static String fixture(String file, Instant now) {
		String text;
		try (java.io.InputStream in = DemoMonitoring.class.getResourceAsStream("/monitoring/demo/" + file)) {
			if (in == null) {
				throw new IllegalStateException("demo fixture monitoring/demo/" + file + " is missing");
			}
			text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
		java.time.ZoneOffset beijing = java.time.ZoneOffset.ofHours(8);
		return PLACEHOLDER.matcher(text).replaceAll(m -> {
			java.time.OffsetDateTime at = now.minus(Duration.ofHours(Long.parseLong(m.group(2)))).atOffset(beijing);
			return switch (m.group(1)) {
				case "h" -> java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at);
				case "iso" -> at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
				default -> at.toLocalDate().toString();
			};
		});
	}

}
