package io.infodesk.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.assessment.internal.LedgerStore;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import static io.infodesk.shared.time.JdbcTime.utc;

/**
 * The points ledger (issue 4 point 3): append-only entries, each naming its source record and the rule version
 * that scored it, unique per source × rule × recipient (and revision), so that an event delivered twice scores
 * once. A same-day item reported late loses a share of its points ({@code URGENT:LATE}): a negative entry per
 * recipient of each of its scorings, whether the lateness is known before or after the adoption. Every write is
 * audited in its transaction.
 */
@Service
@Transactional
public class Ledger {

	public static final String ENTITY = "ASSESSMENT_LEDGER";

	public static final String LATE_RULE = "URGENT:LATE";

	private final LedgerStore store;

	private final ScoringRules rules;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Ledger(LedgerStore store, ScoringRules rules, AuditTrail audit, Texts texts, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * Scores a fact by the rule in force on its day; keys already in the ledger are left alone (re-delivery). A
	 * scoring of a late same-day item is halved at once. Returns the entries written now.
	 */
	public List<PlannedEntry> record(ScoringFact fact, String origin) {
		ScoringRule rule = rules.inForce(fact.ruleKey(), fact.day()).orElse(null);
		List<PlannedEntry> written = new ArrayList<>();
		ScoringRule multiplier = fact.multiplierKey() == null ? null
				: rules.inForce(fact.multiplierKey(), fact.day()).orElse(null);
		for (PlannedEntry entry : RuleEngine.plan(fact, rule, multiplier, databaseUsage())) {
			if (write(entry, origin, 0, null)) {
				written.add(entry);
			}
		}
		if (ScoreKind.ofKey(fact.ruleKey()).itemCredit() && fact.itemId() != null && isLate(fact.itemId())) {
			written.addAll(halveItem(fact.itemId(), origin));
		}
		if (!written.isEmpty()) {
			audit.record("ASSESSMENT_SCORED", ENTITY, fact.sourceType() + ":" + fact.sourceId(),
					texts.get("assessment.audit.scored", texts.get("assessment.source." + fact.sourceType()),
							fact.label() == null ? "" : fact.label(), written.size(), sum(written)));
		}
		return written;
	}

	/** A same-day item was reported late: remembered, and each of its scorings (now or later) loses its share. */
	public List<PlannedEntry> urgentLate(long itemId, long unitId, LocalDate submittedOn, String label) {
		boolean known = store.isLate(itemId);
		if (!known) {
			store.rememberLate(itemId, unitId, submittedOn, utc(Instant.now(clock)));
		}
		List<PlannedEntry> written = halveItem(itemId, "EVENT");
		if (!known || !written.isEmpty()) {
			audit.record("ASSESSMENT_URGENT_LATE", ENTITY, "ITEM:" + itemId,
					texts.get("assessment.audit.urgentLate", label == null ? "" : label, written.size(), sum(written)));
		}
		return written;
	}

	/** Whether the ledger holds an entry of the key (any revision). */
	public boolean has(LedgerKey key) {
		return store.has(key);
	}

	/**
	 * Cancels what a source scored under a rule (a same-day item first reported missed and then submitted late keeps
	 * the later fact): one compensating revision per recipient whose net points are not zero. Audited.
	 */
	public List<PlannedEntry> cancel(String sourceType, String sourceId, String ruleKey, String origin) {
		List<PlannedEntry> written = new ArrayList<>();
		store.netPerRecipient(sourceType, sourceId, ruleKey, rs -> {
			BigDecimal net = rs.getBigDecimal("points");
			if (net.signum() != 0) {
				PlannedEntry entry = new PlannedEntry(new LedgerKey(sourceType, sourceId, ruleKey, rs.getString("recipient_key")),
						rs.getLong("unit_id"), rs.getObject("person_id", Long.class), net.negate(),
						ScoreKind.valueOf(rs.getString("category")), null, null, rs.getObject("period_date", LocalDate.class),
						rs.getObject("item_id", Long.class), rs.getString("source_label"), rs.getString("source_link"),
						texts.get("assessment.entry.cancelled"));
				written.add(entry);
			}
		});
		for (PlannedEntry entry : written) {
			Integer revision = store.maxRevision(entry.key());
			write(entry, origin, revision + 1, null);
		}
		if (!written.isEmpty()) {
			audit.record("ASSESSMENT_CANCELLED", ENTITY, sourceType + ":" + sourceId,
					texts.get("assessment.audit.cancelled", texts.get("assessment.source." + sourceType),
							written.get(0).label() == null ? "" : written.get(0).label(), written.size(), sum(written)));
		}
		return written;
	}

	public boolean isLate(long itemId) {
		return store.isLate(itemId);
	}

	/** The deductions still missing for a late item: one per recipient of each of its scorings. */
	private List<PlannedEntry> halveItem(long itemId, String origin) {
		List<PlannedEntry> written = new ArrayList<>();
		for (List<PlannedEntry> scoring : creditOfItem(itemId).values()) {
			ScoringRule rule = rules.inForce(LATE_RULE, scoring.get(0).day()).orElse(null);
			for (PlannedEntry entry : RuleEngine.halve(scoring, rule, databaseUsage())) {
				if (write(entry, origin, 0, null)) {
					written.add(entry);
				}
			}
		}
		return written;
	}

	/** The item's credit entries, net per recipient, grouped by the scoring (source) they came from. */
	private Map<String, List<PlannedEntry>> creditOfItem(long itemId) {
		Map<String, List<PlannedEntry>> bySource = new LinkedHashMap<>();
		store.creditOfItem(itemId, rs -> {
			LedgerKey key = new LedgerKey(rs.getString("source_type"), rs.getString("source_id"), rs.getString("rule_key"),
					rs.getString("recipient_key"));
			Long person = (Long) rs.getObject("person_id", Long.class);
			bySource.computeIfAbsent(key.sourceType() + ":" + key.sourceId(), k -> new ArrayList<>())
				.add(new PlannedEntry(key, rs.getLong("unit_id"), person, rs.getBigDecimal("points"),
						ScoreKind.valueOf(rs.getString("category")), null, null,
						rs.getObject("period_date", LocalDate.class), itemId, rs.getString("source_label"),
						rs.getString("source_link"), null));
		});
		return bySource;
	}

	/**
	 * Writes one entry at the revision unless its key is already there at that revision (or at all, for revision
	 * 0). The unique index is the last guard: a concurrent second delivery fails and is retried.
	 */
	boolean write(PlannedEntry entry, String origin, int revision, Long recomputeId) {
		LedgerKey key = entry.key();
		if (revision == 0) {
			if (store.has(key)) {
				return false;
			}
		}
		// the rankings reuse their sums while this stamp stands still (Rankings); changed before the insert, it also
		// orders the ledger writers, which all lock this one row first and so never wait on each other's months
		store.touchStamp(ThreadLocalRandom.current().nextLong());
		store.insert(entry, origin, revision, recomputeId, CurrentUser.actorName(), utc(Instant.now(clock)));
		addToMonth(entry.day(), entry.personId(), entry.unitId(), entry.category(), entry.points());
		return true;
	}

	/**
	 * Keeps the monthly sums ({@code asm_entry_month}, read by the rankings) in the entry's transaction. Writers take
	 * the version row first, so two never add the first entry of the same month and recipient at once.
	 */
	private void addToMonth(LocalDate day, Long personId, long unitId, ScoreKind category, BigDecimal points) {
		store.addToMonth(day.withDayOfMonth(1), personId == null ? 0 : personId, unitId, category, points);
	}

	/**
	 * The ledger's stamp: a new random value in the transaction of every entry written (never one seen before, even
	 * after a rollback), so a reader that sees the same stamp before reading sums sees the same ledger. Read it first:
	 * a write in between only makes what was read newer than its stamp.
	 */
	@Transactional(readOnly = true)
	public long stamp() {
		return store.stamp();
	}

	/** Cap usage read from the ledger. */
	RuleEngine.CapUsage databaseUsage() {
		return new RuleEngine.CapUsage() {

			@Override
			public BigDecimal used(String ruleKey, String recipientKey, LocalDate from, LocalDate to) {
				// the ledger's writers queue on the stamp row: taken before the sum, so two events scored at once
				// cannot both find room under the cap — the second waits, then reads what the first wrote
				store.lockStamp();
				return store.capSum(ruleKey, recipientKey, from, to);
			}

			@Override
			public void add(String ruleKey, String recipientKey, LocalDate day, BigDecimal points) {
				// written right after planning: the next fact reads it from the table
			}

		};
	}

	// ---- reading

	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(EntryQuery query) {
		List<Object> args = new ArrayList<>();
		String where = query.where(args);
		return store.entries(where, args.toArray(), query.limit());
	}

	@Transactional(readOnly = true)
	public BigDecimal total(EntryQuery query) {
		List<Object> args = new ArrayList<>();
		String where = query.where(args);
		return store.total(where, args.toArray());
	}

	/** Net points per category for the query (category sums add up to {@link #total}). */
	@Transactional(readOnly = true)
	public Map<ScoreKind, BigDecimal> byCategory(EntryQuery query) {
		List<Object> args = new ArrayList<>();
		String where = query.where(args);
		Map<ScoreKind, BigDecimal> sums = new LinkedHashMap<>();
		store.byCategory(where, args.toArray(), rs -> {
			sums.put(ScoreKind.valueOf(rs.getString("category")), rs.getBigDecimal("points"));
		});
		return sums;
	}

	/**
	 * How many times each rule scored a unit in the period (the unit side; a key cancelled by a later revision
	 * does not count): e.g. "SOLICITATION:LATE" → 2 for two units charged a late delivery. For the 通报 figures.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countsByRule(LocalDate from, LocalDate to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		store.countsByRule(from, to, rs -> {
			counts.put(rs.getString("rule_key"), rs.getLong("n"));
		});
		return counts;
	}

	@Transactional(readOnly = true)
	public long count() {
		return store.count();
	}

	/**
	 * A filter on the ledger: a period (inclusive), units or persons side, one recipient, one category. Built
	 * into SQL with placeholders only.
	 */
	public record EntryQuery(LocalDate from, LocalDate to, boolean persons, Long unitId, Long personId,
			ScoreKind category, Long itemId, int limit) {

		public static EntryQuery units(LocalDate from, LocalDate to) {
			return new EntryQuery(from, to, false, null, null, null, null, 2000);
		}

		public static EntryQuery persons(LocalDate from, LocalDate to) {
			return new EntryQuery(from, to, true, null, null, null, null, 2000);
		}

		public EntryQuery unit(Long id) {
			return new EntryQuery(from, to, persons, id, personId, category, itemId, limit);
		}

		public EntryQuery person(Long id) {
			return new EntryQuery(from, to, true, unitId, id, category, itemId, limit);
		}

		public EntryQuery category(ScoreKind kind) {
			return new EntryQuery(from, to, persons, unitId, personId, kind, itemId, limit);
		}

		public EntryQuery item(Long id) {
			return new EntryQuery(from, to, persons, unitId, personId, category, id, limit);
		}

		String where(List<Object> args) {
			StringBuilder sql = new StringBuilder(persons ? "person_id is not null" : "person_id is null");
			if (from != null) {
				sql.append(" and period_date >= ?");
				args.add(from);
			}
			if (to != null) {
				sql.append(" and period_date <= ?");
				args.add(to);
			}
			if (unitId != null) {
				sql.append(" and unit_id = ?");
				args.add(unitId);
			}
			if (personId != null) {
				sql.append(" and person_id = ?");
				args.add(personId);
			}
			if (category != null) {
				sql.append(" and category = ?");
				args.add(category.name());
			}
			if (itemId != null) {
				sql.append(" and item_id = ?");
				args.add(itemId);
			}
			return sql.toString();
		}

	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static BigDecimal sum(List<PlannedEntry> entries) {
		return entries.stream().map(PlannedEntry::points).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
