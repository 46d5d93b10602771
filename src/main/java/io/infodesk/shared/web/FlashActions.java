package io.infodesk.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.shared.text.Texts;

/**
 * One way for a page's small POST actions (a button, a short form) to report back after the redirect: the action
 * runs; done, the success text goes to {@code flashSuccess}; refused ({@link BusinessException}), its Chinese reason
 * goes to {@code flashError} and nothing was saved (the service checks before it writes). Either way the browser is
 * sent back to {@code path}.
 */
public final class FlashActions {

	private FlashActions() {
	}

	public static String run(Texts texts, RedirectAttributes redirect, String path, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", texts.get(doneKey));
		}
		catch (BusinessException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:" + path;
	}

}
