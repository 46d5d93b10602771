package io.infodesk.reporting;

import io.infodesk.shared.web.BusinessException;

/**
 * A rule of information reporting refused a request (an invalid transition, a missing sign-off, a
 * reviewer reviewing their own item, bad input…). Carries a message key and, when the rule concerns one
 * form field, that field. Thrown before anything is written or inside the transaction, so nothing is
 * half-saved.
 */
public class ReportingException extends BusinessException {

	public ReportingException(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

	public static ReportingException of(String messageKey, Object... args) {
		return new ReportingException(null, messageKey, args);
	}

}
