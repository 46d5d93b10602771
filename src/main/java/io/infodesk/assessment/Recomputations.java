package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.assessment.internal.LedgerStore;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Recomputation of a period from the source records (issue 4 point 3): every fact of the period (adoptions,
 * instructions, deliveries from reporting; closed months' quotas; approved adjustments) is scored again with the
 * rule book — the version in force on each fact's day — and compared key by key with the ledger. The preview lists
 * the differences; applying writes one compensating entry per difference (a later revision of the key, append-only)
 * and audits the run. With unchanged rules and complete event delivery the preview is empty: recompute == ledger.
 */
@Service
@Transactional
public class Recomputations {

	/** A key whose ledger sum differs from what the rules give now. */
	public record Difference(PlannedEntry entry, BigDecimal ledger, BigDecimal expected, int nextRevision) {

		public BigDecimal delta() {
			return expected.subtract(ledger);
		}

	}

	/** What a recomputation of [from, to] finds. */
	public record Preview(LocalDate from, LocalDate to, int facts, BigDecimal ledgerTotal, BigDecimal expectedTotal,
			List<Difference> differences) {

		public BigDecimal delta() {
			return expectedTotal.subtract(ledgerTotal);
		}

	}

	private static final Logger log = LoggerFactory.getLogger(Recomputations.class);

	/** A key's sum in the ledger, with what a compensating entry needs (its label and link are read when needed). */
	private record Stored(long unitId, Long personId, ScoreKind category, LocalDate day, Long itemId, BigDecimal sum,
			int revision) {

		PlannedEntry entry(LedgerKey key, String label, String link) {
			return new PlannedEntry(key, unitId, personId, sum, category, null, null, day, itemId, label, link, null);
		}

	}

	/** A source record (type and id): what a fact is, and what a ledger entry came from. */
	private record Source(String type, String id) {

	}

	/** The ledger of a period: the sum per key, and the first entry id of each source (the order the listeners saw). */
	private record Ledgered(Map<LedgerKey, Stored> byKey, Map<Source, Long> firstId) {

	}

	/** What the source records of a period hold: the facts to score and the items reported late. */
	private record Facts(List<ScoringFact> facts, Set<Long> late) {

	}

	private final LedgerStore store;

	private final ScoringRules rules;

	private final List<ScoringSource> sources;

	private final Quotas quotas;

	private final Adjustments adjustments;

	private final Ledger ledger;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Recomputations(LedgerStore store, ScoringRules rules, List<ScoringSource> sources, Quotas quotas,
			Adjustments adjustments, Ledger ledger, AuditTrail audit, Texts texts, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.sources = sources;
		this.quotas = quotas;
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Preview preview(LocalDate from, LocalDate to) {
		check(from, to);
		long start = System.nanoTime();
		Ledgered ledgered = stored(from, to);
		Map<LedgerKey, Stored> stored = ledgered.byKey();
		long storedRead = System.nanoTime();
		ScoringRules.RuleBook book = rules.book();
		Facts read = facts(from, to, book);
		long factsRead = System.nanoTime();
		Map<LedgerKey, PlannedEntry> expected = expected(read, from, to, ledgered.firstId(), book);
		long scored = System.nanoTime();
		List<Difference> differences = new ArrayList<>();
		BigDecimal ledgerTotal = BigDecimal.ZERO;
		BigDecimal expectedTotal = BigDecimal.ZERO;
		Set<Source> sources = new HashSet<>();
		for (Map.Entry<LedgerKey, PlannedEntry> planned : expected.entrySet()) {
			LedgerKey key = planned.getKey();
			PlannedEntry want = planned.getValue();
			sources.add(new Source(key.sourceType(), key.sourceId()));
			Stored have = stored.get(key);
			BigDecimal haveSum = have == null ? BigDecimal.ZERO : have.sum();
			ledgerTotal = ledgerTotal.add(haveSum);
			expectedTotal = expectedTotal.add(want.points());
			if (haveSum.compareTo(want.points()) != 0) {
				differences.add(new Difference(want, haveSum, want.points(), have == null ? 0 : have.revision() + 1));
			}
		}
		// keys the rules no longer give (a rule switched off, a record gone): their whole sum is the difference
		Map<LedgerKey, Stored> gone = new LinkedHashMap<>();
		for (Map.Entry<LedgerKey, Stored> have : stored.entrySet()) {
			if (!expected.containsKey(have.getKey())) {
				ledgerTotal = ledgerTotal.add(have.getValue().sum());
				if (have.getValue().sum().signum() != 0) {
					gone.put(have.getKey(), have.getValue());
				}
			}
		}
		Map<Source, String[]> labels = labels(gone.keySet(), from, to);
		gone.forEach((key, have) -> {
			String[] label = labels.getOrDefault(new Source(key.sourceType(), key.sourceId()), new String[2]);
			differences.add(new Difference(have.entry(key, label[0], label[1]), have.sum(), BigDecimal.ZERO,
					have.revision() + 1));
		});
		differences.sort(Comparator.comparing((Difference d) -> d.entry().day())
			.thenComparing(d -> d.entry().key().sourceType())
			.thenComparing(d -> d.entry().key().sourceId()));
		int facts = sources.size();
		log.info("Recomputation of {}..{}: ledger read in {} ms ({} keys), facts read in {} ms and scored in {} ms ({} "
				+ "keys), compared in {} ms: {} differences", from, to, (storedRead - start) / 1_000_000, stored.size(),
				(factsRead - storedRead) / 1_000_000, (scored - factsRead) / 1_000_000, expected.size(),
				(System.nanoTime() - scored) / 1_000_000, differences.size());
		return new Preview(from, to, facts, ledgerTotal, expectedTotal, differences);
	}

	/** Recomputes and writes the compensating entries; returns the preview it applied. */
	public Preview apply(LocalDate from, LocalDate to) {
		Preview preview = preview(from, to);
		BigDecimal delta = preview.differences().stream().map(Difference::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
		// the run's id as its insert generated it: two runs at once each get their own
		long runId = store.insertRun(from, to, preview.differences().size(), delta, CurrentUser.actorName(),
				JdbcTime.utc(Instant.now(clock)));
		for (Difference difference : preview.differences()) {
			ledger.write(difference.entry().withPoints(difference.delta(), texts.get("assessment.recompute.note", runId)),
					"RECOMPUTE", difference.nextRevision(), runId);
		}
		audit.record("ASSESSMENT_RECOMPUTED", Ledger.ENTITY, "RECOMPUTE:" + runId, texts.get(
				"assessment.audit.recomputed", from, to, preview.differences().size(), delta));
		return preview;
	}

	private static void check(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw AssessmentException.of("assessment.recompute.period.required");
		}
		if (to.isBefore(from)) {
			throw AssessmentException.of("assessment.period.toBeforeFrom");
		}
		if (from.plusYears(3).isBefore(to)) {
			throw AssessmentException.of("assessment.recompute.period.tooLong");
		}
	}

	/**
	 * The ledger of the period, summed per key, with the first entry id of each source (the order the listeners saw).
	 * Labels and links are left out: most keys agree with the rules, and those that do not get theirs from
	 * {@link #labels}.
	 */
	private Ledgered stored(LocalDate from, LocalDate to) {
		Map<LedgerKey, Stored> stored = new HashMap<>();
		Map<Source, Long> firstId = new HashMap<>();
		store.sumsPerKey(from, to, rs -> {
			String sourceType = rs.getString(1);
			String sourceId = rs.getString(2);
			LedgerKey key = new LedgerKey(sourceType, sourceId, rs.getString(3), rs.getString(4));
			Long personId = rs.getObject(6, Long.class);
			stored.put(key, new Stored(rs.getLong(5), personId, ScoreKind.valueOf(rs.getString(7)),
					rs.getObject(11, LocalDate.class), rs.getObject(12, Long.class), rs.getBigDecimal(8), rs.getInt(9)));
			firstId.merge(new Source(sourceType, sourceId), rs.getLong(10), Math::min);
		});
		return new Ledgered(stored, firstId);
	}

	/** The label and link the ledger holds for the sources of these keys, a thousand sources per query. */
	private Map<Source, String[]> labels(Set<LedgerKey> keys, LocalDate from, LocalDate to) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		keys.forEach(key -> idsByType.computeIfAbsent(key.sourceType(), type -> new LinkedHashSet<>()).add(key.sourceId()));
		Map<Source, String[]> labels = new HashMap<>();
		idsByType.forEach((type, ids) -> {
			List<String> all = List.copyOf(ids);
			for (int i = 0; i < all.size(); i += 1000) {
				List<String> chunk = all.subList(i, Math.min(i + 1000, all.size()));
				store.labels(type, chunk, from, to, rs -> {
					labels.put(new Source(type, rs.getString(1)), new String[] { rs.getString(2), rs.getString(3) });
				});
			}
		});
		return labels;
	}

	/** The facts of the period (every source's and the closed months' quotas) and the items reported late. */
	private Facts facts(LocalDate from, LocalDate to, ScoringRules.RuleBook book) {
		List<ScoringFact> facts = new ArrayList<>();
		Set<Long> late = new HashSet<>();
		for (ScoringSource source : sources) {
			facts.addAll(source.facts(from, to));
			late.addAll(source.lateItems());
		}
		for (YearMonth month : quotas.closedMonths(from.withDayOfMonth(1), to)) {
			if (!month.atEndOfMonth().isAfter(to) && !month.atEndOfMonth().isBefore(from)) {
				facts.addAll(quotas.facts(month, book.inForce(Quotas.RULE, month.atEndOfMonth()).orElse(null)));
			}
		}
		return new Facts(facts, late);
	}

	private Map<LedgerKey, PlannedEntry> expected(Facts read, LocalDate from, LocalDate to, Map<Source, Long> firstId,
			ScoringRules.RuleBook book) {
		Set<Long> late = read.late();
		// the order the ledger saw the facts in (caps depend on it), then the day
		// (the first id looked up once per fact, not once per comparison)
		record Ordered(long firstId, ScoringFact fact) {
		}
		List<Ordered> ordered = new ArrayList<>(read.facts().size());
		for (ScoringFact fact : read.facts()) {
			ordered.add(new Ordered(firstId.getOrDefault(new Source(fact.sourceType(), fact.sourceId()), Long.MAX_VALUE), fact));
		}
		ordered.sort(Comparator.comparingLong(Ordered::firstId)
			.thenComparing(o -> o.fact().day())
			.thenComparing(o -> o.fact().sourceType())
			.thenComparing(o -> o.fact().sourceId()));
		List<ScoringFact> facts = ordered.stream().map(Ordered::fact).toList();
		Map<LedgerKey, PlannedEntry> expected = new LinkedHashMap<>();
		RuleEngine.CapUsage usage = new MemoryUsage(from);
		for (ScoringFact fact : facts) {
			ScoringRule multiplier = fact.multiplierKey() == null ? null
					: book.inForce(fact.multiplierKey(), fact.day()).orElse(null);
			List<PlannedEntry> planned = RuleEngine.plan(fact, book.inForce(fact.ruleKey(), fact.day()).orElse(null),
					multiplier, usage);
			planned.forEach(entry -> expected.merge(entry.key(), entry, Recomputations::add));
			if (ScoreKind.ofKey(fact.ruleKey()).itemCredit() && fact.itemId() != null && late.contains(fact.itemId())
					&& !planned.isEmpty()) {
				RuleEngine.halve(planned, book.inForce(Ledger.LATE_RULE, fact.day()).orElse(null), usage)
					.forEach(entry -> expected.merge(entry.key(), entry, Recomputations::add));
			}
		}
		for (Adjustment adjustment : adjustments.approvedIn(from, to)) {
			adjustments.entries(adjustment).forEach(entry -> expected.merge(entry.key(), entry, Recomputations::add));
		}
		return expected;
	}

	private static PlannedEntry add(PlannedEntry a, PlannedEntry b) {
		return a.withPoints(a.points().add(b.points()), a.note());
	}

	/** Cap usage counted in memory, plus what the ledger holds before the period within the cap window. */
	private final class MemoryUsage implements RuleEngine.CapUsage {

		private final LocalDate from;

		private final Map<String, List<Object[]>> entries = new HashMap<>();

		MemoryUsage(LocalDate from) {
			this.from = from;
		}

		@Override
		public BigDecimal used(String ruleKey, String recipientKey, LocalDate windowFrom, LocalDate windowTo) {
			BigDecimal sum = BigDecimal.ZERO;
			if (windowFrom.isBefore(from)) {
				sum = store.capSum(ruleKey, recipientKey, windowFrom, from.minusDays(1));
			}
			for (Object[] entry : entries.getOrDefault(ruleKey + "|" + recipientKey, List.of())) {
				LocalDate day = (LocalDate) entry[0];
				if (!day.isBefore(windowFrom) && !day.isAfter(windowTo)) {
					sum = sum.add((BigDecimal) entry[1]);
				}
			}
			return sum;
		}

		@Override
		public void add(String ruleKey, String recipientKey, LocalDate day, BigDecimal points) {
			entries.computeIfAbsent(ruleKey + "|" + recipientKey, k -> new ArrayList<>()).add(new Object[] { day, points });
		}

	}

}
