package io.infodesk.reporting.material;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The material library's filter bar and export: keyword (title, source, text), kind, one tag, range of the day. */
public record MaterialFilter(String keyword, MaterialKind kind, String tag,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	public static MaterialFilter none() {
		return new MaterialFilter(null, null, null, null, null);
	}

}
