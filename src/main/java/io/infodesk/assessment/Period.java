package io.infodesk.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * A period of the rankings and 通报: a month, a quarter, a year or any range of days (inclusive). {@code share} is
 * the part of a year it stands for (the annual target is pro-rated by it).
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

	public enum Kind {

		MONTH, QUARTER, YEAR, RANGE

	}

	public Period {
		if (from == null || to == null || to.isBefore(from)) {
			throw AssessmentException.of("assessment.period.toBeforeFrom");
		}
	}

	public static Period month(YearMonth month) {
		return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	public static Period quarter(int year, int quarter) {
		LocalDate start = LocalDate.of(year, 1, 1).with(IsoFields.QUARTER_OF_YEAR, quarter);
		return new Period(Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	public static Period range(LocalDate from, LocalDate to) {
		return new Period(Kind.RANGE, from, to);
	}

	/** The part of a year this period stands for: 1/12, 1/4, 1, or days / days of the year. */
	public double share() {
		return switch (kind) {
			case MONTH -> 1.0 / 12;
			case QUARTER -> 0.25;
			case YEAR -> 1.0;
			case RANGE -> (double) (to.toEpochDay() - from.toEpochDay() + 1) / from.lengthOfYear();
		};
	}

	public int year() {
		return from.getYear();
	}

	public int quarter() {
		return from.get(IsoFields.QUARTER_OF_YEAR);
	}

}
