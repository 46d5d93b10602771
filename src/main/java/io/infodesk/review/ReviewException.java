package io.infodesk.review;

import io.infodesk.shared.web.BusinessException;

/**
 * A rule of the review chain refused a request (a step already handled, a reviewer reviewing their own
 * document, a chain without a leader's sign-off…). Carries a message key and, when the rule concerns one form
 * field, that field. Thrown before anything is written or inside the transaction, so nothing is half-saved.
 */
public class ReviewException extends BusinessException {

	public ReviewException(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

	public static ReviewException of(String messageKey, Object... args) {
		return new ReviewException(null, messageKey, args);
	}

}
