package io.infodesk.reporting.concealed;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.reporting.ConcealedKind;

/** The filter of the register of missed and concealed reports: keyword, unit, kind, range of the day. */
public record ConcealedReportFilter(String keyword, Long unitId, ConcealedKind kind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	public static ConcealedReportFilter none() {
		return new ConcealedReportFilter(null, null, null, null, null);
	}

}
