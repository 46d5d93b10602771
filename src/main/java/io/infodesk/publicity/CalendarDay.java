package io.infodesk.publicity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

import io.infodesk.publicity.internal.ChineseDates;

/**
 * A holiday, commemoration or themed day of the built-in, editable list (S3.2-c) with the rule that computes its day
 * in any year: {@code FIXED} (month, day), {@code LUNAR} (lunar month, day: ICU4J's Chinese calendar, corrected by
 * the true new moon), {@code SOLAR_TERM} (the day the sun reaches {@code day}° ecliptic longitude, in month
 * {@code month}), {@code NTH_WEEKDAY} (the {@code day}-th {@code weekday} of the month; 世界住房日 = first Monday of
 * October) and {@code MONTH} (a themed month, e.g. 安全生产月).
 */
public record CalendarDay(long id, String name, Rule rule, int month, int day, Integer weekday, String theme,
		int leadDays, boolean active, boolean builtin) {

	/** How the day is computed. */
	public enum Rule {

		FIXED, LUNAR, SOLAR_TERM, NTH_WEEKDAY, MONTH

	}

	/** The first day in the Gregorian year. */
	public LocalDate startIn(int year) {
		return switch (rule) {
			case FIXED -> MonthDay.of(month, day).atYear(year);
			case LUNAR -> ChineseDates.lunar(year, month, day);
			case SOLAR_TERM -> ChineseDates.solarTerm(year, day, month);
			case NTH_WEEKDAY -> YearMonth.of(year, month).atDay(1)
				.with(TemporalAdjusters.dayOfWeekInMonth(day, DayOfWeek.of(weekday)));
			case MONTH -> YearMonth.of(year, month).atDay(1);
		};
	}

	/** The last day (inclusive) in the Gregorian year: the end of the month for a themed month. */
	public LocalDate endIn(int year) {
		return rule == Rule.MONTH ? YearMonth.of(year, month).atEndOfMonth() : startIn(year);
	}

}
