package io.infodesk.shared.web;

import org.springframework.validation.BindingResult;


/** Shows a refused business rule in the form: under its field, or above the form (every module's controllers). */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, BusinessException refused) {
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
