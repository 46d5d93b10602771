package io.infodesk.publicity;

/** A holiday or themed day as entered by the office (see {@link CalendarDay} for the rules). */
public record CalendarDayForm(String name, CalendarDay.Rule rule, Integer month, Integer day, Integer weekday,
		String theme, Integer leadDays, boolean active) {

}
