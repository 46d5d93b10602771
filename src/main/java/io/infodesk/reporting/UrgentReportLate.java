package io.infodesk.reporting;

import java.time.Duration;
import java.time.Instant;

import io.infodesk.reporting.urgent.UrgentCategory;

/** A time-critical item was first submitted after 23:59:59 of its event's day (S3.1-c), by {@code delay}. */
public record UrgentReportLate(ItemId item, long unitId, UrgentCategory category, Instant eventAt, Instant dueAt,
		Instant submittedAt, Duration delay) {

}
