package io.infodesk.reporting.outcome;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.reporting.AdministrativeLevel;

/**
 * The filter of the adoption and instruction registers: keyword (item title, outlet or leader), unit of the
 * item, level, range of the day adopted or instructed.
 */
public record OutcomeFilter(String keyword, Long unitId, AdministrativeLevel level,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	public static OutcomeFilter none() {
		return new OutcomeFilter(null, null, null, null, null);
	}

}
