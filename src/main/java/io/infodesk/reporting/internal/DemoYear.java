package io.infodesk.reporting.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinForm;
import io.infodesk.reporting.bulletin.Bulletins;
import io.infodesk.reporting.outcome.FeedbackForm;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.outcome.LeaderInstruction;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.reporting.bulletin.PeriodicalForm;
import io.infodesk.reporting.bulletin.Periodicals;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.DemoTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The demo's year to date (profile {@code demo}, called by {@link DemoReporting} on an empty database): for every
 * unit two or three information items a month, drafted by its publicist, reviewed by its head, the office and its
 * leader in charge, submitted upward and some adopted (district to national) and instructed on, with feedback;
 * solicitations answered on time, late or not at all; same-day items on time, late and missed; and from January
 * to last month an issued bulletin of 《住建信息》 a month. Items of the last three weeks are still on their way
 * (drafts, in review, returned, signed off). Deterministic (seeded {@link Random}); every action goes through the
 * services as its actor at its own past instant ({@link DemoTime}), so the records, reviews, audit entries and
 * scoring events are those of real use. One transaction per day, the full-text index written once at the end.
 * <p>
 * Over ~350 lines because about 150 of them are its text (the subjects of every unit) and the year is one script:
 * a single seeded {@link Random} is drawn in calendar order, so the parts of the script share that one sequence,
 * and the demo is the same on every run only while the order stays.
 */
@Component
@Profile("demo")
class DemoYear {

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	static final long SEED = 2026L;

	static final String PERIODICAL = "住建信息";

	private static final List<String> SKIPPED = List.of("局领导班子");

	/** Per unit: the subjects its information is about (topic, what was done, a figure). */
	private static final Map<String, List<String[]>> SUBJECTS = new LinkedHashMap<>();

	static {
		SUBJECTS.put("办公室", List.of(
				new String[] { "政务信息报送", "建立信息报送“周调度、月通报”机制", "全局报送信息 %d 条，被上级采用 %d 条" },
				new String[] { "12345 热线办理", "实行热线工单“首接负责、限时办结”", "办结群众诉求 %d 件，满意率 %d%%" },
				new String[] { "政务公开", "规范住建领域政务公开目录", "主动公开政府信息 %d 条，办理依申请公开 %d 件" },
				new String[] { "机关作风建设", "开展“转作风、优服务、提效能”活动", "梳理整改问题 %d 个，压减会议文件 %d%%" },
				new String[] { "建议提案办理", "落实人大建议、政协提案“面对面”办理", "办结建议提案 %d 件，满意率 %d%%" }));
		SUBJECTS.put("组织人事科", List.of(
				new String[] { "干部教育培训", "举办住建系统业务能力提升培训班", "培训干部职工 %d 人次，开设课程 %d 门" },
				new String[] { "基层党建", "推进“党建+业务”深度融合", "建成党建示范点 %d 个，结对共建 %d 对" },
				new String[] { "年轻干部培养", "实施年轻干部“墩苗”计划", "选派年轻干部 %d 名到一线锻炼，开展导师帮带 %d 对" },
				new String[] { "人才队伍建设", "引进住建领域专业技术人才", "新增中高级职称人员 %d 名，开展技能比武 %d 场" }));
		SUBJECTS.put("计划财务科", List.of(
				new String[] { "专项资金监管", "建立住建专项资金全流程监管台账", "下达专项资金 %d 万元，支出进度 %d%%" },
				new String[] { "预算绩效管理", "开展项目支出绩效评价", "评价项目 %d 个，涉及资金 %d 万元" },
				new String[] { "过紧日子", "压减一般性支出", "压减公用经费 %d 万元，降幅 %d%%" },
				new String[] { "内部控制建设", "完善财务内控制度", "修订制度 %d 项，排查风险点 %d 个" }));
		SUBJECTS.put("建筑业管理科", List.of(
				new String[] { "农民工工资支付", "推行农民工实名制和工资专用账户管理", "督促支付农民工工资 %d 万元，惠及 %d 人" },
				new String[] { "建筑市场秩序整治", "开展建筑市场违法违规行为专项整治", "检查在建项目 %d 个，查处违法行为 %d 起" },
				new String[] { "建筑业企业培育", "实施建筑业企业“育苗壮干”工程", "新增资质企业 %d 家，建筑业产值增长 %d%%" },
				new String[] { "招投标监管", "推进房建市政工程电子化招投标", "完成电子招投标项目 %d 个，节约资金 %d 万元" },
				new String[] { "根治欠薪冬季行动", "集中开展根治欠薪冬季专项行动", "排查在建项目 %d 个，化解欠薪线索 %d 条" }));
		SUBJECTS.put("房地产市场监管科", List.of(
				new String[] { "房地产市场平稳健康发展", "落实“一城一策”促进房地产市场平稳运行", "商品房网签 %d 套，同比增长 %d%%" },
				new String[] { "保交楼", "建立保交楼项目“一楼一策”专班机制", "推动 %d 个项目复工，交付住房 %d 套" },
				new String[] { "房地产中介整治", "开展房地产中介机构专项整治", "检查中介门店 %d 家，责令整改 %d 家" },
				new String[] { "商品房预售资金监管", "完善预售资金监管系统", "监管资金 %d 亿元，拨付 %d 笔" },
				new String[] { "房地产领域信访化解", "开展房地产领域矛盾纠纷化解攻坚", "化解信访积案 %d 件，办结率 %d%%" }));
		SUBJECTS.put("物业管理科", List.of(
				new String[] { "物业服务质量提升", "开展物业服务质量“星级”评定", "评定星级物业项目 %d 个，投诉量下降 %d%%" },
				new String[] { "红色物业建设", "推动社区党组织领导下的物业管理体系建设", "组建物业企业党组织 %d 个，覆盖小区 %d 个" },
				new String[] { "专项维修资金使用", "简化住宅专项维修资金应急使用流程", "审核使用维修资金 %d 万元，惠及 %d 户" },
				new String[] { "老旧小区物业管理全覆盖", "推行“街道托管+专业物业”模式", "新增物业管理覆盖小区 %d 个，惠及居民 %d 户" },
				new String[] { "物业矛盾纠纷调处", "建立物业纠纷多元调解机制", "调处物业纠纷 %d 起，调解成功率 %d%%" }));
		SUBJECTS.put("住房保障科", List.of(
				new String[] { "保障性租赁住房筹集", "多渠道筹集保障性租赁住房", "筹集房源 %d 套，已分配入住 %d 套" },
				new String[] { "公租房分配管理", "推行公租房“线上申请、一网通办”", "受理申请 %d 户，完成配租 %d 户" },
				new String[] { "城镇住房困难家庭保障", "开展住房困难家庭常态化摸排", "发放租赁补贴 %d 万元，惠及 %d 户" },
				new String[] { "保障房小区治理", "推动保障房小区“党建+物业+社区”共治", "开展入户走访 %d 户，解决诉求 %d 件" },
				new String[] { "人才公寓建设", "加快推进人才公寓项目建设", "开工建设人才公寓 %d 套，投资 %d 万元" }));
		SUBJECTS.put("城建科", List.of(
				new String[] { "老旧小区改造", "坚持“一区一策”推进老旧小区改造", "开工改造小区 %d 个，惠及居民 %d 户" },
				new String[] { "城市更新", "实施城市更新重点项目", "推进城市更新项目 %d 个，完成投资 %d 万元" },
				new String[] { "加装电梯", "推行既有住宅加装电梯“一梯一策”", "完成加装电梯 %d 部，惠及居民 %d 户" },
				new String[] { "海绵城市建设", "统筹推进海绵城市建设", "建成海绵化改造项目 %d 个，面积 %d 万平方米" },
				new String[] { "城市排水防涝", "开展城市易涝点整治", "整治易涝点 %d 处，疏通管网 %d 公里" }));
		SUBJECTS.put("村镇建设科", List.of(
				new String[] { "农村危房改造", "开展农村低收入群体危房动态监测", "完成危房改造 %d 户，排查农房 %d 户" },
				new String[] { "农村自建房安全", "开展农村自建房安全隐患排查整治", "排查自建房 %d 栋，整治隐患 %d 处" },
				new String[] { "美丽乡村建设", "推进和美乡村风貌提升", "完成村庄风貌改造 %d 个，新建农房 %d 栋" },
				new String[] { "传统村落保护", "加强传统村落和历史建筑保护", "挂牌保护历史建筑 %d 处，修缮 %d 处" }));
		SUBJECTS.put("质量安全监督站", List.of(
				new String[] { "建筑工地安全生产", "开展建筑施工安全生产“百日攻坚”行动", "检查工地 %d 个，排查整改隐患 %d 处" },
				new String[] { "工程质量监督", "推行工程质量“双随机、一公开”监督检查", "抽查在建工程 %d 项，下发整改通知 %d 份" },
				new String[] { "危大工程管控", "强化深基坑、高支模等危大工程管控", "检查危大工程 %d 项，停工整改 %d 项" },
				new String[] { "扬尘污染治理", "落实建筑工地扬尘治理“六个百分之百”", "巡查工地 %d 次，约谈施工企业 %d 家" },
				new String[] { "燃气安全专项整治", "开展城镇燃气安全隐患排查", "排查燃气用户 %d 户，整改隐患 %d 处" }));
		SUBJECTS.put("房产交易管理中心", List.of(
				new String[] { "不动产交易登记", "推行存量房“带押过户”", "办理带押过户 %d 笔，涉及贷款 %d 万元" },
				new String[] { "房屋网签备案", "实现商品房网签备案“全程网办”", "办理网签备案 %d 件，平均办理时间缩短 %d%%" },
				new String[] { "房屋租赁市场", "规范住房租赁市场秩序", "登记备案租赁合同 %d 份，核验房源 %d 套" },
				new String[] { "交易窗口服务", "推行交易大厅“延时+预约”服务", "延时服务 %d 次，办理业务 %d 件" }));
		SUBJECTS.put("城建档案馆", List.of(
				new String[] { "城建档案数字化", "推进城建档案数字化加工", "完成档案数字化 %d 卷，提供查阅 %d 人次" },
				new String[] { "建设工程档案验收", "开展建设工程档案预验收", "预验收工程 %d 项，接收档案 %d 卷" }));
	}

	private static final String[] TITLES = { "我区扎实推进%s工作", "区住建局多措并举抓好%s", "%s工作取得阶段性成效",
			"聚焦%s 推动民生实事落地见效", "创新机制推动%s提质增效", "%s专项行动进展顺利", "%s的经验做法",
			"区住建局“三个到位”做好%s", "以“小切口”推动%s“大变化”", "%s跑出加速度" };

	private static final String[] NEXT = { "持续完善长效机制，巩固工作成效", "加强部门协同，推动工作常态长效",
			"总结推广典型经验，扩大覆盖面", "聚焦群众急难愁盼，抓好问题整改", "强化督导考核，确保各项任务按期完成" };

	private static final String[] OUTLETS_DISTRICT = { "区委《每日要情》", "区政府《政务信息》", "区委办《工作动态》" };

	private static final String[] OUTLETS_CITY = { "市委《信息快报》", "市政府《政务信息》", "市《住建信息》" };

	private static final String[] OUTLETS_PROVINCE = { "省住建厅《住建工作简报》", "省政府《政务要情》" };

	private static final String[] OUTLETS_NATIONAL = { "住房城乡建设部《建设工作简报》", "国务院办公厅《昨日要情》" };

	private static final String[] URGENT_EVENTS = { "某在建工地塔吊受大风影响紧急停工检查", "某小区供水管道爆裂，物业和供水部门连夜抢修",
			"暴雨致某老旧小区地下室进水，区住建局紧急组织排涝", "某农贸市场周边燃气管道被挖断，抢修人员快速处置",
			"某小区电梯困人，区住建局督促维保单位限时整改", "强降雨期间全区在建工地全面停工避险", "某老旧楼房外墙瓷砖脱落，现场设置警戒区域",
			"某项目农民工集中讨薪，区住建局现场协调化解" };

	private final InformationItemRepository itemRepository;

	private final InformationItems items;

	private final ReviewChains reviewChains;

	private final Solicitations solicitations;

	private final Submissions submissions;

	private final Adoptions adoptions;

	private final Periodicals periodicals;

	private final Bulletins bulletins;

	private final MissedDeadlines missedDeadlines;

	private final Organization organization;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final EntityManager entityManager;

	private int stepCount;

	private int transactionCount;

	DemoYear(InformationItemRepository itemRepository, InformationItems items, ReviewChains reviewChains,
			Solicitations solicitations, Submissions submissions, Adoptions adoptions, Periodicals periodicals,
			Bulletins bulletins, MissedDeadlines missedDeadlines, Organization organization,
			PlatformTransactionManager transactionManager, Clock clock, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.itemRepository = itemRepository;
		this.items = items;
		this.reviewChains = reviewChains;
		this.solicitations = solicitations;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.periodicals = periodicals;
		this.bulletins = bulletins;
		this.missedDeadlines = missedDeadlines;
		this.organization = organization;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** The demo users of each role whose permissions the unit's own people are given (publicist, head, charge). */
	record Actors(AuthenticatedUser publicist, AuthenticatedUser head, AuthenticatedUser office,
			AuthenticatedUser charge, AuthenticatedUser leader, Map<String, AuthenticatedUser> accounts) {
	}

	/** One unit's people as they act in the demo. */
	private record Desk(Unit unit, AuthenticatedUser drafter, AuthenticatedUser head, AuthenticatedUser charge,
			List<Person> people, List<String[]> subjects) {
	}

	/** One action at its instant; the actions of a month run in time order. */
	private record Step(Instant at, int order, Runnable action) {
	}

	/** What a month's steps leave for later steps of the same month. */
	private static final class Holder {

		InformationItem item;

		Solicitation solicitation;

	}

	/** Writes the year from January to today's month (the steps up to now). The periodical is created first. */
	Periodical write(Actors actors) {
		long began = System.nanoTime();
		stepCount = 0;
		transactionCount = 0;
		Random random = new Random(SEED);
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, TimeConfiguration.ZONE);
		Map<String, ReportingBody> bodies = new LinkedHashMap<>();
		solicitations.activeBodies().forEach(body -> bodies.put(body.getShortName(), body));
		List<ReportingBody> upward = new ArrayList<>(bodies.values());
		List<Desk> desks = desks(actors);
		Instant start = at(LocalDate.of(today.getYear(), 1, 5), 9, 0);
		Long officeUnit = unitId("办公室").orElse(null);
		Periodical periodical = DemoTime.at(start, () -> transactions.execute(status -> {
			as(actors.office());
			return periodicals.create(new PeriodicalForm(PERIODICAL, "区住房和城乡建设局办公室", officeUnit,
					"区委办公室，区政府办公室，市住房和城乡建设局办公室。", "局领导班子成员，各科室、各单位。", 30, null, true),
					actors.office());
		}));
		Set<String> titles = new HashSet<>();
		int count = 0;
		for (int month = 1; month <= today.getMonthValue(); month++) {
			YearMonth yearMonth = YearMonth.of(today.getYear(), month);
			List<Step> steps = new ArrayList<>();
			List<Holder> signedOff = new ArrayList<>();
			// solicitations of the month: two, to two or three units each, answered on time, late or not at all
			List<Holder> asked = new ArrayList<>();
			for (int s = 0; s < 2; s++) {
				LocalDate received = workday(yearMonth, 3 + s * 9 + random.nextInt(3));
				ReportingBody body = upward.get(random.nextInt(upward.size()));
				List<Desk> answering = pick(desks, 2 + random.nextInt(2), random);
				String[] subject = answering.get(0).subjects().get(random.nextInt(answering.get(0).subjects().size()));
				LocalDateTime deadline = received.plusDays(3).atTime(17, 0);
				Holder holder = new Holder();
				asked.add(holder);
				int fate = random.nextInt(10); // 0-5 delivered on time, 6-7 late, 8-9 missed
				String topic = subject[0] + "工作开展情况（" + month + "月）";
				steps.add(new Step(at(received, 9, 30), 0, () -> {
					as(actors.office());
					holder.solicitation = solicitations.register(new SolicitationForm(body.getId(), topic,
							"请报送" + subject[0] + "的主要做法、成效和下一步打算，800 字以内，附相关数据。", received, deadline,
							answering.stream().map(desk -> desk.unit().getId()).toList(), List.of()), actors.office());
				}));
				if (fate >= 8) {
					continue;
				}
				for (int a = 0; a < answering.size(); a++) {
					Desk desk = answering.get(a);
					LocalDateTime draftedAt = fate < 6 ? received.plusDays(1).atTime(9 + a, 0)
							: deadline.plusHours(16 + a);
					count += item(steps, desk, actors, random, titles, draftedAt, today, holder, bodies, body,
							signedOff);
				}
			}
			// the units' own information
			for (Desk desk : desks) {
				int many = desk.subjects().size() <= 2 ? 1 : 1 + (random.nextInt(3) == 0 ? 1 : 0);
				for (int n = 0; n < many; n++) {
					LocalDate day = workday(yearMonth, 1 + random.nextInt(yearMonth.lengthOfMonth()));
					LocalDateTime draftedAt = day.atTime(9 + random.nextInt(7), random.nextInt(60));
					count += item(steps, desk, actors, random, titles, draftedAt, today, null, bodies, null, signedOff);
				}
			}
			// same-day items: on time, late, now and then missed
			for (int u = 0; u < 2; u++) {
				Desk desk = desks.get(random.nextInt(desks.size()));
				LocalDate day = workday(yearMonth, 2 + random.nextInt(25));
				int fate = random.nextInt(6); // 0-3 on time, 4 late, 5 missed
				count += urgent(steps, desk, actors, random, day.atTime(8 + random.nextInt(6), random.nextInt(60)),
						fate, today, bodies);
			}
			if (yearMonth.isBefore(YearMonth.from(today))) {
				// the month's bulletin, compiled from items signed off in the month, issued on its last workday
				LocalDate issueDay = lastWorkday(yearMonth);
				steps.add(new Step(at(issueDay, 15, 0), 9, () -> bulletin(periodical, actors, signedOff, yearMonth)));
				// missed deadlines of the month are published once it has ended
				steps.add(new Step(at(yearMonth.atEndOfMonth(), 23, 30), 9, missedDeadlines::run));
			}
			List<Step> due = steps.stream()
				.filter(step -> !step.at().isAfter(now))
				.sorted(Comparator.comparing(Step::at).thenComparing(Step::order))
				.toList();
			// one transaction per day (each step still at its own instant, so every record, review step and event is
			// dated as in real use; the ledger's listeners run after each day's commit): about 250 transactions for
			// the year instead of about 1,500. The full-text index is not written per transaction: the demo leaves
			// its records out of the indexing plan and DemoReporting indexes them once at the end (mass indexer).
			Map<LocalDate, List<Step>> days = new LinkedHashMap<>();
			due.forEach(step -> days.computeIfAbsent(LocalDate.ofInstant(step.at(), TimeConfiguration.ZONE),
					day -> new ArrayList<>()).add(step));
			for (List<Step> day : days.values()) {
				transactions.executeWithoutResult(status -> {
					withoutIndexing(entityManager);
					day.forEach(step -> DemoTime.at(step.at(), step.action()));
				});
				transactionCount++;
			}
			stepCount += due.size();
		}
		missedDeadlines.run();
		log.info("Demo year written: {} information items from January to {}, {} steps in {} transactions, {} ms",
				count, today, stepCount, transactionCount, (System.nanoTime() - began) / 1_000_000);
		return periodical;
	}

	/**
	 * Leaves the demo's records of this transaction out of the full-text indexing plan: DemoReporting indexes the
	 * reporting types once when the demo is written ({@link #indexAll}), instead of a Lucene commit per transaction.
	 */
	static void withoutIndexing(EntityManager entityManager) {
		Search.session(entityManager).indexingPlanFilter(filter -> INDEXED.forEach(filter::exclude));
	}

	/** Indexes the reporting types from the database (the mass indexer), after the demo wrote them unindexed. */
	static void indexAll(EntityManagerFactory entityManagerFactory) {
		try {
			Search.mapping(entityManagerFactory)
				.scope(INDEXED)
				.massIndexer()
				.threadsToLoadObjects(1)
				.batchSizeToLoadObjects(100)
				.startAndWait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The reporting types in the full-text index. */
	static final List<Class<?>> INDEXED = List.of(InformationItem.class, Bulletin.class, Material.class);

	/** Adds the steps of one item; its fate depends on its age. Returns 1 if the item exists by now. */
	private int item(List<Step> steps, Desk desk, Actors actors, Random random, Set<String> titles,
			LocalDateTime draftedAt, LocalDate today, Holder answering, Map<String, ReportingBody> bodies,
			ReportingBody askedBy, List<Holder> signedOff) {
		LocalDate day = draftedAt.toLocalDate();
		if (day.isAfter(today)) {
			return 0;
		}
		long age = java.time.temporal.ChronoUnit.DAYS.between(day, today);
		String[] subject = desk.subjects().get(random.nextInt(desk.subjects().size()));
		String title = title(subject, random, titles, desk);
		String body = body(desk, subject, day, random);
		List<ItemForm.AuthorEntry> authors = authors(desk, actors, random);
		Set<Angle> angles = Set.of(Angle.values()[random.nextInt(Angle.values().length)]);
		Set<SourceTag> sources = Set.of(SourceTag.values()[random.nextInt(SourceTag.values().length)]);
		ItemKind kind = random.nextInt(8) == 0 ? ItemKind.PARTY : ItemKind.GOVERNMENT;
		// how far it has come: older items have gone all the way, recent ones are on their way
		int fate = random.nextInt(100);
		int stage; // 0 draft, 1 in review, 2 returned, 3 signed off, 4 submitted
		if (age > 20) {
			stage = fate < 3 ? 0 : fate < 7 ? 2 : 4;
		}
		else if (age > 6) {
			stage = fate < 10 ? 0 : fate < 25 ? 1 : fate < 35 ? 2 : fate < 45 ? 3 : 4;
		}
		else {
			stage = fate < 30 ? 0 : fate < 65 ? 1 : fate < 80 ? 2 : 3;
		}
		if (answering != null) {
			stage = 4; // the answer to a solicitation goes upward
		}
		int adoption = random.nextInt(100); // 0-29 adopted at some level
		int levelDraw = random.nextInt(100);
		boolean instructed = random.nextInt(100) < 35;
		Holder holder = new Holder();
		Instant drafted = instant(draftedAt);
		steps.add(new Step(drafted, 1, () -> {
			as(desk.drafter());
			holder.item = items.create(new ItemForm(title, kind, desk.unit().getId(), body, angles, sources, authors, 0,
					answering == null ? null : answering.solicitation.getId()), desk.drafter(), DataScope.all());
		}));
		if (stage == 0) {
			return 1;
		}
		Instant submitted = drafted.plusSeconds(3600 + random.nextInt(3600));
		steps.add(new Step(submitted, 1, () -> {
			as(desk.drafter());
			items.addVerification(holder.item.getId(), new VerificationForm(VerificationMethod.values()[random
				.nextInt(VerificationMethod.values().length)], desk.drafter().displayName(), desk.unit().getName() + "业务负责人",
					day, "文中数据经与业务台账核对无误"), desk.drafter(), DataScope.all());
			items.submitForReview(holder.item.getId(), desk.drafter(), DataScope.all());
		}));
		if (stage == 1) {
			// waiting at the head, the office or the leader in charge
			int stepsDone = random.nextInt(3);
			for (int n = 0; n < stepsDone; n++) {
				steps.add(new Step(submitted.plusSeconds(7200L * (n + 1)), 1, () -> approveStep(holder, desk, actors)));
			}
			return 1;
		}
		if (stage == 2) {
			boolean byOffice = random.nextBoolean();
			steps.add(new Step(submitted.plusSeconds(5400), 1, () -> {
				if (byOffice) {
					approveStep(holder, desk, actors);
				}
			}));
			steps.add(new Step(submitted.plusSeconds(9000), 1, () -> {
				AuthenticatedUser reviewer = byOffice ? actors.office() : desk.head();
				as(reviewer);
				ReviewProcess process = reviewChains.process(InformationItem.ref(holder.item.getId())).orElseThrow();
				reviewChains.returnToDrafter(InformationItem.ref(holder.item.getId()), process.getRound(),
						process.getCurrentStep(), byOffice ? "请补充具体数据和典型案例，压缩背景性表述。"
								: "标题不够精炼，请突出工作成效后再报。", reviewer);
			}));
			return 1;
		}
		Instant signed = submitted.plusSeconds(3 * 3600);
		steps.add(new Step(signed, 1, () -> {
			while (reviewChains.process(InformationItem.ref(holder.item.getId())).orElseThrow().isInReview()) {
				approveStep(holder, desk, actors);
			}
			signedOff.add(holder);
		}));
		if (stage == 3) {
			return 1;
		}
		// submitted upward: an answer to its solicitation, else to one or two bodies
		LocalDateTime sentAt = LocalDateTime.ofInstant(signed, TimeConfiguration.ZONE).plusMinutes(30).withSecond(0)
			.withNano(0);
		List<ReportingBody> to = new ArrayList<>();
		if (askedBy != null) {
			to.add(askedBy);
		}
		else {
			to.add(bodies.getOrDefault("区委办", bodies.values().iterator().next()));
			if (random.nextBoolean() && bodies.containsKey("市住建局")) {
				to.add(bodies.get("市住建局"));
			}
		}
		steps.add(new Step(instant(sentAt), 1, () -> {
			as(actors.office());
			for (ReportingBody target : to) {
				submissions.record(holder.item.getId(), new SubmissionForm(target.getId(),
						target.getShortName().equals("市住建局") ? SubmissionChannel.EMAIL : SubmissionChannel.PLATFORM,
						sentAt, null), actors.office(), DataScope.all());
			}
		}));
		if (adoption >= 30) {
			return 1;
		}
		AdministrativeLevel level = levelDraw < 50 ? AdministrativeLevel.DISTRICT
				: levelDraw < 80 ? AdministrativeLevel.CITY : levelDraw < 93 ? AdministrativeLevel.PROVINCE
						: AdministrativeLevel.NATIONAL;
		LocalDate adoptedOn = sentAt.toLocalDate().plusDays(3 + random.nextInt(12));
		if (adoptedOn.isAfter(today)) {
			return 1;
		}
		String[] outlets = switch (level) {
			case DISTRICT -> OUTLETS_DISTRICT;
			case CITY -> OUTLETS_CITY;
			case PROVINCE -> OUTLETS_PROVINCE;
			case NATIONAL -> OUTLETS_NATIONAL;
		};
		String outlet = outlets[random.nextInt(outlets.length)];
		String issue = adoptedOn.getYear() + "年第" + (adoptedOn.getDayOfYear() / 4 + 1) + "期";
		steps.add(new Step(at(adoptedOn, 10, 0), 1, () -> {
			as(actors.office());
			adoptions.recordAdoption(holder.item.getId(), new AdoptionForm(outlet, issue, level, adoptedOn,
					"采用通知（办公室存档）"), actors.office(), DataScope.all());
		}));
		if (!instructed) {
			return 1;
		}
		String leader = switch (level) {
			case DISTRICT -> random.nextBoolean() ? "区委书记" : "区长";
			case CITY -> "市住建局局长";
			case PROVINCE -> "省住建厅厅长";
			case NATIONAL -> "住房城乡建设部副部长";
		};
		LocalDate instructedOn = adoptedOn.plusDays(1 + random.nextInt(3));
		if (instructedOn.isAfter(today)) {
			return 1;
		}
		LocalDate feedbackOn = instructedOn.plusDays(4 + random.nextInt(6));
		LeaderInstruction[] instruction = new LeaderInstruction[1];
		steps.add(new Step(at(instructedOn, 11, 0), 1, () -> {
			as(actors.office());
			instruction[0] = adoptions.recordInstruction(holder.item.getId(), new InstructionForm(level, leader,
					instructedOn, "请认真总结" + subject[0] + "的做法，进一步完善机制、扩大成效。", instructedOn.plusDays(14)),
					actors.office(), DataScope.all());
		}));
		if (!feedbackOn.isAfter(today)) {
			steps.add(new Step(at(feedbackOn, 16, 0), 1, () -> {
				as(actors.office());
				adoptions.recordFeedback(instruction[0].getId(), new FeedbackForm(feedbackOn, desk.unit().getName()
						+ "已按批示要求制定工作方案，明确责任分工，相关做法已在全局推广。"), actors.office(), DataScope.all());
			}));
		}
		return 1;
	}

	/** A same-day item: the event in the morning, submitted the same day (fate 0-3), the next day (4) or never (5). */
	private int urgent(List<Step> steps, Desk desk, Actors actors, Random random, LocalDateTime eventAt, int fate,
			LocalDate today, Map<String, ReportingBody> bodies) {
		if (!eventAt.toLocalDate().isBefore(today)) {
			return 0;
		}
		String title = URGENT_EVENTS[random.nextInt(URGENT_EVENTS.length)] + "（" + eventAt.getMonthValue() + "月"
				+ eventAt.getDayOfMonth() + "日）";
		UrgentCategory category = UrgentCategory.values()[random.nextInt(UrgentCategory.values().length)];
		Holder holder = new Holder();
		Instant drafted = instant(eventAt.plusMinutes(40));
		List<ItemForm.AuthorEntry> authors = List.of(new ItemForm.AuthorEntry(desk.drafter().personId(), null));
		steps.add(new Step(drafted, 1, () -> {
			as(desk.drafter());
			holder.item = items.create(new ItemForm(title, ItemKind.GOVERNMENT, desk.unit().getId(),
					"事发后，" + desk.unit().getName() + "负责人第一时间赶赴现场，会同属地街道和相关单位开展处置，现场秩序平稳，未造成人员伤亡。"
							+ "\n目前，后续排查和整改工作正在进行中。",
					Set.of(Angle.HOT_ISSUE), Set.of(SourceTag.ONLINE_OPINION), authors, 0, null, true, category, eventAt),
					desk.drafter(), DataScope.all());
			items.submitForReview(holder.item.getId(), desk.drafter(), DataScope.all());
		}));
		if (fate == 5) {
			return 1; // never submitted: missed at midnight
		}
		Instant signed = drafted.plusSeconds(2 * 3600);
		steps.add(new Step(signed, 1, () -> {
			while (reviewChains.process(InformationItem.ref(holder.item.getId())).orElseThrow().isInReview()) {
				approveStep(holder, desk, actors);
			}
		}));
		LocalDateTime sentAt = fate == 4 ? eventAt.toLocalDate().plusDays(1).atTime(10, 15)
				: LocalDateTime.ofInstant(signed, TimeConfiguration.ZONE).plusMinutes(20).withSecond(0).withNano(0);
		ReportingBody body = bodies.getOrDefault("区委办", bodies.values().iterator().next());
		steps.add(new Step(instant(sentAt), 1, () -> {
			as(actors.office());
			submissions.record(holder.item.getId(), new SubmissionForm(body.getId(), SubmissionChannel.PLATFORM, sentAt,
					null), actors.office(), DataScope.all());
		}));
		return 1;
	}

	private void bulletin(Periodical periodical, Actors actors, List<Holder> signedOff, YearMonth month) {
		List<Long> itemIds = signedOff.stream()
			.map(holder -> holder.item.getId())
			.distinct()
			.limit(3)
			.toList();
		if (itemIds.isEmpty()) {
			return;
		}
		as(actors.office());
		Bulletin bulletin = bulletins.create(new BulletinForm(periodical.getId(), false, null,
				"现将" + month.getMonthValue() + "月份各科室、各单位的部分工作信息编发，供参阅。", periodical.getReportTo(),
				periodical.getCopyTo(), periodical.getCopies(), itemIds, Map.of(), 0), actors.office(), DataScope.all());
		bulletins.submitForReview(bulletin.getId(), actors.office());
		while (reviewChains.process(Bulletin.ref(bulletin.getId())).orElseThrow().isInReview()) {
			ReviewProcess process = reviewChains.process(Bulletin.ref(bulletin.getId())).orElseThrow();
			AuthenticatedUser reviewer = process.currentRole() == ReviewRole.OFFICE_EDITOR ? actors.office()
					: actors.leader();
			as(reviewer);
			reviewChains.approve(Bulletin.ref(bulletin.getId()), process.getRound(), process.getCurrentStep(),
					null, reviewer);
		}
		as(actors.office());
		bulletins.issue(bulletin.getId(), actors.office());
	}

	private void approveStep(Holder holder, Desk desk, Actors actors) {
		ReviewProcess process = reviewChains.process(InformationItem.ref(holder.item.getId())).orElseThrow();
		if (!process.isInReview()) {
			return;
		}
		AuthenticatedUser reviewer = switch (process.currentRole()) {
			case UNIT_HEAD -> desk.head();
			case OFFICE_EDITOR -> actors.office();
			case LEADER_IN_CHARGE -> desk.charge();
			case BUREAU_LEADER -> actors.leader();
		};
		as(reviewer);
		reviewChains.approve(InformationItem.ref(holder.item.getId()), process.getRound(), process.getCurrentStep(), null,
				reviewer);
	}

	private List<Desk> desks(Actors actors) {
		List<Person> leaders = unitId("局领导班子").map(organization::peopleOf).orElse(List.of());
		List<Desk> desks = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			List<String[]> subjects = SUBJECTS.get(unit.getName());
			if (SKIPPED.contains(unit.getName()) || subjects == null) {
				continue;
			}
			List<Person> people = organization.peopleOf(unit.getId())
				.stream()
				.sorted(Comparator.comparing(Person::getId))
				.toList();
			if (people.size() < 2) {
				continue;
			}
			Person headPerson = people.get(0);
			List<Long> designated = organization.currentPublicistsOf(unit.getId());
			Person drafterPerson = people.stream()
				.filter(person -> designated.contains(person.getId()))
				.filter(person -> !person.getId().equals(actors.office().personId()))
				.findFirst()
				.orElse(people.get(people.size() - 1));
			Person chargePerson = leaders.stream()
				.filter(leader -> organization.unitsInChargeOf(leader.getId()).contains(unit.getId()))
				.findFirst()
				.orElse(null);
			if (chargePerson == null) {
				continue;
			}
			desks.add(new Desk(unit, user(drafterPerson, unit, actors.publicist(), actors),
					user(headPerson, unit, actors.head(), actors), user(chargePerson, unit, actors.charge(), actors),
					people, subjects));
		}
		return desks;
	}

	/** The demo account of the person, if there is one, else the person acting with the role of the template. */
	private AuthenticatedUser user(Person person, Unit unit, AuthenticatedUser template, Actors actors) {
		for (AuthenticatedUser account : actors.accounts().values()) {
			if (person.getId().equals(account.personId()) && account.roles().equals(template.roles())) {
				return account;
			}
		}
		Long unitId = template.roles().contains(ReviewRole.LEADER_IN_CHARGE.name()) ? person.getUnitId() : unit.getId();
		return new AuthenticatedUser(-person.getId(), person.getName(), "{noop}-", person.getName(), person.getId(),
				unitId, template.roles().contains(ReviewRole.LEADER_IN_CHARGE.name()) ? "局领导班子" : unit.getName(),
				template.roles(), template.permissions(), true, false, false);
	}

	/** The drafter alone, or with a colleague who reviews none of the unit's items (not its head, not the office). */
	private static List<ItemForm.AuthorEntry> authors(Desk desk, Actors actors, Random random) {
		List<Person> colleagues = desk.people()
			.stream()
			.filter(person -> !person.getId().equals(desk.drafter().personId()))
			.filter(person -> !person.getId().equals(desk.head().personId()))
			.filter(person -> !person.getId().equals(actors.office().personId()))
			.toList();
		if (colleagues.isEmpty() || random.nextInt(3) > 0) {
			return List.of(new ItemForm.AuthorEntry(desk.drafter().personId(), null));
		}
		Person colleague = colleagues.get(random.nextInt(colleagues.size()));
		return List.of(new ItemForm.AuthorEntry(desk.drafter().personId(), 60),
				new ItemForm.AuthorEntry(colleague.getId(), 40));
	}

	private static String title(String[] subject, Random random, Set<String> titles, Desk desk) {
		for (int attempt = 0; attempt < 40; attempt++) {
			String title = TITLES[random.nextInt(TITLES.length)].formatted(subject[0]);
			if (titles.add(title)) {
				return title;
			}
		}
		String title;
		int n = 2;
		do {
			title = TITLES[random.nextInt(TITLES.length)].formatted(subject[0]) + "（之" + n++ + "）";
		}
		while (!titles.add(title));
		return title;
	}

	private static String body(Desk desk, String[] subject, LocalDate day, Random random) {
		int first = 12 + random.nextInt(300);
		int second = 60 + random.nextInt(39);
		String figure = subject[2].contains("%%") || subject[2].endsWith("%") ? subject[2].formatted(first, second)
				: subject[2].formatted(first * 3, first + random.nextInt(500));
		return "今年以来，" + desk.unit().getName() + "围绕" + subject[0] + "，" + subject[1] + "，推动工作取得实效。\n截至"
				+ day.getMonthValue() + "月" + day.getDayOfMonth() + "日，" + figure + "。\n下一步，将"
				+ NEXT[random.nextInt(NEXT.length)] + "。";
	}

	private static <T> List<T> pick(List<T> all, int many, Random random) {
		List<T> copy = new ArrayList<>(all);
		java.util.Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(many, copy.size()));
	}

	private static LocalDate workday(YearMonth month, int day) {
		LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
		// late in the month back to the Friday, else on to the Monday: one direction, so it always ends
		int step = date.getDayOfMonth() > 25 ? -1 : 1;
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(step);
		}
		return date;
	}

	private static LocalDate lastWorkday(YearMonth month) {
		return workday(month, month.lengthOfMonth() - 1);
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return instant(day.atTime(LocalTime.of(hour, minute)));
	}

	private static Instant instant(LocalDateTime time) {
		return time.atZone(TimeConfiguration.ZONE).toInstant();
	}

	private Optional<Long> unitId(String name) {
		return organization.activeUnits().stream().filter(unit -> unit.getName().equals(name)).map(Unit::getId).findFirst();
	}

	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
