package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;

/**
 * Recomputation from the source records (issue 4 point 3): with the ledger written by the listeners, recomputing
 * the period gives exactly the ledger's totals and no difference; after a rule changed for a past day the preview
 * shows the differences, nothing is written until applied, and applying appends compensating entries after which
 * recompute == ledger again. Month close and adjustments take part.
 */
class RecomputationTests extends AssessmentIntegrationTest {

	@Autowired
	Recomputations recomputations;

	@Autowired
	Quotas quotas;

	@Autowired
	Adjustments adjustments;

	@Autowired
	Rankings rankings;

	@Test
	void recomputingTheYearGivesExactlyTheLedgersTotals() {
		// the tests share one database and move the clock: another test may have closed a month and later added a
		// submission to it (a recorded difference, as designed); start from a ledger that agrees with the records
		LocalDate start = LocalDate.now(clock);
		logIn("office");
		recomputations.apply(start.withDayOfYear(1), start);
		assertThat(recomputations.preview(start.withDayOfYear(1), start).differences()).isEmpty();
		InformationItem a = submittedUpward(unique("重算一"));
		adopt(a, AdministrativeLevel.CITY);
		instruct(a, AdministrativeLevel.PROVINCE);
		InformationItem b = submittedUpward(unique("重算二"));
		adopt(b, AdministrativeLevel.DISTRICT);
		settle();
		LocalDate today = LocalDate.now(clock);
		Recomputations.Preview preview = recomputations.preview(today.withDayOfYear(1), today);

		assertThat(preview.differences()).isEmpty();
		BigDecimal ledgerTotal = ledger.total(Ledger.EntryQuery.units(today.withDayOfYear(1), today))
			.add(ledger.total(Ledger.EntryQuery.persons(today.withDayOfYear(1), today)));
		assertThat(preview.expectedTotal()).isEqualByComparingTo(ledgerTotal);
		assertThat(preview.ledgerTotal()).isEqualByComparingTo(ledgerTotal);
		assertThat(preview.facts()).isGreaterThanOrEqualTo(3);
		// the ranking's unit totals are the ledger's unit sums
		BigDecimal ranked = rankings.units(Period.year(today.getYear())).stream().map(Rankings.Standing::total)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(ranked).isEqualByComparingTo(ledger.total(Ledger.EntryQuery.units(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()))));
	}

	@Test
	void aRuleChangedForThePastShowsItsDifferencesAndApplyingAppendsCorrections() {
		LocalDate today = LocalDate.now(clock);
		InformationItem item = submittedUpward(unique("改规则"));
		adopt(item, AdministrativeLevel.NATIONAL);
		settle();
		long entriesBefore = ledger.count();
		logIn("office");
		ScoringRule old = rules.inForce("ADOPTION:NATIONAL", today).orElseThrow();
		ScoringRule raised = rules.newVersion("ADOPTION:NATIONAL",
				new RuleValues(new BigDecimal("30"), BigDecimal.ONE, Recipient.BOTH, null, null, null, today, null,
						ScoringRule.RuleStatus.ACTIVE, "国家级采用提高到30分"), "周敏");
		try {
			Recomputations.Preview preview = recomputations.preview(today, today);
			assertThat(preview.differences()).hasSizeGreaterThanOrEqualTo(2)
				.filteredOn(d -> d.entry().itemId() != null && d.entry().itemId().equals(item.getId()))
				.extracting(Recomputations.Difference::delta)
				.containsOnly(new BigDecimal("10.00"));
			assertThat(ledger.count()).isEqualTo(entriesBefore);

			recomputations.apply(today, today);
			assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("30.00"));
			assertThat(ledgerOfItem(item.getId())).filteredOn(e -> e.origin().equals("RECOMPUTE"))
				.allSatisfy(e -> assertThat(e.revision()).isEqualTo(1));
			assertThat(recomputations.preview(today, today).differences()).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_RECOMPUTED'",
					Integer.class)).isPositive();
		}
		finally {
			rules.newVersion("ADOPTION:NATIONAL", old.values().from(today.plusDays(1)), "周敏");
			assertThat(raised.getVersion()).isGreaterThan(old.getVersion());
		}
	}

	@Test
	void closingAMonthChargesTheQuotaShortfallOnceAndRecomputeAgrees() {
		YearMonth month = YearMonth.of(2025, 3);
		logIn("office");
		int first = quotas.close(month).size();
		int second = quotas.close(month).size();
		assertThat(first).isPositive();
		assertThat(second).isZero();
		// 物业管理科 submitted nothing in March 2025: 2 missing items × −2
		assertThat(ledger.total(Ledger.EntryQuery.units(month.atDay(1), month.atEndOfMonth()).unit(unitId("物业管理科"))))
			.isEqualByComparingTo("-4");
		assertThat(recomputations.preview(month.atDay(1), month.atEndOfMonth()).differences()).isEmpty();
	}

	@Test
	void onlyAnApprovedAdjustmentScoresAndTheProposerCannotApproveIt() {
		LocalDate day = LocalDate.of(2025, 6, 10);
		var office = logIn("office");
		Adjustment plus = adjustments.request(new AdjustmentForm(unitId("物业管理科"), null, new BigDecimal("3"),
				"市级信息工作会议交流发言", day), office);
		Adjustment minus = adjustments.request(new AdjustmentForm(unitId("物业管理科"), null, new BigDecimal("-2"),
				"重复报送", day), office);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> adjustments.approve(plus.getId(), null, user("office")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		adjustments.approve(plus.getId(), "同意", logIn("leader"));
		adjustments.reject(minus.getId(), "理由不充分", logIn("charge"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> adjustments.approve(minus.getId(), null, user("leader")))
			.isInstanceOf(AssessmentException.class)
			.hasMessage("assessment.adjustment.decided");

		assertThat(ledger.total(Ledger.EntryQuery.units(day, day).unit(unitId("物业管理科")))).isEqualByComparingTo("3");
		assertThat(recomputations.preview(day, day).differences()).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_ADJUSTMENT_REJECTED'",
				Integer.class)).isPositive();
	}

}
