package io.infodesk.reporting;

import java.time.Instant;

import io.infodesk.reporting.urgent.UrgentCategory;

/**
 * A time-critical item's day ended (23:59:59 Asia/Shanghai of its event's day) without any submission upward
 * (S3.1-c): published once per item by the missed-deadline job. If the item is submitted later,
 * {@link UrgentReportLate} follows for the same item with its delay: a listener that scores both keeps the later
 * fact (late) instead of adding the two.
 */
public record UrgentReportMissed(ItemId item, long unitId, UrgentCategory category, Instant eventAt, Instant dueAt,
		Instant detectedAt) {

}
