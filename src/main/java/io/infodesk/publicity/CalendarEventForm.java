package io.infodesk.publicity;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A bureau event or work milestone entered by the office: a day or a span of days, or a day with a start (and end)
 * time in Beijing time; a unit's own (seen by that unit's scope) or, without a unit, the whole bureau's.
 */
public record CalendarEventForm(String title, CalendarEntry.Kind kind, LocalDate startsOn, LocalDate endsOn,
		LocalTime startTime, LocalTime endTime, Long unitId, String note, Integer leadDays) {

}
