package io.infodesk.publicity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.Coverage;
import io.infodesk.publicity.CoverageForm;
import io.infodesk.publicity.Coverages;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlet;
import io.infodesk.publicity.OutletForm;
import io.infodesk.publicity.Outlets;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * Demo data of publicity (profile {@code demo}, only while the media directory is empty): outlets of every tier with
 * contacts, and a year of coverage records to date (every tier, one front-page lead a quarter) crediting the demo
 * units' people, recorded by the office through {@link Coverages} with a PDF clipping — so the ranking shows media
 * coverage points. Runs after the demo organisation (10), accounts (20) and reporting (30).
 */
@Component
@Profile("demo")
@Order(40)
class DemoPublicity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPublicity.class);

	private static final String[] TITLES = { "老旧小区改造让居民住得更舒心", "物业服务“红色引擎”激活基层治理",
			"保障性住房分配公开透明", "建筑工地扬尘治理见成效", "城中村改造按下快进键", "加装电梯跑出“加速度”",
			"房屋安全隐患排查全覆盖", "住房公积金服务再提速", "安全生产月活动走进工地", "防灾减灾日宣传进社区",
			"租赁住房市场规范有序", "城市更新留住烟火气" };

	private final OutletRepository outletRepository;

	private final io.infodesk.publicity.AnnualPlans plans;

	private final Outlets outlets;

	private final Coverages coverages;

	private final Organization organization;

	private final UserDetailsService users;

	private final Clock clock;

	private final io.infodesk.publicity.PublicityCalendar calendar;

	private final io.infodesk.publicity.Topics topics;

	DemoPublicity(OutletRepository outletRepository, io.infodesk.publicity.AnnualPlans plans, Outlets outlets, Coverages coverages, Organization organization,
			UserDetailsService users, Clock clock, io.infodesk.publicity.PublicityCalendar calendar,
			io.infodesk.publicity.Topics topics) {
		this.calendar = calendar;
		this.topics = topics;
		this.outletRepository = outletRepository;
		this.plans = plans;
		this.outlets = outlets;
		this.coverages = coverages;
		this.organization = organization;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (outletRepository.count() > 0) {
			return;
		}
		Optional<AuthenticatedUser> office = user("office");
		if (office.isEmpty()) {
			log.info("Demo publicity skipped: the demo accounts are missing");
			return;
		}
		try {
			AuthenticatedUser actor = office.get();
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, actor.getAuthorities()));
			List<Outlet> media = outlets(actor);
			int count = coverage(actor, media);
			int planned = plans(user("personnel").orElse(null));
			as(actor);
			int events = events(actor);
			int planned2 = topics(actor, media);
			int covered = followThrough(actor);
			log.info("Demo publicity: {} outlets, {} coverage records, {} plans ({} points covered), {} calendar events, "
					+ "{} planning items", media.size(), count, planned, covered, events, planned2);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private List<Outlet> outlets(AuthenticatedUser actor) {
		List<Outlet> list = new ArrayList<>();
		list.add(outlet(actor, "区融媒体中心", MediaTier.DISTRICT, Outlet.Kind.NEW_MEDIA, "张编辑", "13800000001"));
		list.add(outlet(actor, "《区报》", MediaTier.DISTRICT, Outlet.Kind.NEWSPAPER, "李记者", "13800000002"));
		list.add(outlet(actor, "市日报", MediaTier.CITY, Outlet.Kind.NEWSPAPER, "王主任", "13800000003"));
		list.add(outlet(actor, "市广播电视台", MediaTier.CITY, Outlet.Kind.TELEVISION, "赵制片", "13800000004"));
		list.add(outlet(actor, "省日报", MediaTier.PROVINCE, Outlet.Kind.NEWSPAPER, "孙记者", "13800000005"));
		list.add(outlet(actor, "省住建厅网站", MediaTier.PROVINCE, Outlet.Kind.TRADE, "周老师", "13800000006"));
		list.add(outlet(actor, "人民日报", MediaTier.CENTRAL, Outlet.Kind.NEWSPAPER, "吴记者", "13800000007"));
		list.add(outlet(actor, "中国建设报", MediaTier.CENTRAL, Outlet.Kind.TRADE, "郑编辑", "13800000008"));
		return list;
	}

	private Outlet outlet(AuthenticatedUser actor, String name, MediaTier tier, Outlet.Kind kind, String contact,
			String phone) {
		return outlets.create(new OutletForm(name, tier, kind, null,
				List.of(new OutletForm.ContactEntry(contact, "联络人", phone, null))), actor);
	}

	private int coverage(AuthenticatedUser actor, List<Outlet> media) {
		List<Person> credited = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			if (unit.getType() == io.infodesk.organization.UnitType.LEADERSHIP) {
				continue; // the leadership is not assessed (Rankings leaves it out): credit the sections and units
			}
			organization.peopleOf(unit.getId()).stream().filter(Person::isActive).findFirst().ifPresent(credited::add);
		}
		if (credited.isEmpty()) {
			return 0;
		}
		LocalDate today = LocalDate.now(clock);
		int count = 0;
		for (int month = 1; month <= today.getMonthValue(); month++) {
			for (int k = 0; k < 3; k++) {
				LocalDate day = LocalDate.of(today.getYear(), month, Math.min(5 + k * 9, 28));
				if (day.isAfter(today)) {
					continue;
				}
				int n = month * 3 + k;
				// district outlets most often, central ones rarely: 0,1 district; 2,3 city; 4,5 province; 6,7 central
				int pick = n % 12 < 5 ? n % 2 : n % 12 < 9 ? 2 + n % 2 : n % 12 < 11 ? 4 + n % 2 : 6 + n % 2;
				Outlet outlet = media.get(pick);
				Person person = credited.get(n % credited.size());
				Coverage.Placement placement = k == 0 && month % 3 == 0 ? Coverage.Placement.FRONT_PAGE_LEAD
						: Coverage.Placement.ORDINARY;
				coverages.record(new CoverageForm(outlet.getId(), day, TITLES[n % TITLES.length], null,
						Coverage.Form.NEWS, placement, List.of(new CoverageForm.CreditEntry(person.getId(), null))),
						clipping(day), actor, DataScope.all());
				count++;
			}
		}
		return count;
	}

	/** The current year's plans of the demo units in every state: filed, returned once, draft, missing (in turn). */
	private int plans(AuthenticatedUser personnel) {
		if (personnel == null) {
			return 0;
		}
		int year = LocalDate.now(clock).getYear();
		int made = 0;
		int n = 0;
		for (Unit unit : organization.activeUnits()) {
			int turn = n++ % 4;
			Optional<Person> head = unit.getHeadId() == null ? Optional.empty() : organization.person(unit.getHeadId());
			if (turn == 3 || head.isEmpty()) {
				continue;
			}
			AuthenticatedUser actor = headOf(unit, head.get());
			as(actor);
			var plan = plans.save(unit.getId(), year, new io.infodesk.publicity.PlanForm(List.of(
					new io.infodesk.publicity.PlanForm.PointEntry(unit.getName() + "年度重点工作宣传", Coverage.Form.NEWS,
							MediaTier.CITY, 3, null),
					new io.infodesk.publicity.PlanForm.PointEntry("5·12 防灾减灾日主题宣传", Coverage.Form.NEW_MEDIA,
							MediaTier.DISTRICT, null, LocalDate.of(year, 5, 12)),
					new io.infodesk.publicity.PlanForm.PointEntry("安全生产月专题报道", Coverage.Form.FEATURE,
							MediaTier.PROVINCE, 6, null))), actor, DataScope.all());
			made++;
			if (turn == 2) {
				continue;
			}
			plans.submit(plan.getId(), actor, DataScope.all());
			as(personnel);
			if (turn == 1) {
				plans.returnPlan(plan.getId(), "请补充创新工作的宣传要点，明确目标媒体。", personnel);
			}
			else {
				plans.file(plan.getId(), personnel);
			}
		}
		plans.registerDeadlines(year);
		return made;
	}

	/**
	 * Bureau events and milestones of the year around today (the holidays are computed, never seeded): a safety-month
	 * launch, a city-renewal meeting ten days ahead with a time, a unit's milestone and the year-end summary; then the
	 * year's holiday reminders.
	 */
	private int events(AuthenticatedUser office) {
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		List<io.infodesk.publicity.CalendarEventForm> forms = new ArrayList<>();
		forms.add(new io.infodesk.publicity.CalendarEventForm("全区建筑施工安全生产月启动仪式",
				io.infodesk.publicity.CalendarEntry.Kind.EVENT, LocalDate.of(year, 6, 3), null, java.time.LocalTime.of(9, 0),
				java.time.LocalTime.of(10, 30), null, "区政务中心广场，邀请区融媒体中心、市日报到场", 7));
		forms.add(new io.infodesk.publicity.CalendarEventForm("城市更新现场推进会",
				io.infodesk.publicity.CalendarEntry.Kind.EVENT, today.plusDays(10), null, java.time.LocalTime.of(9, 30),
				java.time.LocalTime.of(11, 30), null, "各单位信息员到场采写，会后 2 小时内报送信息", 7));
		forms.add(new io.infodesk.publicity.CalendarEventForm("年度信息宣传工作总结报送",
				io.infodesk.publicity.CalendarEntry.Kind.MILESTONE, LocalDate.of(year, 12, 20), null, null, null, null,
				"各单位报送年度宣传工作总结及下一年度宣传要点计划初稿", 10));
		organization.activeUnits().stream().filter(u -> u.getName().equals("住房保障科")).findFirst()
			.ifPresent(unit -> forms.add(new io.infodesk.publicity.CalendarEventForm("保障性住房集中配租（住房保障科）",
					io.infodesk.publicity.CalendarEntry.Kind.MILESTONE, LocalDate.of(year, 9, 15), LocalDate.of(year, 9, 20),
					null, null, unit.getId(), "配租现场可组织新媒体直播", 5)));
		for (io.infodesk.publicity.CalendarEventForm form : forms) {
			calendar.addEvent(form, office);
		}
		calendar.registerReminders(year);
		return forms.size();
	}

	/**
	 * Two planning items on filed plans' points: one in progress (a text for the city daily due in five days, a video due
	 * in twelve, a planning meeting today), one done (its assignment fulfilled by the unit's latest coverage record, so
	 * the linked 5·12 point shows as done).
	 */
	private int topics(AuthenticatedUser office, List<Outlet> media) {
		int year = LocalDate.now(clock).getYear();
		LocalDate today = LocalDate.now(clock);
		List<io.infodesk.publicity.AnnualPlan> filed = plans.ofYear(year).stream()
			.filter(p -> p.getStatus() == io.infodesk.publicity.AnnualPlan.Status.FILED)
			.sorted(java.util.Comparator.comparing(io.infodesk.publicity.AnnualPlan::getUnitId)).toList();
		int made = 0;
		for (int i = 0; i < Math.min(2, filed.size()); i++) {
			io.infodesk.publicity.AnnualPlan plan = filed.get(i);
			Unit unit = organization.unit(plan.getUnitId()).orElseThrow();
			List<Person> people = organization.peopleOf(unit.getId()).stream().filter(Person::isActive).toList();
			if (people.isEmpty()) {
				continue;
			}
			boolean first = i == 0;
			long id = topics.create(new io.infodesk.publicity.TopicForm(
					first ? unit.getName() + "重点工作成效系列报道" : "5·12 防灾减灾日房屋安全主题宣传",
					first ? "年度重点工作进入攻坚阶段，策划市级媒体系列报道，展示群众获得感。"
							: "结合防灾减灾日开展房屋安全隐患排查宣传，提升群众防范意识。",
					unit.getId(), List.of(people.get(0).getId()), first ? MediaTier.CITY : MediaTier.DISTRICT,
					first ? "市日报、市广播电视台" : "区融媒体中心", first ? today.plusDays(10) : LocalDate.of(year, 5, 12),
					List.of(plan.getId() + ":" + (first ? 1 : 2))), office);
			long text = topics.assign(id, people.get(0).getId(), io.infodesk.publicity.Topic.Medium.TEXT,
					media.get(first ? 2 : 0).getId(), today.plusDays(5), "3000 字左右通讯稿，配图 3 张", office);
			if (first) {
				topics.assign(id, people.get(people.size() > 1 ? 1 : 0).getId(), io.infodesk.publicity.Topic.Medium.VIDEO,
						media.get(3).getId(), today.plusDays(12), "3 分钟短视频", office);
				topics.recordMeeting(id, today, "办公室周敏、" + unit.getName() + "负责人、市日报王主任",
						"确定系列报道三个角度；10 日内完成首篇文字稿；视频同步拍摄。", office);
			}
			else {
				coverages.list(new Coverages.Filter(null, unit.getId(), null, null, null), DataScope.all()).stream()
					.findFirst()
					.ifPresent(c -> topics.fulfil(id, text, c.getId(), office, DataScope.all()));
			}
			made++;
		}
		return made;
	}

	/**
	 * The plans' points covered by the units' coverage records of the year, as the office links them on a plan's page
	 * (issue 11: the follow-through showed 1 of 30 points done in December): each unit's records in date order go to
	 * its points in turn; a unit with fewer records than points, and every third plan's last point, stay open, so the
	 * page shows points done, and a few overdue.
	 */
	private int followThrough(AuthenticatedUser office) {
		int year = LocalDate.now(clock).getYear();
		List<io.infodesk.publicity.AnnualPlan> all = plans.ofYear(year).stream()
			.sorted(java.util.Comparator.comparing(io.infodesk.publicity.AnnualPlan::getUnitId)).toList();
		int linked = 0;
		for (int i = 0; i < all.size(); i++) {
			io.infodesk.publicity.AnnualPlan plan = all.get(i);
			List<Coverage> records = coverages.list(new Coverages.Filter(null, plan.getUnitId(), null, null, null),
					DataScope.all())
				.stream()
				.sorted(java.util.Comparator.comparing(Coverage::getPublishedOn).thenComparing(Coverage::getId))
				.toList();
			int points = plan.getPoints().size() - (i % 3 == 2 ? 1 : 0);
			for (int position = 1; position <= Math.min(points, records.size()); position++) {
				topics.linkPointCoverage(plan.getId(), position, records.get(position - 1).getId(), office,
						DataScope.all());
				linked++;
			}
		}
		return linked;
	}

	/** The head of a unit as a user of that unit with the unit head's permissions (demo only). */
	private static AuthenticatedUser headOf(Unit unit, Person head) {
		return new AuthenticatedUser(900_000 + head.getId(), "demo-head-" + head.getId(), "{noop}x", head.getName(),
				head.getId(), unit.getId(), unit.getName(), java.util.Set.of(io.infodesk.account.Role.UNIT_HEAD.name()),
				io.infodesk.account.Role.UNIT_HEAD.permissions(), true, false, false);
	}

	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	private static Upload clipping(LocalDate day) {
		byte[] pdf = ("%PDF-1.4\n% demo clipping " + day + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
		return new Upload("版面-" + day + ".pdf", pdf.length, new ByteArrayResource(pdf));
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException | ClassCastException missing) {
			return Optional.empty();
		}
	}

}
