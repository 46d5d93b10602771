package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arithmetic of the rules without a database (issue 4 "rule engine" tests): multipliers, splits of joint items
 * to the cent, caps per period, the halving of late items, and — randomised — that the parts always add up and
 * that re-planning an event does not change the ledger's sums.
 */
class RuleEngineTests {

	static final LocalDate DAY = LocalDate.of(2026, 10, 15);

	static ScoringRule rule(String key, RuleValues values) {
		ScoreKind kind = ScoreKind.ofKey(key);
		return new ScoringRule(kind, key.substring(key.indexOf(':') + 1), 1, values, false, "t", Instant.EPOCH);
	}

	static ScoringFact adoption(String id, List<ScoringFact.Share> authors) {
		return new ScoringFact(SourceTypes.ADOPTION, id, "ADOPTION:CITY", DAY, List.of(7L), 99L, authors, "t", "/l", 1);
	}

	/** Cap usage in memory, as a recomputation keeps it. */
	static final class Usage implements RuleEngine.CapUsage {

		final Map<String, List<Object[]>> entries = new HashMap<>();

		@Override
		public BigDecimal used(String ruleKey, String recipientKey, LocalDate from, LocalDate to) {
			return entries.getOrDefault(ruleKey + recipientKey, List.of())
				.stream()
				.filter(e -> !((LocalDate) e[0]).isBefore(from) && !((LocalDate) e[0]).isAfter(to))
				.map(e -> (BigDecimal) e[1])
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		@Override
		public void add(String ruleKey, String recipientKey, LocalDate day, BigDecimal points) {
			entries.computeIfAbsent(ruleKey + recipientKey, k -> new ArrayList<>()).add(new Object[] { day, points });
		}

	}

	@Test
	void theMultiplierScalesThePointsOfUnitAndAuthors() {
		ScoringRule rule = rule("ADOPTION:CITY", RuleValues.of(5, Recipient.BOTH, DAY.minusYears(1)).withMultiplier(2));
		List<PlannedEntry> planned = RuleEngine.plan(adoption("1", List.of(new ScoringFact.Share(3, 7, 100))), rule,
				RuleEngine.NO_USAGE);
		assertThat(planned).extracting(PlannedEntry::points).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
		assertThat(planned).extracting(e -> e.key().recipientKey()).containsExactly("U:7", "P:3");
	}

	@Test
	void equalSharesOfThreeAuthorsAddUpToTheCent() {
		assertThat(RuleEngine.split(new BigDecimal("5.00"), List.of(100.0 / 3, 100.0 / 3, 100.0 / 3)))
			.containsExactly(new BigDecimal("1.67"), new BigDecimal("1.67"), new BigDecimal("1.66"));
		assertThat(RuleEngine.split(new BigDecimal("-10.00"), List.of(70.0, 30.0)))
			.containsExactly(new BigDecimal("-7.00"), new BigDecimal("-3.00"));
	}

	@Test
	void aRuleForTheUnitOnlyGivesTheAuthorsNothing() {
		ScoringRule rule = rule("ADOPTION:CITY", RuleValues.of(5, Recipient.UNIT, DAY));
		assertThat(RuleEngine.plan(adoption("1", List.of(new ScoringFact.Share(3, 7, 100))), rule, RuleEngine.NO_USAGE))
			.singleElement()
			.satisfies(e -> assertThat(e.personId()).isNull());
	}

	@Test
	void aSwitchedOffRuleScoresNothing() {
		ScoringRule rule = rule("ADOPTION:CITY",
				RuleValues.of(5, Recipient.BOTH, DAY).withStatus(ScoringRule.RuleStatus.INACTIVE));
		assertThat(RuleEngine.plan(adoption("1", List.of()), rule, RuleEngine.NO_USAGE)).isEmpty();
	}

	@Test
	void aMonthlyCapStopsTheThirdAdoptionAndStartsAgainNextMonth() {
		ScoringRule rule = rule("ADOPTION:CITY", RuleValues.of(5, Recipient.UNIT, DAY.minusYears(1)).withCap(12, CapPeriod.MONTH));
		Usage usage = new Usage();
		List<BigDecimal> points = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			points.add(RuleEngine.plan(adoption("a" + i, List.of()), rule, usage).get(0).points());
		}
		ScoringFact nextMonth = new ScoringFact(SourceTypes.ADOPTION, "b", "ADOPTION:CITY", DAY.plusMonths(1),
				List.of(7L), 99L, List.of(), "t", "/l", 1);
		points.add(RuleEngine.plan(nextMonth, rule, usage).get(0).points());
		assertThat(points).containsExactly(new BigDecimal("5.00"), new BigDecimal("5.00"), new BigDecimal("2.00"),
				new BigDecimal("5.00"));
	}

	@Test
	void aCapOnDeductionsLimitsTheirSize() {
		ScoringRule rule = rule("SOLICITATION:LATE", RuleValues.of(-5, Recipient.UNIT, DAY.minusYears(1)).withCap(8, CapPeriod.QUARTER));
		Usage usage = new Usage();
		ScoringFact late = new ScoringFact(SourceTypes.SOLICITATION, "1", "SOLICITATION:LATE", DAY, List.of(7L), null,
				List.of(), "t", "/l", 1);
		assertThat(RuleEngine.plan(late, rule, usage).get(0).points()).isEqualByComparingTo("-5");
		assertThat(RuleEngine.plan(late, rule, usage).get(0).points()).isEqualByComparingTo("-3");
		assertThat(RuleEngine.plan(late, rule, usage).get(0).points()).isEqualByComparingTo("0");
	}

	@Test
	void aLateItemLosesHalfOfEachRecipientsPoints() {
		ScoringRule adoption = rule("ADOPTION:CITY", RuleValues.of(5, Recipient.BOTH, DAY.minusYears(1)));
		ScoringRule late = rule("URGENT:LATE", RuleValues.of(0, Recipient.BOTH, DAY.minusYears(1)).withMultiplier(0.5));
		List<PlannedEntry> credit = RuleEngine.plan(adoption("1", List.of(new ScoringFact.Share(3, 7, 50),
				new ScoringFact.Share(4, 7, 50))), adoption, RuleEngine.NO_USAGE);
		List<PlannedEntry> halved = RuleEngine.halve(credit, late, RuleEngine.NO_USAGE);
		assertThat(halved).extracting(PlannedEntry::points)
			.containsExactly(new BigDecimal("-2.50"), new BigDecimal("-1.25"), new BigDecimal("-1.25"));
		assertThat(halved).allSatisfy(e -> {
			assertThat(e.category()).isEqualTo(ScoreKind.URGENT);
			assertThat(e.key().sourceId()).isEqualTo("ADOPTION:1");
		});
	}

	@Test
	void aQuotaShortfallCountsEachMissingItem() {
		ScoringRule rule = rule("QUOTA:SHORTFALL", RuleValues.of(-2, Recipient.UNIT, DAY.minusYears(1)).withQuota(2));
		ScoringFact shortBy2 = new ScoringFact(SourceTypes.QUOTA, "2026-10", "QUOTA:SHORTFALL", DAY, List.of(7L), null,
				List.of(), "t", "/l", 2);
		assertThat(RuleEngine.plan(shortBy2, rule, RuleEngine.NO_USAGE).get(0).points()).isEqualByComparingTo("-4");
	}

	/**
	 * Randomised (fixed seeds): for any rules, caps and joint items, the entries summed per category equal the sum
	 * of all entries, the authors' parts add up to the planned amount when uncapped, and scoring the same facts again
	 * into a ledger keyed by source × rule × recipient changes nothing.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 })
	void categorySumsEqualTotalsAndRedeliveryChangesNothing(long seed) {
		Random random = new Random(seed);
		List<ScoringRule> rules = new ArrayList<>();
		String[] keys = { "ADOPTION:CITY", "INSTRUCTION:DISTRICT", "SOLICITATION:ON_TIME", "SOLICITATION:LATE" };
		for (String key : keys) {
			RuleValues values = RuleValues.of(random.nextInt(41) - 20, Recipient.values()[random.nextInt(3)], DAY.minusYears(2))
				.withMultiplier(0.5 + random.nextInt(4) * 0.5);
			if (random.nextBoolean()) {
				values = values.withCap(random.nextInt(30), CapPeriod.values()[random.nextInt(3)]);
			}
			rules.add(rule(key, values));
		}
		List<ScoringFact> facts = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			int authors = 1 + random.nextInt(4);
			List<ScoringFact.Share> shares = new ArrayList<>();
			for (int a = 0; a < authors; a++) {
				shares.add(new ScoringFact.Share(100 + random.nextInt(20), 1 + random.nextInt(5), 100.0 / authors));
			}
			String key = keys[random.nextInt(keys.length)];
			facts.add(new ScoringFact(SourceTypes.ADOPTION, Integer.toString(i), key, DAY.plusDays(random.nextInt(200)),
					List.of(1L + random.nextInt(5)), (long) i, shares, "t", "/l", 1));
		}
		Map<LedgerKey, BigDecimal> ledger = new HashMap<>();
		Map<LedgerKey, BigDecimal> afterFirstDelivery = null;
		Usage usage = new Usage();
		for (int round = 0; round < 2; round++) {
			for (ScoringFact fact : facts) {
				ScoringRule rule = rules.stream().filter(r -> r.getRuleKey().equals(fact.ruleKey())).findFirst().orElseThrow();
				List<PlannedEntry> planned = RuleEngine.plan(fact, rule, usage);
				if (rule.getCap() == null && rule.getRecipient().authors()) {
					BigDecimal authorSum = planned.stream().filter(e -> e.personId() != null).map(PlannedEntry::points)
						.reduce(BigDecimal.ZERO, BigDecimal::add);
					assertThat(authorSum).isEqualByComparingTo(rule.effectivePoints());
				}
				for (PlannedEntry entry : planned) {
					ledger.putIfAbsent(entry.key(), entry.points()); // the unique key: a second delivery adds nothing
				}
			}
			Map<ScoreKind, BigDecimal> byCategory = new HashMap<>();
			ledger.forEach((key, points) -> byCategory.merge(ScoreKind.ofKey(key.ruleKey()), points, BigDecimal::add));
			BigDecimal total = ledger.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
			if (round == 0) {
				afterFirstDelivery = new HashMap<>(ledger);
				assertThat(ledger).isNotEmpty();
			}
		}
		assertThat(ledger).isEqualTo(afterFirstDelivery);
	}

}
