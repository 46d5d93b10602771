package io.infodesk.organization.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.RuleViolation;
import io.infodesk.shared.text.Texts;

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
