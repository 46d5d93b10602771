package io.infodesk.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinForm;
import io.infodesk.reporting.bulletin.Bulletins;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.reporting.bulletin.PeriodicalForm;
import io.infodesk.reporting.bulletin.Periodicals;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Demo data of information reporting (profile {@code demo}, only while there is no item): a handful of items
 * of 物业管理科 in every state — a draft answering a solicitation due tomorrow, one waiting for the office, one
 * returned with a comment, one signed off waiting to be submitted, one submitted, adopted at city level and
 * instructed on — one same-day item in review, and the periodical 《住建信息》 with one issue compiled from the two
 * signed-off items, signed by the leader and issued. Everything goes through the services as the demo users
 * themselves (publicist, head, office, charge), so every record has its version, review history and audit
 * entry under their names. Runs after the demo organisation (10) and accounts (20); skipped, with a log line,
 * when those are missing.
 */
@Component
@Profile("demo")
@Order(30)
class DemoReporting implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoReporting.class);

	private static final String UNIT = "物业管理科";

	private final InformationItemRepository itemRepository;

	private final InformationItems items;

	private final ReviewChains reviewChains;

	private final Solicitations solicitations;

	private final Submissions submissions;

	private final Adoptions adoptions;

	private final Periodicals periodicals;

	private final Bulletins bulletins;

	private final Organization organization;

	private final UserDetailsService users;

	private final Clock clock;

	private final DemoYear year;

	private final DemoRegisters registers;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	DemoReporting(InformationItemRepository itemRepository, InformationItems items, ReviewChains reviewChains,
			Solicitations solicitations, Submissions submissions, Adoptions adoptions, Periodicals periodicals,
			Bulletins bulletins, Organization organization, UserDetailsService users, Clock clock, DemoYear year,
			DemoRegisters registers, PlatformTransactionManager transactionManager, EntityManager entityManager) {
		this.registers = registers;
		this.entityManager = entityManager;
		this.year = year;
		this.transactions = new TransactionTemplate(transactionManager);
		this.periodicals = periodicals;
		this.bulletins = bulletins;
		this.itemRepository = itemRepository;
		this.items = items;
		this.reviewChains = reviewChains;
		this.solicitations = solicitations;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.organization = organization;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (itemRepository.count() > 0) {
			return;
		}
		Optional<Person> writer = organization.personNamed(UNIT, "赵雪");
		Optional<Person> colleague = organization.personNamed(UNIT, "钱进");
		Optional<AuthenticatedUser> publicist = user("publicist");
		Optional<AuthenticatedUser> head = user("head");
		Optional<AuthenticatedUser> office = user("office");
		Optional<AuthenticatedUser> charge = user("charge");
		if (writer.isEmpty() || colleague.isEmpty() || publicist.isEmpty() || head.isEmpty() || office.isEmpty()
				|| charge.isEmpty()) {
			log.info("Demo reporting skipped: the demo organisation or demo accounts are missing");
			return;
		}
		Optional<AuthenticatedUser> leader = user("leader");
		try {
			// the year to date first (one transaction a month), then today's items, in one transaction
			Periodical periodical = leader.isEmpty() ? null
					: year.write(new DemoYear.Actors(publicist.get(), head.get(), office.get(), charge.get(),
							leader.get(), accounts()));
			// the material library and the 瞒报漏报 register of the year (issue 11: no empty register in the demo)
			registers.write(office.get(), publicist.get());
			transactions.executeWithoutResult(status -> {
				DemoYear.withoutIndexing(entityManager);
				create(writer.get(), colleague.get(), publicist.get(), head.get(), office.get(), charge.get(),
						periodical);
			});
			// the demo's records were left out of the indexing plan: indexed here once, from the database
			long began = System.nanoTime();
			DemoYear.indexAll(entityManager.getEntityManagerFactory());
			log.info("Demo reporting indexed for full-text search in {} ms", (System.nanoTime() - began) / 1_000_000);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create(Person writer, Person colleague, AuthenticatedUser publicist, AuthenticatedUser head,
			AuthenticatedUser office, AuthenticatedUser charge, Periodical periodical) {
		Unit unit = organization.activeUnits()
			.stream()
			.filter(candidate -> candidate.getName().equals(UNIT))
			.findFirst()
			.orElseThrow();
		Map<String, ReportingBody> bodies = solicitations.activeBodies()
			.stream()
			.collect(Collectors.toMap(ReportingBody::getShortName, Function.identity()));
		LocalDate today = LocalDate.now(clock);
		LocalDateTime now = LocalDateTime.ofInstant(Instant.now(clock), TimeConfiguration.ZONE).withSecond(0).withNano(0);
		List<ItemForm.AuthorEntry> alone = List.of(new ItemForm.AuthorEntry(writer.getId(), null));
		List<ItemForm.AuthorEntry> joint = List.of(new ItemForm.AuthorEntry(writer.getId(), 60),
				new ItemForm.AuthorEntry(colleague.getId(), 40));

		// a solicitation from 区委办, due tomorrow 17:00, answered by a draft
		as(office);
		Solicitation heating = solicitations.register(new SolicitationForm(bodies.get("区委办").getId(),
				"冬季供暖保障和物业服务工作开展情况", "800 字以内，突出具体举措和数据，附 1 至 2 张现场照片。", today,
				today.plusDays(1).atTime(17, 0), List.of(unit.getId(), unitId("住房保障科").orElse(unit.getId())),
				List.of(writer.getId())), office);
		as(publicist);
		items.create(form("我区物业服务企业全面开展冬季供暖设施巡查",
				"入冬以来，区住建局指导全区物业服务企业对供暖管网、换热站和楼道设施开展全面巡查。\n截至目前，已排查小区 86 个，整改隐患 132 处。",
				unit, ItemKind.GOVERNMENT, Set.of(Angle.HOT_ISSUE), Set.of(SourceTag.CORE_DUTY), alone, heating.getId()),
				publicist, DataScope.all());

		// waiting for the office: drafted, verified, approved by the head of the unit
		InformationItem lift = draftVerifiedSubmitted(publicist, form("老旧小区加装电梯惠及千余户居民",
				"区住建局把老旧小区加装电梯作为民生实事，推行“一梯一策”协调机制。\n今年已完成加装电梯 46 部，惠及居民 1100 余户。", unit,
				ItemKind.GOVERNMENT, Set.of(Angle.NEW_HIGHLIGHT, Angle.HOT_ISSUE), Set.of(SourceTag.NPC_SUGGESTION),
				joint, null), "电梯加装办公室 李工");
		approve(lift, head);

		// returned by the office with a comment
		InformationItem council = draftVerifiedSubmitted(publicist, form("物业管理委员会组建工作取得阶段性成效",
				"针对部分小区业主大会难以召开的问题，我局指导街道组建物业管理委员会。", unit, ItemKind.GOVERNMENT,
				Set.of(Angle.HIGHER_FOCUS), Set.of(SourceTag.PETITION, SourceTag.POLICY_CHANGE), alone, null),
				"区物业协会");
		approve(council, head);
		as(office);
		ReviewProcess process = reviewChains.process(InformationItem.ref(council.getId())).orElseThrow();
		reviewChains.returnToDrafter(InformationItem.ref(council.getId()), process.getRound(), process.getCurrentStep(),
				"请补充已组建物业管理委员会的小区数量和典型做法，删去空泛表述。", office);

		// signed off, waiting to be submitted
		InformationItem party = draftVerifiedSubmitted(publicist, form("物业管理科党支部开展“红色物业”主题党日活动",
				"物业管理科党支部组织党员深入小区，与物业企业党组织共同开展“红色物业”主题党日活动。", unit, ItemKind.PARTY,
				Set.of(Angle.NEW_HIGHLIGHT), Set.of(SourceTag.SUPERIOR_DEPLOYMENT), alone, null), "社区党委");
		approve(party, head);
		approve(party, office);
		approve(party, charge);

		// submitted, adopted at city level, instructed on
		InformationItem fees = draftVerifiedSubmitted(publicist, form("我区探索物业服务费“质价相符”评价机制",
				"区住建局会同街道建立物业服务质量第三方评价机制，评价结果与物业服务费调整挂钩。\n试点小区业主满意度提升至 92%。", unit,
				ItemKind.GOVERNMENT, Set.of(Angle.NEW_HIGHLIGHT, Angle.HIGHER_FOCUS), Set.of(SourceTag.CORE_DUTY), joint,
				null), "第三方评价机构");
		approve(fees, head);
		approve(fees, office);
		approve(fees, charge);
		as(office);
		// the minute of the sign-off, not of the start: on a slow machine a minute may have passed since
		LocalDateTime signedOff = LocalDateTime.ofInstant(Instant.now(clock), TimeConfiguration.ZONE).withSecond(0).withNano(0);
		submissions.record(fees.getId(), new SubmissionForm(bodies.get("区委办").getId(), SubmissionChannel.PLATFORM, signedOff,
				null), office, DataScope.all());
		submissions.record(fees.getId(), new SubmissionForm(bodies.get("市住建局").getId(), SubmissionChannel.EMAIL, signedOff,
				"报市住建局办公室信息科"), office, DataScope.all());
		adoptions.recordAdoption(fees.getId(), new AdoptionForm("市《住建信息》", today.getYear() + "年第45期",
				AdministrativeLevel.CITY, today, "市住建局采用通知（办公室存档）"), office, DataScope.all());
		adoptions.recordInstruction(fees.getId(), new InstructionForm(AdministrativeLevel.CITY, "市住建局局长",
				today, "请总结试点经验，形成可复制推广的做法。", today.plusDays(14)), office, DataScope.all());

		// a same-day item in review: the event forty minutes ago
		as(publicist);
		LocalDateTime event = now.minus(Duration.ofMinutes(40));
		InformationItem urgent = items.create(new ItemForm("某小区地下车库消防管道爆裂，物业连夜组织抢修", ItemKind.GOVERNMENT,
				unit.getId(), "事发后物业服务企业立即关闭阀门、疏散车辆，区住建局物业管理科负责人赶赴现场督导抢修，未造成人员伤亡。",
				Set.of(Angle.HOT_ISSUE), Set.of(SourceTag.ONLINE_OPINION), alone, 0, null, true,
				UrgentCategory.EMERGENCY_RESCUE, event), publicist, DataScope.all());
		items.submitForReview(urgent.getId(), publicist, DataScope.all());

		// the office's periodical and one issue of it, compiled from the two signed-off items and signed by the leader
		Optional<AuthenticatedUser> leader = user("leader");
		Optional<Long> officeUnit = unitId("办公室");
		if (leader.isPresent() && officeUnit.isPresent()) {
			bulletin(office, leader.get(), officeUnit.get(), periodical, List.of(fees.getId(), party.getId()));
		}
		log.info("Demo reporting created: items in every state, a solicitation due tomorrow, a same-day item, "
				+ "an issued bulletin");
	}

	private void bulletin(AuthenticatedUser office, AuthenticatedUser leader, long officeUnit, Periodical year,
			List<Long> itemIds) {
		as(office);
		Periodical periodical = year != null ? year : periodicals.create(new PeriodicalForm("住建信息", "区住房和城乡建设局办公室", officeUnit,
				"区委办公室，区政府办公室，市住房和城乡建设局办公室。", "局领导班子成员，各科室、各单位。", 30, null, true), office);
		Bulletin bulletin = bulletins.create(new BulletinForm(periodical.getId(), false, null,
				"物业服务质量评价和“红色物业”建设是今年物业管理工作的重点，现将物业管理科的做法编发，供各科室、各单位参阅。",
				periodical.getReportTo(), periodical.getCopyTo(), periodical.getCopies(), itemIds, Map.of(), 0), office,
				DataScope.all());
		bulletins.submitForReview(bulletin.getId(), office);
		as(leader);
		ReviewProcess process = reviewChains.process(Bulletin.ref(bulletin.getId())).orElseThrow();
		reviewChains.approve(Bulletin.ref(bulletin.getId()), process.getRound(), process.getCurrentStep(), null,
				leader);
		as(office);
		bulletins.issue(bulletin.getId(), office);
	}

	private InformationItem draftVerifiedSubmitted(AuthenticatedUser publicist, ItemForm form, String counterpart) {
		as(publicist);
		InformationItem item = items.create(form, publicist, DataScope.all());
		items.addVerification(item.getId(), new VerificationForm(VerificationMethod.PHONE_CALLBACK,
				publicist.displayName(), counterpart, LocalDate.now(clock), "文中数据和做法经电话回访核实无误"), publicist,
				DataScope.all());
		items.submitForReview(item.getId(), publicist, DataScope.all());
		return item;
	}

	private void approve(InformationItem item, AuthenticatedUser reviewer) {
		as(reviewer);
		ReviewProcess process = reviewChains.process(InformationItem.ref(item.getId())).orElseThrow();
		reviewChains.approve(InformationItem.ref(item.getId()), process.getRound(), process.getCurrentStep(), null,
				reviewer);
	}

	private static ItemForm form(String title, String body, Unit unit, ItemKind kind, Set<Angle> angles,
			Set<SourceTag> sources, List<ItemForm.AuthorEntry> authors, Long solicitationId) {
		return new ItemForm(title, kind, unit.getId(), body, angles, sources, authors, 0, solicitationId);
	}

	private Optional<Long> unitId(String name) {
		return organization.activeUnits()
			.stream()
			.filter(unit -> unit.getName().equals(name))
			.map(Unit::getId)
			.findFirst();
	}

	/** The demo accounts the year's people act as where they have one. */
	private Map<String, AuthenticatedUser> accounts() {
		Map<String, AuthenticatedUser> accounts = new java.util.LinkedHashMap<>();
		for (String username : List.of("publicist", "head", "charge", "publicist2", "head2")) {
			user(username).ifPresent(account -> accounts.put(username, account));
		}
		return accounts;
	}

	private Optional<AuthenticatedUser> user(String username) {
		try {
			return Optional.of((AuthenticatedUser) users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException | ClassCastException missing) {
			return Optional.empty();
		}
	}

	/** Acts as the demo user: the audit trail records their name. */
	private static void as(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
