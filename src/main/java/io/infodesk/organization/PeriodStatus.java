package io.infodesk.organization;

import java.time.LocalDate;

/**
 * Where a dated assignment stands on a day: not yet begun, in force, or ended. As a list filter,
 * {@code CURRENT} means "not ended" (in force or about to begin). Labels: {@code period.<NAME>}.
 */
public enum PeriodStatus {

	UPCOMING, CURRENT, ENDED, ALL;

	public static PeriodStatus of(LocalDate start, LocalDate end, LocalDate day) {
		if (end != null && end.isBefore(day)) {
			return ENDED;
		}
		return start.isAfter(day) ? UPCOMING : CURRENT;
	}

}
