package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemAuthor;
import io.infodesk.reporting.item.ItemFilter;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.outcome.Adoption;
import io.infodesk.reporting.outcome.OutcomeFilter;
import io.infodesk.reporting.outcome.internal.ReportingBodyRepository;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationFilter;
import io.infodesk.reporting.solicitation.SolicitationOwner;
import io.infodesk.reporting.solicitation.internal.SolicitationRepository;
import io.infodesk.reporting.solicitation.internal.SolicitationSpecs;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.ReviewFixtures;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.RichText;
import io.infodesk.review.internal.DocumentVersionRepository;
import io.infodesk.review.internal.ReviewProcessRepository;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The reporting tables and queries behave alike on H2 and PostgreSQL 17 (S3.1-a … S3.1-c): items with their
 * tags, authors and long Chinese bodies; the data scope, tag, keyword, date and "returned to me" queries
 * (subqueries over element collections); solicitation states computed from a given instant; the review
 * queue; unique versions and optimistic locking. Each test makes its own uniquely named rows in its own
 * transactions.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ReportingRepositoryContract {

	@Autowired
	UnitRepository units;

	@Autowired
	PersonRepository people;

	@Autowired
	InformationItemRepository items;

	@Autowired
	SolicitationRepository solicitations;

	@Autowired
	ReportingBodyRepository bodies;

	@Autowired
	ReviewProcessRepository processes;

	@Autowired
	DocumentVersionRepository versions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Clock clock;

	TransactionTemplate tx() {
		return new TransactionTemplate(transactionManager);
	}

	Instant now() {
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Unit unit(String name) {
		return tx().execute(status -> units.saveAndFlush(new Unit(unique(name), UnitType.SECTION, now())));
	}

	Person person(String name, Unit unit) {
		return tx().execute(status -> people.saveAndFlush(new Person(name, unit.getId(), now())));
	}

	InformationItem item(String title, Unit unit, long drafterUserId, Person... authors) {
		return tx().execute(status -> {
			InformationItem item = new InformationItem(unit.getId(), drafterUserId, null, "起草人", now());
			item.write(title, "<p>" + title + "正文</p>", title + "正文", ItemKind.GOVERNMENT, unit.getId(),
					Set.of(Angle.HOT_ISSUE), Set.of(SourceTag.PETITION),
					java.util.Arrays.stream(authors)
						.map(author -> new ItemAuthor(author.getId(), author.getName(), author.getUnitId(), null))
						.toList(),
					null, now());
			return items.saveAndFlush(item);
		});
	}

	List<String> titles(org.springframework.data.jpa.domain.Specification<InformationItem> spec) {
		return tx().execute(status -> items.findAll(spec).stream().map(InformationItem::getTitle).sorted().toList());
	}

	@Test
	void anItemKeepsItsTagsOrderedAuthorsAndALongChineseBody() {
		Unit unit = unit("物业管理科");
		Person first = person("赵雪", unit);
		Person second = person("钱进", unit);
		String body = "<p>" + "老旧小区物业管理全覆盖，".repeat(4000) + "</p>";
		Long id = tx().execute(status -> {
			InformationItem item = new InformationItem(unit.getId(), 1L, first.getId(), "赵雪", now());
			item.write(unique("长文"), body, RichText.plainText(body), ItemKind.PARTY, unit.getId(),
					Set.of(Angle.HIGHER_FOCUS, Angle.NEW_HIGHLIGHT), Set.of(SourceTag.NPC_SUGGESTION, SourceTag.CORE_DUTY),
					List.of(new ItemAuthor(second.getId(), "钱进", unit.getId(), 30),
							new ItemAuthor(first.getId(), "赵雪", unit.getId(), 70)),
					null, now());
			return items.saveAndFlush(item).getId();
		});
		tx().executeWithoutResult(status -> {
			InformationItem stored = items.findById(id).orElseThrow();
			assertThat(stored.getBody()).isEqualTo(body);
			assertThat(stored.getBody().length()).isGreaterThan(40_000);
			assertThat(stored.getKind()).isEqualTo(ItemKind.PARTY);
			assertThat(stored.getAngles()).containsExactlyInAnyOrder(Angle.HIGHER_FOCUS, Angle.NEW_HIGHLIGHT);
			assertThat(stored.getSources()).containsExactlyInAnyOrder(SourceTag.NPC_SUGGESTION, SourceTag.CORE_DUTY);
			assertThat(stored.getAuthors()).extracting(ItemAuthor::getPersonName).containsExactly("钱进", "赵雪");
			assertThat(stored.getAuthors()).extracting(ItemAuthor::getWeight).containsExactly(30, 70);
		});
	}

	@Test
	void theScopeQueryFindsTheUnitsItemsAndThoseDraftedOrCoAuthoredElsewhere() {
		Unit mine = unit("物业管理科");
		Unit other = unit("城建科");
		Person me = person("赵雪", mine);
		Person colleague = person("吕国庆", other);
		String marker = unique("范围");
		item(marker + "甲本科", mine, 2L, me);
		item(marker + "乙他科联合", other, 3L, colleague, me);
		item(marker + "丙他科", other, 3L, colleague);
		item(marker + "丁他科我起草", other, 77L, colleague);
		var keyword = ItemSpecs.matching(new ItemFilter(marker, null, null, null, null, null, null), TimeConfiguration.ZONE);

		assertThat(titles(ItemSpecs.visible(DataScope.units(Set.of(mine.getId())), 77L, me.getId()).and(keyword)))
			.containsExactly(marker + "丁他科我起草", marker + "乙他科联合", marker + "甲本科");
		assertThat(titles(ItemSpecs.visible(DataScope.units(Set.of()), null, null).and(keyword))).isEmpty();
		assertThat(titles(ItemSpecs.visible(DataScope.all(), null, null).and(keyword))).hasSize(4);
	}

	@Test
	void tagKeywordAndDayFiltersWork() {
		Unit unit = unit("住房保障科");
		Person author = person("曾晓", unit);
		String marker = unique("筛选_100%");
		item(marker, unit, 5L, author);
		var zone = TimeConfiguration.ZONE;
		LocalDate today = LocalDate.ofInstant(now(), zone);
		assertThat(titles(ItemSpecs.matching(new ItemFilter(marker, null, null, "HOT_ISSUE", null, today, today), zone)))
			.containsExactly(marker);
		assertThat(titles(ItemSpecs.matching(new ItemFilter(marker, null, null, "PETITION", ItemStatus.DRAFT, null, null), zone)))
			.containsExactly(marker);
		assertThat(titles(ItemSpecs.matching(new ItemFilter(marker, null, null, "HIGHER_FOCUS", null, null, null), zone)))
			.isEmpty();
		assertThat(titles(ItemSpecs.matching(new ItemFilter(marker, null, null, null, null, today.plusDays(1), null), zone)))
			.isEmpty();
		assertThat(titles(ItemSpecs.matching(new ItemFilter(marker.replace("_", "x"), null, null, null, null, null, null), zone)))
			.isEmpty();
	}

	@Test
	void returnedItemsAreFoundForTheirDrafterAndCoAuthors() {
		Unit unit = unit("城建科");
		Person author = person("卢静怡", unit);
		InformationItem item = item(unique("退回"), unit, 91L, author);
		tx().executeWithoutResult(status -> {
			InformationItem stored = items.findById(item.getId()).orElseThrow();
			stored.changeStatus(ItemStatus.RETURNED, null, now());
		});
		assertThat(titles(ItemSpecs.returnedTo(91L, null))).contains(item.getTitle());
		assertThat(titles(ItemSpecs.returnedTo(92L, author.getId()))).contains(item.getTitle());
		assertThat(titles(ItemSpecs.returnedTo(92L, null))).doesNotContain(item.getTitle());
	}

	@Test
	void solicitationStatesFollowTheGivenInstantAndTheScope() {
		Unit unit = unit("村镇建设科");
		Person owner = person("贾蓉", unit);
		long body = bodies.findByShortName("区委办").orElseThrow().getId();
		Instant now = now();
		String marker = unique("约稿");
		Long open = solicitation(marker + "未到期", body, now.plus(Duration.ofDays(3)), unit, null, null);
		Long dueSoon = solicitation(marker + "将到期", body, now.plus(Duration.ofHours(5)), unit, owner, null);
		Long missed = solicitation(marker + "已逾期", body, now.minus(Duration.ofHours(1)), unit, null, null);
		Long onTime = solicitation(marker + "按时", body, now.minus(Duration.ofHours(2)), unit, null,
				now.minus(Duration.ofHours(3)));
		Long late = solicitation(marker + "逾期报送", body, now.minus(Duration.ofHours(2)), unit, null,
				now.minus(Duration.ofHours(1)));

		assertThat(ids(marker, "OPEN", now)).containsExactlyInAnyOrder(open, dueSoon);
		assertThat(ids(marker, SolicitationFilter.DUE_SOON, now)).containsExactly(dueSoon);
		assertThat(ids(marker, "MISSED", now)).containsExactly(missed);
		assertThat(ids(marker, "DELIVERED_ON_TIME", now)).containsExactly(onTime);
		assertThat(ids(marker, "DELIVERED_LATE", now)).containsExactly(late);

		var keyword = SolicitationSpecs.matching(new SolicitationFilter(marker, null, null, null), now);
		List<Long> owned = tx().execute(status -> solicitations
			.findAll(SolicitationSpecs.visible(DataScope.units(Set.of()), owner.getId()).and(keyword))
			.stream()
			.map(Solicitation::getId)
			.toList());
		assertThat(owned).containsExactly(dueSoon);
		Integer ofUnit = tx().execute(status -> solicitations
			.findAll(SolicitationSpecs.visible(DataScope.units(Set.of(unit.getId())), null).and(keyword))
			.size());
		assertThat(ofUnit).isEqualTo(5);
		Integer filtered = tx().execute(status -> solicitations
			.findAll(SolicitationSpecs.matching(new SolicitationFilter(marker, null, unit.getId(), null), now))
			.size());
		assertThat(filtered).isEqualTo(5);
	}

	private Long solicitation(String topic, long body, Instant deadline, Unit unit, Person owner, Instant delivered) {
		return tx().execute(status -> {
			Solicitation solicitation = new Solicitation(1L, "周敏", now());
			solicitation.change(body, topic, "要求", LocalDate.ofInstant(now(), TimeConfiguration.ZONE).minusDays(5),
					deadline, Set.of(unit.getId()),
					owner == null ? List.of() : List.of(new SolicitationOwner(owner.getId(), owner.getName())), now());
			if (delivered != null) {
				solicitation.deliver(99L, delivered);
			}
			return solicitations.saveAndFlush(solicitation).getId();
		});
	}

	private List<Long> ids(String marker, String state, Instant now) {
		return tx().execute(status -> solicitations
			.findAll(SolicitationSpecs.matching(new SolicitationFilter(marker, null, null, state), now))
			.stream()
			.map(Solicitation::getId)
			.toList());
	}

	@Autowired
	io.infodesk.reporting.outcome.internal.AdoptionRepository adoptions;

	@Test
	void theAdoptionRegisterQueryKeepsToVisibleItemsAndFilters() {
		Unit mine = unit("房产交易管理中心");
		Unit other = unit("城建档案馆");
		String marker = unique("采用");
		InformationItem ours = item(marker + "甲", mine, 5L);
		InformationItem theirs = item(marker + "乙", other, 6L);
		LocalDate today = LocalDate.ofInstant(now(), TimeConfiguration.ZONE);
		tx().executeWithoutResult(status -> {
			adoptions.saveAndFlush(new Adoption(ours.getId(), "市《住建信息》", "45", AdministrativeLevel.CITY, today, null,
					"周敏", now()));
			adoptions.saveAndFlush(new Adoption(ours.getId(), "区《每日要情》", "210", AdministrativeLevel.DISTRICT,
					today.minusDays(3), null, "周敏", now()));
			adoptions.saveAndFlush(new Adoption(theirs.getId(), "市《住建信息》", "46", AdministrativeLevel.CITY, today,
					null, "周敏", now()));
		});
		java.util.function.BiFunction<OutcomeFilter, List<Long>, List<String>> seen = (filter, elsewhere) -> tx()
			.execute(status -> adoptions
				.findAll(io.infodesk.reporting.outcome.internal.OutcomeSpecs.<Adoption>matching(filter,
						new io.infodesk.reporting.item.ItemRegister.Visibility(Set.of(mine.getId()), elsewhere),
						"adoptedOn", "outlet"))
				.stream()
				.map(Adoption::getOutlet)
				.sorted()
				.toList());
		java.util.function.Function<OutcomeFilter, List<String>> outlets = filter -> seen.apply(filter, List.of());
		assertThat(outlets.apply(new OutcomeFilter(marker, null, null, null, null)))
			.containsExactly("区《每日要情》", "市《住建信息》");
		assertThat(outlets.apply(new OutcomeFilter(marker, null, AdministrativeLevel.CITY, null, null)))
			.containsExactly("市《住建信息》");
		assertThat(outlets.apply(new OutcomeFilter(marker, null, null, today.minusDays(1), today)))
			.containsExactly("市《住建信息》");
		assertThat(outlets.apply(new OutcomeFilter("每日要情", mine.getId(), null, null, null))).contains("区《每日要情》");
		// an item of another unit the user drafted or co-authored (issue 16: looked up first, passed as ids)
		assertThat(seen.apply(new OutcomeFilter(marker, null, AdministrativeLevel.CITY, null, null), List.of(theirs.getId())))
			.containsExactly("市《住建信息》", "市《住建信息》");
		assertThat(seen.apply(new OutcomeFilter(marker, other.getId(), null, null, null), List.of(theirs.getId())))
			.containsExactly("市《住建信息》");
		assertThat(seen.apply(new OutcomeFilter(marker, other.getId(), null, null, null), List.of())).isEmpty();
	}

	@Test
	void theReviewQueueFindsProcessesWaitingAtARole() {
		Unit unit = unit("建筑业管理科");
		InformationItem item = item(unique("审核队列"), unit, 5L);
		tx().executeWithoutResult(status -> {
			ReviewProcess process = ReviewFixtures.started(InformationItem.ref(item.getId()), unit.getId(),
					ReviewTrack.URGENT, List.of(ReviewRole.UNIT_HEAD, ReviewRole.LEADER_IN_CHARGE), now());
			processes.saveAndFlush(process);
		});
		List<Long> atHead = tx().execute(status -> processes
			.findByStatusAndCurrentRoleIn(ReviewProcess.Status.IN_REVIEW, Set.of("UNIT_HEAD"))
			.stream()
			.map(process -> process.document().id())
			.toList());
		assertThat(atHead).contains(item.getId());
		List<Long> atOffice = tx().execute(status -> processes
			.findByStatusAndCurrentRoleIn(ReviewProcess.Status.IN_REVIEW, Set.of("OFFICE_EDITOR"))
			.stream()
			.map(process -> process.document().id())
			.toList());
		assertThat(atOffice).doesNotContain(item.getId());
	}

	@Test
	void aVersionNumberIsKeptOnceAndConcurrentSavesOfAnItemConflict() {
		Unit unit = unit("质量安全监督站");
		InformationItem item = item(unique("并发"), unit, 5L);
		DocumentRef ref = InformationItem.ref(item.getId());
		tx().executeWithoutResult(status -> versions
			.saveAndFlush(new DocumentVersion(ref, 1, "标题", "<p>一</p>", "一", DocumentVersion.Note.DRAFTED, 5L, "甲", now())));
		assertThatThrownBy(() -> tx().executeWithoutResult(status -> versions
			.saveAndFlush(new DocumentVersion(ref, 1, "标题", "<p>二</p>", "二", DocumentVersion.Note.DRAFTED, 6L, "乙", now()))))
			.isInstanceOf(DataIntegrityViolationException.class);

		InformationItem first = tx().execute(status -> items.findById(item.getId()).orElseThrow());
		InformationItem second = tx().execute(status -> items.findById(item.getId()).orElseThrow());
		first.changeStatus(ItemStatus.IN_REVIEW, "UNIT_HEAD", now());
		tx().executeWithoutResult(status -> items.saveAndFlush(first));
		second.changeStatus(ItemStatus.RETURNED, null, now());
		assertThatThrownBy(() -> tx().executeWithoutResult(status -> items.saveAndFlush(second)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		ItemStatus stored = tx().execute(status -> items.findById(item.getId()).orElseThrow().getStatus());
		assertThat(stored).isEqualTo(ItemStatus.IN_REVIEW);
	}

}
