package io.infodesk.reporting.web;

import org.springframework.validation.BindingResult;

import io.infodesk.shared.web.BusinessException;

/** Shows a refused rule in the form: under its field, or above the form. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult result, BusinessException refused) {
		if (refused.field().isPresent()) {
			try {
				result.rejectValue(refused.field().get(), refused.messageKey(), refused.args(), null);
			}
			catch (org.springframework.beans.NotReadablePropertyException notAField) {
				// a rule about something the form object does not hold (an uploaded file): above the form
				result.reject(refused.messageKey(), refused.args(), null);
			}
		}
		else {
			result.reject(refused.messageKey(), refused.args(), null);
		}
	}

}
