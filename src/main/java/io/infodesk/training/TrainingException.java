package io.infodesk.training;

import io.infodesk.shared.web.BusinessException;

/** A refused training action with the field it concerns (or none) and the key of the Chinese reason. */
public class TrainingException extends BusinessException {

	private final String field;

	public TrainingException(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
