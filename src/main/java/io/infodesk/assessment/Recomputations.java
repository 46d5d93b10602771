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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

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

	private record Stored(PlannedEntry entry, BigDecimal sum, int revision, long firstId) {

	}

	private final JdbcTemplate jdbc;

	private final ScoringRules rules;

	private final List<ScoringSource> sources;

	private final Quotas quotas;

	private final Adjustments adjustments;

	private final Ledger ledger;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Recomputations(JdbcTemplate jdbc, ScoringRules rules, List<ScoringSource> sources, Quotas quotas,
			Adjustments adjustments, Ledger ledger, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
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
		Map<LedgerKey, Stored> stored = stored(from, to);
		Map<LedgerKey, PlannedEntry> expected = expected(from, to, stored);
		Set<LedgerKey> keys = new LinkedHashSet<>(expected.keySet());
		keys.addAll(stored.keySet());
		List<Difference> differences = new ArrayList<>();
		BigDecimal ledgerTotal = BigDecimal.ZERO;
		BigDecimal expectedTotal = BigDecimal.ZERO;
		for (LedgerKey key : keys) {
			Stored have = stored.get(key);
			PlannedEntry want = expected.get(key);
			BigDecimal haveSum = have == null ? BigDecimal.ZERO : have.sum();
			BigDecimal wantSum = want == null ? BigDecimal.ZERO : want.points();
			ledgerTotal = ledgerTotal.add(haveSum);
			expectedTotal = expectedTotal.add(wantSum);
			if (haveSum.compareTo(wantSum) != 0) {
				PlannedEntry basis = want != null ? want : have.entry();
				differences.add(new Difference(basis, haveSum, wantSum, have == null ? 0 : have.revision() + 1));
			}
		}
		differences.sort(Comparator.comparing((Difference d) -> d.entry().day())
			.thenComparing(d -> d.entry().key().sourceType())
			.thenComparing(d -> d.entry().key().sourceId()));
		int facts = (int) expected.values().stream().map(e -> e.key().sourceType() + ":" + e.key().sourceId()).distinct().count();
		return new Preview(from, to, facts, ledgerTotal, expectedTotal, differences);
	}

	/** Recomputes and writes the compensating entries; returns the preview it applied. */
	public Preview apply(LocalDate from, LocalDate to) {
		Preview preview = preview(from, to);
		BigDecimal delta = preview.differences().stream().map(Difference::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
		jdbc.update("""
				insert into asm_recompute (period_from, period_to, differences, delta, applied_by, applied_at)
				values (?, ?, ?, ?, ?, ?)""", from, to, preview.differences().size(), delta, CurrentUser.actorName(),
				Ledger.utc(Instant.now(clock)));
		Long runId = jdbc.queryForObject("select max(id) from asm_recompute", Long.class);
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

	/** The ledger of the period, summed per key, with the first entry id (the order the listeners saw). */
	private Map<LedgerKey, Stored> stored(LocalDate from, LocalDate to) {
		Map<LedgerKey, Stored> stored = new HashMap<>();
		jdbc.query("""
				select source_type, source_id, rule_key, recipient_key, min(unit_id) as unit_id, min(person_id) as person_id,
				  min(category) as category, sum(points) as points, max(revision) as revision, min(id) as first_id,
				  min(period_date) as period_date, min(item_id) as item_id, max(source_label) as source_label,
				  max(source_link) as source_link
				from asm_entry where period_date between ? and ?
				group by source_type, source_id, rule_key, recipient_key""", rs -> {
			LedgerKey key = new LedgerKey(rs.getString("source_type"), rs.getString("source_id"), rs.getString("rule_key"),
					rs.getString("recipient_key"));
			PlannedEntry entry = new PlannedEntry(key, rs.getLong("unit_id"), rs.getObject("person_id", Long.class),
					rs.getBigDecimal("points"), ScoreKind.valueOf(rs.getString("category")), null, null,
					rs.getObject("period_date", LocalDate.class), rs.getObject("item_id", Long.class),
					rs.getString("source_label"), rs.getString("source_link"), null);
			stored.put(key, new Stored(entry, rs.getBigDecimal("points"), rs.getInt("revision"), rs.getLong("first_id")));
		}, from, to);
		return stored;
	}

	private Map<LedgerKey, PlannedEntry> expected(LocalDate from, LocalDate to, Map<LedgerKey, Stored> stored) {
		ScoringRules.RuleBook book = rules.book();
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
		// the order the ledger saw the facts in (caps depend on it), then the day
		Map<String, Long> firstId = new HashMap<>();
		stored.forEach((key, value) -> firstId.merge(key.sourceType() + ":" + key.sourceId(), value.firstId(), Math::min));
		// (the first id looked up once per fact, not once per comparison)
		record Ordered(long firstId, ScoringFact fact) {
		}
		List<Ordered> ordered = new ArrayList<>(facts.size());
		for (ScoringFact fact : facts) {
			ordered.add(new Ordered(firstId.getOrDefault(fact.sourceType() + ":" + fact.sourceId(), Long.MAX_VALUE), fact));
		}
		ordered.sort(Comparator.comparingLong(Ordered::firstId)
			.thenComparing(o -> o.fact().day())
			.thenComparing(o -> o.fact().sourceType())
			.thenComparing(o -> o.fact().sourceId()));
		facts = ordered.stream().map(Ordered::fact).toList();
		Map<LedgerKey, PlannedEntry> expected = new LinkedHashMap<>();
		RuleEngine.CapUsage usage = new MemoryUsage(from);
		for (ScoringFact fact : facts) {
			List<PlannedEntry> planned = RuleEngine.plan(fact, book.inForce(fact.ruleKey(), fact.day()).orElse(null), usage);
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
				sum = jdbc.queryForObject("""
						select coalesce(sum(points), 0) from asm_entry where rule_key = ? and recipient_key = ?
						and period_date between ? and ?""", BigDecimal.class, ruleKey, recipientKey, windowFrom,
						from.minusDays(1));
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
