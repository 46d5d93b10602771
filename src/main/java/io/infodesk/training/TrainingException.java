package io.infodesk.training;

import io.infodesk.shared.web.BusinessException;

/** A refused training action with the field it concerns (or none) and the key of the Chinese reason. */
public class TrainingException extends BusinessException {

	public TrainingException(String field, String messageKey, Object... args) {
		super(field, messageKey, args);
	}

}
