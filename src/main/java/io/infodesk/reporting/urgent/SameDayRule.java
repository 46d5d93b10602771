package io.infodesk.reporting.urgent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import io.infodesk.shared.time.TimeConfiguration;

/**
 * The same-day clock (当日报送, S3.1-c): a time-critical item must be submitted upward by 23:59:59 Asia/Shanghai
 * of the day its event occurred — whatever zone the server runs in, at month and year ends, and also for an
 * event at 23:30 (thirty minutes then). A submission at or after the following midnight is late; its delay is
 * counted from 23:59:59, so a submission at 00:00:00 is one second late.
 */
public final class SameDayRule {

	private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

	private SameDayRule() {
	}

	/** 23:59:59 Asia/Shanghai of the event's day. */
	public static Instant dueAt(Instant eventAt) {
		return ZonedDateTime.ofInstant(eventAt, TimeConfiguration.ZONE).toLocalDate()
			.atTime(LAST_SECOND)
			.atZone(TimeConfiguration.ZONE)
			.toInstant();
	}

	/** The first instant that is late: midnight after the event's day. */
	static Instant lateFrom(Instant eventAt) {
		return dueAt(eventAt).plusSeconds(1);
	}

	public static boolean isLate(Instant eventAt, Instant submittedAt) {
		return !submittedAt.isBefore(lateFrom(eventAt));
	}

	/** How late a submission was (zero when on time). */
	public static Duration delay(Instant eventAt, Instant submittedAt) {
		return isLate(eventAt, submittedAt) ? Duration.between(dueAt(eventAt), submittedAt) : Duration.ZERO;
	}

	/** Time left until the day ends (zero once it has ended). */
	public static Duration timeLeft(Instant eventAt, Instant now) {
		Instant end = lateFrom(eventAt);
		return now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
	}

}
