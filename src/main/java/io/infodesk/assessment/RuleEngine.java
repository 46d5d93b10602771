package io.infodesk.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of the rules, without a database (so that the listeners and a recomputation compute alike): the
 * rule's points times its multiplier (times the count), to the unit(s) and/or split among the authors by their
 * shares (to the cent, the remainder to the largest fractions, so the parts add up exactly), each recipient capped
 * per period; and the halving of a late same-day item's points.
 */
public final class RuleEngine {

	static final String CAPPED = "capped";

	/** How much of a rule's cap a recipient has used in a period, and what a new entry adds to it. */
	public interface CapUsage {

		BigDecimal used(String ruleKey, String recipientKey, LocalDate from, LocalDate to);

		void add(String ruleKey, String recipientKey, LocalDate day, BigDecimal points);

	}

	/** No cap is counted (for rules without a cap). */
	public static final CapUsage NO_USAGE = new CapUsage() {

		@Override
		public BigDecimal used(String ruleKey, String recipientKey, LocalDate from, LocalDate to) {
			return BigDecimal.ZERO;
		}

		@Override
		public void add(String ruleKey, String recipientKey, LocalDate day, BigDecimal points) {
		}

	};

	private RuleEngine() {
	}

	/** The entries the rule gives for the fact (none when the rule is switched off). */
	public static List<PlannedEntry> plan(ScoringFact fact, ScoringRule rule, CapUsage usage) {
		return plan(fact, rule, null, usage);
	}

	/**
	 * The entries the rule gives for the fact, times the multiplier of {@code multiplier} when the fact names one and
	 * that rule is active (a front-page lead doubles the tier's points).
	 */
	public static List<PlannedEntry> plan(ScoringFact fact, ScoringRule rule, ScoringRule multiplier, CapUsage usage) {
		if (rule == null || !rule.active()) {
			return List.of();
		}
		BigDecimal amount = rule.effectivePoints().multiply(BigDecimal.valueOf(fact.count()));
		if (fact.multiplierKey() != null && multiplier != null && multiplier.active()) {
			amount = amount.multiply(multiplier.getMultiplier()).setScale(2, RoundingMode.HALF_UP);
		}
		ScoreKind category = ScoreKind.ofKey(fact.ruleKey());
		List<PlannedEntry> planned = new ArrayList<>();
		if (rule.getRecipient().unit()) {
			for (Long unitId : fact.unitIds()) {
				planned.add(new PlannedEntry(
						new LedgerKey(fact.sourceType(), fact.sourceId(), fact.ruleKey(), LedgerKey.unit(unitId)),
						unitId, null, amount, category, rule.getId(), rule.getVersion(), fact.day(), fact.itemId(),
						fact.label(), fact.link(), null));
			}
		}
		if (rule.getRecipient().authors() && !fact.authors().isEmpty()) {
			List<BigDecimal> parts = split(amount, fact.authors().stream().map(ScoringFact.Share::percent).toList());
			for (int i = 0; i < parts.size(); i++) {
				ScoringFact.Share author = fact.authors().get(i);
				planned.add(new PlannedEntry(
						new LedgerKey(fact.sourceType(), fact.sourceId(), fact.ruleKey(),
								LedgerKey.person(author.personId())),
						author.unitId(), author.personId(), parts.get(i), category, rule.getId(), rule.getVersion(),
						fact.day(), fact.itemId(), fact.label(), fact.link(), null));
			}
		}
		return cap(planned, rule, usage);
	}

	/**
	 * The deductions for a late same-day item: for each recipient's points of one scoring of the item (an adoption,
	 * an instruction), minus that times the rule's multiplier (0.5 halves). {@code credit} are the entries (net per
	 * recipient) of that scoring.
	 */
	public static List<PlannedEntry> halve(List<PlannedEntry> credit, ScoringRule rule, CapUsage usage) {
		if (rule == null || !rule.active()) {
			return List.of();
		}
		List<PlannedEntry> planned = new ArrayList<>();
		for (PlannedEntry entry : credit) {
			if (entry.points().signum() <= 0) {
				continue;
			}
			if (entry.personId() == null ? !rule.getRecipient().unit() : !rule.getRecipient().authors()) {
				continue;
			}
			BigDecimal deduction = entry.points().multiply(rule.getMultiplier()).setScale(2, RoundingMode.HALF_UP).negate();
			planned.add(new PlannedEntry(
					new LedgerKey(SourceTypes.URGENT_LATE, entry.key().sourceType() + ":" + entry.key().sourceId(),
							rule.getRuleKey(), entry.key().recipientKey()),
					entry.unitId(), entry.personId(), deduction, ScoreKind.URGENT, rule.getId(), rule.getVersion(),
					entry.day(), entry.itemId(), entry.label(), entry.link(), null));
		}
		return cap(planned, rule, usage);
	}

	private static List<PlannedEntry> cap(List<PlannedEntry> planned, ScoringRule rule, CapUsage usage) {
		if (rule.getCap() == null) {
			return planned;
		}
		List<PlannedEntry> capped = new ArrayList<>();
		for (PlannedEntry entry : planned) {
			LocalDate from = rule.getCapPeriod().start(entry.day());
			LocalDate to = rule.getCapPeriod().end(entry.day());
			BigDecimal used = usage.used(rule.getRuleKey(), entry.key().recipientKey(), from, to).abs();
			BigDecimal allowed = rule.getCap().subtract(used).max(BigDecimal.ZERO);
			BigDecimal magnitude = entry.points().abs();
			PlannedEntry result = entry;
			if (magnitude.compareTo(allowed) > 0) {
				BigDecimal points = entry.points().signum() < 0 ? allowed.negate() : allowed;
				result = entry.withPoints(points.setScale(2, RoundingMode.HALF_UP), CAPPED);
			}
			usage.add(rule.getRuleKey(), entry.key().recipientKey(), entry.day(), result.points());
			capped.add(result);
		}
		return capped;
	}

	/**
	 * Splits an amount by percentages to the cent: each part is rounded down, and the cents left over go to the
	 * parts with the largest remainders (the earlier part on a tie), so the parts always add up to the amount.
	 */
	public static List<BigDecimal> split(BigDecimal amount, List<Double> percents) {
		double sum = percents.stream().mapToDouble(Double::doubleValue).sum();
		long cents = amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
		long sign = cents < 0 ? -1 : 1;
		long total = Math.abs(cents);
		long[] parts = new long[percents.size()];
		double[] remainders = new double[percents.size()];
		long given = 0;
		for (int i = 0; i < parts.length; i++) {
			double exact = sum <= 0 ? (double) total / parts.length : total * percents.get(i) / sum;
			parts[i] = (long) Math.floor(exact + 1e-9);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
		for (int i = 0; given < total && i < order.size(); i++, given++) {
			parts[order.get(i)]++;
		}
		List<BigDecimal> result = new ArrayList<>();
		for (long part : parts) {
			result.add(BigDecimal.valueOf(sign * part, 2));
		}
		return result;
	}

}
