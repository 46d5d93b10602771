package io.infodesk.research;

import io.infodesk.shared.web.BusinessException;

/** A refused research action, with the field it concerns (or none) and the message key of the Chinese reason. */
public class ResearchException extends BusinessException {

	public ResearchException(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

	public static ResearchException of(String messageKey, Object... args) {
		return new ResearchException(null, messageKey, args);
	}

}
