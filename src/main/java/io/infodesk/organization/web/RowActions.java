package io.infodesk.organization.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.RuleViolation;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FormErrors;

/**
 * The flash message after an organisation row action: what was done, or the business rule that
 * refused it (texts come from the shared {@link Texts}; this only knows the organisation's
 * {@link RuleViolation}).
 */
@Component
class RowActions {

	private final Texts texts;

	RowActions(Texts texts) {
		this.texts = texts;
	}

	/**
	 * Submits a form (the one way of the organisation's create and edit pages): with binding errors the form is
	 * shown again ({@code form}); otherwise {@code save} runs and returns the success text, which the redirect to
	 * {@code target} shows as {@code flashSuccess}; a refused business rule is put on the form (through
	 * {@link FormErrors}) and the form is shown again, nothing saved.
	 */
	String submit(BindingResult result, RedirectAttributes redirect, Supplier<String> form, Supplier<String> save,
			String target) {
		if (result.hasErrors()) {
			return form.get();
		}
		try {
			redirect.addFlashAttribute("flashSuccess", save.get());
			return "redirect:" + target;
		}
		catch (RuleViolation violation) {
			FormErrors.reject(result, violation);
			return form.get();
		}
	}

	/**
	 * Runs a row action: on success the redirect shows {@code doneKey} as {@code flashSuccess}; a
	 * refused rule is shown as {@code flashError} and nothing is changed.
	 */
	void runAndFlash(RedirectAttributes redirect, Runnable action, String doneKey, Object... doneArgs) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", texts.get(doneKey, doneArgs));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("flashError", texts.get(violation.messageKey(), violation.args()));
		}
	}

}
