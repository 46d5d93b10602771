package io.infodesk.reporting;


/**
 * The office withdrew a record of missed or concealed reports (撤销, a record made in error): assessment cancels the
 * deduction {@link ReportConcealed} gave.
 */
public record ReportConcealedWithdrawn(long recordId, long unitId, ConcealedKind kind, String subject) {

}
