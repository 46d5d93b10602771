package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.ConcealedKind;
import io.infodesk.reporting.concealed.ConcealedReport;
import io.infodesk.reporting.concealed.ConcealedReportForm;
import io.infodesk.reporting.concealed.ConcealedReports;
import io.infodesk.reporting.ReportingException;

/**
 * Missed and concealed reports recorded by the office (漏报 / 瞒报) cost the unit 10 points each (issue 4 point 2),
 * and a recomputation from the records agrees; a record withdrawn by the office (撤销, with a reason) gets its
 * deduction cancelled, once.
 */
class MissedAndConcealedTests extends AssessmentIntegrationTest {

	@Autowired
	ConcealedReports concealed;

	@Autowired
	Recomputations recomputations;

	@Test
	void aConcealedReportDeductsTenFromTheUnit() {
		LocalDate day = LocalDate.of(2025, 8, 12);
		ConcealedReport report = concealed.record(new ConcealedReportForm(unitId("物业管理科"), ConcealedKind.CONCEALED,
				day, unique("小区电梯困人事件"), "未按规定报送"), logIn("office"));
		settle();
		assertThat(ledger.entries(Ledger.EntryQuery.units(day, day).unit(unitId("物业管理科"))))
			.filteredOn(e -> e.sourceId().equals(report.getId().toString()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.ruleKey()).isEqualTo("URGENT:CONCEALED");
				assertThat(e.points()).isEqualByComparingTo("-10");
				assertThat(e.sourceType()).isEqualTo(SourceTypes.CONCEALED);
			});
		assertThat(recomputations.preview(day, day).differences()).isEmpty();
	}

	@Test
	void aWithdrawnRecordGetsItsDeductionCancelledOnceAndTheRecomputationAgrees() throws Exception {
		LocalDate day = LocalDate.of(2025, 9, 3);
		long unitId = unitId("房产交易管理中心");
		ConcealedReport report = concealed.record(new ConcealedReportForm(unitId, ConcealedKind.OMITTED, day,
				unique("误登记的漏报"), "登记时核对不实"), logIn("office"));
		settle();
		assertThat(net(report, day, unitId)).isEqualByComparingTo("-10");
		int auditsBefore = auditCount("REPORT_CONCEALED_WITHDRAWN", report.getId());

		// a withdrawal without a reason is refused in Chinese and changes nothing (the web form says the same)
		assertThatThrownBy(() -> concealed.withdraw(report.getId(), "  ", logIn("office")))
			.isInstanceOf(ReportingException.class)
			.extracting(ex -> ((ReportingException) ex).messageKey())
			.isEqualTo("reporting.concealed.withdrawReason.required");
		mvc.perform(post("/reporting/concealed/" + report.getId() + "/withdraw").param("reason", "")
			.with(csrf())
			.with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写撤销理由")));
		assertThat(concealed.get(report.getId()).isWithdrawn()).isFalse();

		// the office withdraws it through the page: marked in the register, the deduction cancelled
		mvc.perform(get("/reporting/concealed/" + report.getId() + "/withdraw").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(report.getSubject())));
		mvc.perform(post("/reporting/concealed/" + report.getId() + "/withdraw").param("reason", "经核实该单位已按时报送")
			.with(csrf())
			.with(as(user("office"))))
			.andExpect(redirectedUrl("/reporting/concealed"));
		settle();
		ConcealedReport withdrawn = concealed.get(report.getId());
		assertThat(withdrawn.isWithdrawn()).isTrue();
		assertThat(withdrawn.getWithdrawReason()).isEqualTo("经核实该单位已按时报送");
		assertThat(auditCount("REPORT_CONCEALED_WITHDRAWN", report.getId())).isEqualTo(auditsBefore + 1);
		assertThat(net(report, day, unitId)).isEqualByComparingTo("0");
		assertThat(ledger.entries(Ledger.EntryQuery.units(day, day).unit(unitId)))
			.filteredOn(e -> e.sourceId().equals(report.getId().toString()))
			.extracting(LedgerEntry::revision)
			.containsExactlyInAnyOrder(0, 1);

		// withdrawing again is refused; the register shows it withdrawn; recomputing finds nothing to correct
		assertThatThrownBy(() -> concealed.withdraw(report.getId(), "再次撤销", logIn("office")))
			.extracting(ex -> ((ReportingException) ex).messageKey())
			.isEqualTo("reporting.concealed.alreadyWithdrawn");
		mvc.perform(get("/reporting/concealed").param("keyword", report.getSubject()).with(as(user("office"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("已撤销")));
		assertThat(recomputations.preview(day, day).differences()).isEmpty();
	}

	private BigDecimal net(ConcealedReport report, LocalDate day, long unitId) {
		return ledger.entries(Ledger.EntryQuery.units(day, day).unit(unitId))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.CONCEALED) && e.sourceId().equals(report.getId().toString()))
			.map(LedgerEntry::points)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
