package io.infodesk.publicity.web;

import org.springframework.validation.BindingResult;

import io.infodesk.publicity.PublicityException;

/** Shows a refused rule in the form: under its field, or above the form. */
final class PublicityForms {

	private PublicityForms() {
	}

	static void reject(BindingResult result, PublicityException refused) {
		if (refused.field().isPresent()) {
			try {
				result.rejectValue(refused.field().get(), refused.messageKey(), refused.args(), null);
				return;
			}
			catch (org.springframework.beans.NotReadablePropertyException notAField) {
				// a rule about something the form object does not hold (the uploaded file): above the form
			}
		}
		result.reject(refused.messageKey(), refused.args(), null);
	}

}
