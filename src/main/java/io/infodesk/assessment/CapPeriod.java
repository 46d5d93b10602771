package io.infodesk.assessment;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The period over which a rule's cap is counted, per recipient. */
public enum CapPeriod {

	MONTH, QUARTER, YEAR;

	/** The first day of the period containing the day. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	/** The last day of the period containing the day. */
	public LocalDate end(LocalDate day) {
		return switch (this) {
			case MONTH -> start(day).plusMonths(1).minusDays(1);
			case QUARTER -> start(day).plusMonths(3).minusDays(1);
			case YEAR -> start(day).plusYears(1).minusDays(1);
		};
	}

}
