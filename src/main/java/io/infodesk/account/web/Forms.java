package io.infodesk.account.web;

import org.springframework.validation.BindingResult;

import io.infodesk.account.AccountRuleViolation;

/** Shows a refused account rule in the form: under its field, or at the top of the form. */
final class Forms {

	private Forms() {
	}

	static void reject(BindingResult result, AccountRuleViolation violation) {
		if (violation.field().isPresent()) {
			result.rejectValue(violation.field().get(), violation.messageKey(), violation.args(), null);
		}
		else {
			result.reject(violation.messageKey(), violation.args(), null);
		}
	}

}
