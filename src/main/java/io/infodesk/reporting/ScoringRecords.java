package io.infodesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.reporting.concealed.ConcealedReport;
import static io.infodesk.shared.time.JdbcTime.instant;

/**
 * Read-only access to the records assessment scores (issue 4, "recompute from the source records"): adoptions,
 * leader instructions and solicitation deliveries of a period with what their events carry, late same-day items,
 * and first submissions per unit. Projections in a few queries, so that a year of records is read in one go;
 * no data scope — the caller is the assessment module itself, which shows its own figures by its own scope.
 */
@Service
@Transactional(readOnly = true)
public class ScoringRecords {

	/** An adoption as {@link InformationAdopted} carries it, with the item's title. */
	public record AdoptionRecord(long adoptionId, long itemId, long unitId, String title, AdministrativeLevel level,
			LocalDate on, List<AuthorShare> authors) {

	}

	/** A leader instruction as {@link LeaderInstructionRecorded} carries it, with the item's title. */
	public record InstructionRecord(long instructionId, long itemId, long unitId, String title,
			AdministrativeLevel level, LocalDate on, List<AuthorShare> authors) {

	}

	/** A delivered solicitation as {@link SolicitationDelivered} carries it, with its topic. */
	public record DeliveryRecord(long solicitationId, long itemId, String topic, Set<Long> unitIds, Instant deadline,
			Instant deliveredAt) {

		public boolean onTime() {
			return !deliveredAt.isAfter(deadline);
		}

	}

	/** A same-day item first submitted after its day ({@link UrgentReportLate}). */
	public record LateRecord(long itemId, long unitId, String title, Instant submittedAt) {

	}

	/** A deadline that passed unanswered (rpt_missed_deadline): a solicitation for a unit, or a same-day item. */
	public record MissedRecord(String subject, long subjectId, long unitId, Instant dueAt) {

	}

	/** A missed or concealed report recorded by the office (漏报 / 瞒报). */
	public record ConcealedRecord(long recordId, long unitId, ConcealedKind kind, LocalDate on, String subject) {

	}

	private final EntityManager entityManager;

	ScoringRecords(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	public List<AdoptionRecord> adoptions(LocalDate from, LocalDate to) {
		List<Object[]> rows = entityManager.createQuery("""
				select a.id, i.id, i.unitId, i.title, a.level, a.adoptedOn from Adoption a, InformationItem i
				where i.id = a.itemId and a.adoptedOn between :from and :to order by a.id""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList();
		Map<Long, List<AuthorShare>> shares = shares("""
				select a.itemId, au.personId, au.unitId, au.weight, index(au) from Adoption a, InformationItem i
				join i.authors au where i.id = a.itemId and a.adoptedOn between :from and :to""", from, to);
		return rows.stream()
			.map(row -> new AdoptionRecord((Long) row[0], (Long) row[1], (Long) row[2], (String) row[3],
					(AdministrativeLevel) row[4], (LocalDate) row[5], shares.getOrDefault((Long) row[1], List.of())))
			.toList();
	}

	/** An item submitted in a period and not adopted (yet), with its authors' shares: what a publicist produced. */
	public record SubmittedRecord(long itemId, long unitId, String title, LocalDate on, List<AuthorShare> authors) {

	}

	/**
	 * The items first submitted between the two days (Asia/Shanghai) that no outlet has adopted, oldest first; the
	 * adopted ones are {@link #adoptions(LocalDate, LocalDate)}.
	 */
	public List<SubmittedRecord> submittedNotAdopted(LocalDate from, LocalDate to) {
		java.time.Instant start = from.atStartOfDay(io.infodesk.shared.time.TimeConfiguration.ZONE).toInstant();
		java.time.Instant end = to.plusDays(1).atStartOfDay(io.infodesk.shared.time.TimeConfiguration.ZONE).toInstant();
		String notAdopted = "not exists (select 1 from Adoption a where a.itemId = i.id)";
		List<Object[]> rows = entityManager.createQuery("""
				select i.id, i.unitId, i.title, min(s.submittedAt) from Submission s, InformationItem i
				where i.id = s.itemId and %s group by i.id, i.unitId, i.title
				having min(s.submittedAt) >= :from and min(s.submittedAt) < :to order by i.id""".formatted(notAdopted),
				Object[].class)
			.setParameter("from", start)
			.setParameter("to", end)
			.getResultList();
		Map<Long, List<AuthorShare>> shares = shares("""
				select i.id, au.personId, au.unitId, au.weight, index(au) from InformationItem i join i.authors au
				where exists (select 1 from Submission s where s.itemId = i.id and s.submittedAt >= :from
				and s.submittedAt < :to) and %s""".formatted(notAdopted), start, end);
		return rows.stream()
			.map(row -> new SubmittedRecord((Long) row[0], (Long) row[1], (String) row[2],
					LocalDate.ofInstant((java.time.Instant) row[3], io.infodesk.shared.time.TimeConfiguration.ZONE),
					shares.getOrDefault((Long) row[0], List.of())))
			.toList();
	}

	public List<InstructionRecord> instructions(LocalDate from, LocalDate to) {
		List<Object[]> rows = entityManager.createQuery("""
				select n.id, i.id, i.unitId, i.title, n.level, n.instructedOn from LeaderInstruction n, InformationItem i
				where i.id = n.itemId and n.instructedOn between :from and :to order by n.id""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList();
		Map<Long, List<AuthorShare>> shares = shares("""
				select n.itemId, au.personId, au.unitId, au.weight, index(au) from LeaderInstruction n, InformationItem i
				join i.authors au where i.id = n.itemId and n.instructedOn between :from and :to""", from, to);
		return rows.stream()
			.map(row -> new InstructionRecord((Long) row[0], (Long) row[1], (Long) row[2], (String) row[3],
					(AdministrativeLevel) row[4], (LocalDate) row[5], shares.getOrDefault((Long) row[1], List.of())))
			.toList();
	}

	/** Solicitations delivered in [from, to). */
	public List<DeliveryRecord> deliveries(Instant from, Instant to) {
		List<Object[]> rows = entityManager.createQuery("""
				select s.id, s.deliveredItemId, s.topic, s.deadline, s.deliveredAt from Solicitation s
				where s.deliveredAt >= :from and s.deliveredAt < :to order by s.id""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList();
		Map<Long, Set<Long>> units = new LinkedHashMap<>();
		entityManager.createQuery("""
				select s.id, u from Solicitation s join s.unitIds u
				where s.deliveredAt >= :from and s.deliveredAt < :to""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.forEach(row -> units.computeIfAbsent((Long) row[0], id -> new LinkedHashSet<>()).add((Long) row[1]));
		return rows.stream()
			.map(row -> new DeliveryRecord((Long) row[0], (Long) row[1], (String) row[2],
					units.getOrDefault((Long) row[0], Set.of()), (Instant) row[3], (Instant) row[4]))
			.toList();
	}

	/** Every same-day item that was first submitted after its day. */
	public List<LateRecord> lateItems() {
		return entityManager.createQuery("""
				select i.id, i.unitId, i.title, i.firstSubmittedAt from InformationItem i
				where i.lateSeconds > 0 order by i.id""", Object[].class)
			.getResultList()
			.stream()
			.map(row -> new LateRecord((Long) row[0], (Long) row[1], (String) row[2], (Instant) row[3]))
			.toList();
	}

	/** How many items of each unit were first submitted upward in [from, to) (the monthly quota). */
	public Map<Long, Long> firstSubmissionsPerUnit(Instant from, Instant to) {
		Map<Long, Long> counts = new LinkedHashMap<>();
		entityManager.createQuery("""
				select i.unitId, count(i) from InformationItem i
				where i.firstSubmittedAt >= :from and i.firstSubmittedAt < :to group by i.unitId""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.forEach(row -> counts.put((Long) row[0], (Long) row[1]));
		return counts;
	}

	/** Deadlines that passed unanswered with the due instant in [from, to). */
	@SuppressWarnings("unchecked")
	public List<MissedRecord> missedDeadlines(Instant from, Instant to) {
		List<Object[]> rows = entityManager.createNativeQuery("""
				select subject, subject_id, unit_id, due_at from rpt_missed_deadline
				where due_at >= ?1 and due_at < ?2 order by subject, subject_id, unit_id""")
			.setParameter(1, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
			.setParameter(2, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
			.getResultList();
		return rows.stream()
			.map(row -> new MissedRecord((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
					instant(row[3])))
			.toList();
	}

	/** The register's records of the period that stand (a withdrawn record scores nothing). */
	public List<ConcealedRecord> concealedReports(LocalDate from, LocalDate to) {
		return entityManager.createQuery("""
				select c.id, c.unitId, c.kind, c.occurredOn, c.subject from ConcealedReport c
				where c.occurredOn between :from and :to and c.withdrawnAt is null order by c.id""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.stream()
			.map(row -> new ConcealedRecord((Long) row[0], (Long) row[1], (ConcealedKind) row[2],
					(LocalDate) row[3], (String) row[4]))
			.toList();
	}

	/** The title of an item (for the ledger's drill-down), or null when there is none. */
	public String itemTitle(long itemId) {
		List<String> titles = entityManager
			.createQuery("select i.title from InformationItem i where i.id = :id", String.class)
			.setParameter("id", itemId)
			.getResultList();
		return titles.isEmpty() ? null : titles.get(0);
	}

	/** The titles of many items at once (id → title; ids without an item are left out). */
	public Map<Long, String> itemTitles(java.util.Collection<Long> itemIds) {
		return byIds("select i.id, i.title from InformationItem i where i.id in :ids", itemIds);
	}

	/** The topics of many solicitations at once (id → topic). */
	public Map<Long, String> solicitationTopics(java.util.Collection<Long> solicitationIds) {
		return byIds("select s.id, s.topic from Solicitation s where s.id in :ids", solicitationIds);
	}

	private Map<Long, String> byIds(String query, java.util.Collection<Long> ids) {
		Map<Long, String> result = new java.util.HashMap<>();
		List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
		for (int start = 0; start < all.size(); start += 1000) {
			entityManager.createQuery(query, Object[].class)
				.setParameter("ids", all.subList(start, Math.min(all.size(), start + 1000)))
				.getResultList()
				.forEach(row -> result.put((Long) row[0], (String) row[1]));
		}
		return result;
	}

	/** Where an adoption appeared (for the circular's list): adoption id → outlet and issue (issue may be null). */
	public record AdoptionOutlet(String outlet, String issue) {

	}

	/** The outlets of many adoptions at once (adoption id → outlet; ids without an adoption are left out). */
	public Map<Long, AdoptionOutlet> adoptionOutlets(java.util.Collection<Long> adoptionIds) {
		Map<Long, AdoptionOutlet> result = new java.util.HashMap<>();
		List<Long> all = List.copyOf(new LinkedHashSet<>(adoptionIds));
		for (int start = 0; start < all.size(); start += 1000) {
			entityManager.createQuery("select a.id, a.outlet, a.issue from Adoption a where a.id in :ids", Object[].class)
				.setParameter("ids", all.subList(start, Math.min(all.size(), start + 1000)))
				.getResultList()
				.forEach(row -> result.put((Long) row[0], new AdoptionOutlet((String) row[1], (String) row[2])));
		}
		return result;
	}

	/** The leaders of many instructions at once (instruction id → leader). */
	public Map<Long, String> instructionLeaders(java.util.Collection<Long> instructionIds) {
		return byIds("select n.id, n.leader from LeaderInstruction n where n.id in :ids", instructionIds);
	}

	/** The topic of a solicitation, or null. */
	public String solicitationTopic(long solicitationId) {
		List<String> topics = entityManager
			.createQuery("select s.topic from Solicitation s where s.id = :id", String.class)
			.setParameter("id", solicitationId)
			.getResultList();
		return topics.isEmpty() ? null : topics.get(0);
	}

	/** Author shares per item, computed as {@link InformationItem#shares()} does (weights, else equal shares). */
	private Map<Long, List<AuthorShare>> shares(String query, Object from, Object to) {
		Map<Long, Map<Integer, Object[]>> byItem = new LinkedHashMap<>();
		entityManager.createQuery(query, Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.forEach(row -> byItem.computeIfAbsent((Long) row[0], id -> new java.util.TreeMap<>())
				.put((Integer) row[4], row));
		Map<Long, List<AuthorShare>> shares = new LinkedHashMap<>();
		byItem.forEach((itemId, authors) -> {
			boolean weighted = authors.values().stream().allMatch(row -> row[3] != null);
			List<AuthorShare> list = new ArrayList<>();
			for (Object[] row : authors.values()) {
				double percent = weighted ? ((Integer) row[3]).doubleValue() : 100.0 / authors.size();
				list.add(new AuthorShare((Long) row[1], (Long) row[2], percent));
			}
			shares.put(itemId, list);
		});
		return shares;
	}

}
