package io.infodesk.shared.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The date and time patterns of the whole application, in one place (issue 10 point 4): what bureau staff read on
 * pages, in exports, notices and the audit trail. Every formatter carries the Asia/Shanghai zone
 * ({@link TimeConfiguration#ZONE}), so it formats an {@link Instant} as local time and a {@code LocalDate} /
 * {@code LocalDateTime} as it is. The official-document date (2026年1月5日, GB/T 9704) is
 * {@link #chineseDate(LocalDate)}.
 */
public final class DateFormats {

	/** 2026-11-27 */
	public static final DateTimeFormatter DATE = zoned("yyyy-MM-dd");

	/** 2026-11-27 14:05 */
	public static final DateTimeFormatter MINUTES = zoned("yyyy-MM-dd HH:mm");

	/** 2026-11-27 14:05:09 */
	public static final DateTimeFormatter SECONDS = zoned("yyyy-MM-dd HH:mm:ss");

	/** The value of an {@code <input type="datetime-local">}: 2026-11-27T14:05 */
	public static final DateTimeFormatter INPUT = zoned("yyyy-MM-dd'T'HH:mm");

	/** 14:05 */
	public static final DateTimeFormatter TIME = zoned("HH:mm");

	/** A deadline within the year: 11月27日 14:05:09 */
	public static final DateTimeFormatter MONTH_DAY_SECONDS = zoned("M月d日 HH:mm:ss");

	private DateFormats() {
	}

	private static DateTimeFormatter zoned(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withZone(TimeConfiguration.ZONE);
	}

	/** {@code formatter} applied to {@code value}, or "" for null. */
	public static String format(DateTimeFormatter formatter, TemporalAccessor value) {
		return value == null ? "" : formatter.format(value);
	}

	/** The date of an official document: the year in full, month and day without a leading zero — 2026年1月5日. */
	public static String chineseDate(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
