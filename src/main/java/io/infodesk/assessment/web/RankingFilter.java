package io.infodesk.assessment.web;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.assessment.Period;

/**
 * The period of a ranking page or export: kind MONTH (year, month), QUARTER (year, quarter), YEAR (year) or RANGE
 * (from, to); missing values fall back to the current month / quarter / year. {@code view} is units or people.
 */
public record RankingFilter(Period.Kind kind, Integer year, Integer month, Integer quarter,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String view, Long unitId) {

	public Period period(LocalDate today) {
		int y = year != null ? year : today.getYear();
		Period.Kind k = kind != null ? kind : Period.Kind.MONTH;
		return switch (k) {
			case MONTH -> Period.month(YearMonth.of(y, month != null && month >= 1 && month <= 12 ? month : today.getMonthValue()));
			case QUARTER -> Period.quarter(y, quarter != null && quarter >= 1 && quarter <= 4 ? quarter
					: (today.getMonthValue() - 1) / 3 + 1);
			case YEAR -> Period.year(y);
			case RANGE -> Period.range(from != null ? from : today.withDayOfYear(1),
					to != null && (from == null || !to.isBefore(from)) ? to : today);
		};
	}

	public boolean people() {
		return "people".equals(view);
	}

}
