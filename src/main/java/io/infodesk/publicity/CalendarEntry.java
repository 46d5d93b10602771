package io.infodesk.publicity;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One node of the publicity calendar (S3.2-c) as the month view, the Excel list and the iCalendar feed show it: a
 * holiday or themed day (computed for the year), a time node of a unit's annual plan, or a bureau event / milestone.
 * {@code end} is inclusive; {@code startTime}/{@code endTime} only for a timed event (Beijing time). {@code unitId} is
 * null for what the whole bureau sees. {@code leadDays}: the reminder before the node (null: none).
 */
public record CalendarEntry(String uid, Kind kind, String title, LocalDate start, LocalDate end, LocalTime startTime,
		LocalTime endTime, String detail, Long unitId, String unitName, String link, Integer leadDays) {

	/** What the node is. */
	public enum Kind {

		HOLIDAY, THEMED_MONTH, PLAN_NODE, PLAN_MONTH, EVENT, MILESTONE

	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(start) && !day.isAfter(end);
	}

	/** A node as long as a month or longer (a themed month, a plan's month node): shown above the month grid. */
	public boolean monthLong() {
		return end.toEpochDay() - start.toEpochDay() >= 27;
	}

	public boolean timed() {
		return startTime != null;
	}

}
