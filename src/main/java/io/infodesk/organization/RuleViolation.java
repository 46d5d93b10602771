package io.infodesk.organization;

import java.util.Optional;

import io.infodesk.shared.web.BusinessException;

/**
 * A business rule of the organisation refused a change (unique names, valid parent, membership,
 * overlapping periods…). Carries a message key and, when the rule concerns one form field, that
 * field, so the form can show the message under it. Thrown before anything is written.
 */
public class RuleViolation extends BusinessException {

	private final String field;

	public RuleViolation(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	public static RuleViolation of(String messageKey, Object... args) {
		return new RuleViolation(null, messageKey, args);
	}

	public Optional<String> field() {
		return Optional.ofNullable(field);
	}

}
