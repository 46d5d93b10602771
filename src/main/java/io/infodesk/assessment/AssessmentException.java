package io.infodesk.assessment;

import java.util.Optional;

import io.infodesk.shared.web.BusinessException;

/** An assessment rule refused a request (bad rule, adjustment decided twice …): a message key, maybe a field. */
public class AssessmentException extends BusinessException {

	private final String field;

	public AssessmentException(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	public static AssessmentException of(String messageKey, Object... args) {
		return new AssessmentException(null, messageKey, args);
	}

	public Optional<String> field() {
		return Optional.ofNullable(field);
	}

}
