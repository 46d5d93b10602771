package io.infodesk.research;

import io.infodesk.shared.web.BusinessException;

/** A refused research action, with the field it concerns (or none) and the message key of the Chinese reason. */
public class ResearchException extends BusinessException {

	private final String field;

	public ResearchException(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	public static ResearchException of(String messageKey, Object... args) {
		return new ResearchException(null, messageKey, args);
	}

	public String field() {
		return field;
	}

}
