package io.infodesk.search;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The search page's query: keywords (separated by spaces, all must match), the type ({@link SearchTarget#type()},
 * empty for all), unit, kind, one tag, range of the record's day, status and adoption level.
 */
public record SearchFilter(String q, String type, Long unitId, String kind, String tag,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String status, String level) {

	public static SearchFilter none() {
		return new SearchFilter(null, null, null, null, null, null, null, null, null);
	}

	public static SearchFilter keyword(String q) {
		return new SearchFilter(q, null, null, null, null, null, null, null, null);
	}

	public SearchFilter withType(String type) {
		return new SearchFilter(q, type, unitId, kind, tag, from, to, status, level);
	}

	public boolean hasKeyword() {
		return q != null && !q.isBlank();
	}

}
