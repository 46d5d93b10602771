package io.infodesk.organization.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.RuleViolation;

/**
 * The organisation pages' texts (messages_zh_CN.properties) and the flash message after a row
 * action: what was done, or the business rule that refused it.
 */
@Component
class OrgTexts {

	private final MessageSource messages;

	OrgTexts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/**
	 * Runs a row action: on success the redirect shows {@code doneKey} as {@code flashSuccess}; a
	 * refused rule is shown as {@code flashError} and nothing is changed.
	 */
	void runAndFlash(RedirectAttributes redirect, Runnable action, String doneKey, Object... doneArgs) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text(doneKey, doneArgs));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("flashError", text(violation.messageKey(), violation.args()));
		}
	}

}
