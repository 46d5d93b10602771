package io.infodesk.monitoring.internal;

import io.infodesk.shared.web.BusinessException;

/** A scheme refused before anything is saved; the message key names the rule in Chinese. */
public class SchemeInvalid extends BusinessException {

	public SchemeInvalid(String key, Object... args) {
		super(key, args);
	}

	private SchemeInvalid(String field, String key, Object... args) {
		super(field, key, args);
	}

	/** A refusal about one field of a request ({@code field} as the API or form names it): answered 400. */
	public static SchemeInvalid about(String field, String key, Object... args) {
		return new SchemeInvalid(field, key, args);
	}

}
