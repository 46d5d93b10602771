package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.ConcealedReport;
import io.infodesk.reporting.ConcealedReportForm;
import io.infodesk.reporting.ConcealedReports;

/**
 * Missed and concealed reports recorded by the office (漏报 / 瞒报) cost the unit 10 points each (issue 4 point 2),
 * and a recomputation from the records agrees.
 */
class MissedAndConcealedTests extends AssessmentIntegrationTest {

	@Autowired
	ConcealedReports concealed;

	@Autowired
	Recomputations recomputations;

	@Test
	void aConcealedReportDeductsTenFromTheUnit() {
		LocalDate day = LocalDate.of(2025, 8, 12);
		ConcealedReport report = concealed.record(new ConcealedReportForm(unitId("物业管理科"), ConcealedReport.Kind.CONCEALED,
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

}
