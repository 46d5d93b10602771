package io.infodesk.reporting;

import java.time.LocalDate;


/**
 * The office recorded a missed or concealed report (漏报 / 瞒报) of a unit: an event the unit should have reported
 * and did not (issue 4: a deduction per report). {@code on} is the day of the unreported event.
 */
public record ReportConcealed(long recordId, long unitId, ConcealedKind kind, LocalDate on,
		String subject) {

}
