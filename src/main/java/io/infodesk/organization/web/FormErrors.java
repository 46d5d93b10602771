package io.infodesk.organization.web;

import org.springframework.validation.BindingResult;

import io.infodesk.organization.RuleViolation;

/** Shows a refused business rule in the form: under its field, or above the form. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult result, RuleViolation violation) {
		if (violation.field().isPresent()) {
			result.rejectValue(violation.field().get(), violation.messageKey(), violation.args(), null);
		}
		else {
			result.reject(violation.messageKey(), violation.args(), null);
		}
	}

}
