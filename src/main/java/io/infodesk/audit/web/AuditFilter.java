package io.infodesk.audit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.infodesk.audit.internal.AuditQuery;

/** The filter bar of the audit page as typed (dates as 2026-11-27); a malformed date is ignored. */
record AuditFilter(String from, String to, String actor, String action, String entityType, String entityId,
		String outcome, String keyword) {

	AuditQuery toQuery() {
		return new AuditQuery(day(from), day(to), actor, action, entityType, entityId, outcome, keyword);
	}

	private static LocalDate day(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
