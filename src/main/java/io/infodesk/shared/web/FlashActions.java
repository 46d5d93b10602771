package io.infodesk.shared.web;

import java.util.function.Supplier;

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

	/**
	 * As {@link #run(Texts, RedirectAttributes, String, String, Runnable)} for an action whose success text depends
	 * on what it did: the action returns that text ({@code null} when it has put its own flash attributes).
	 */
	public static String run(Texts texts, RedirectAttributes redirect, String path, Supplier<String> action) {
		try {
			String done = action.get();
			if (done != null) {
				redirect.addFlashAttribute("flashSuccess", done);
			}
		}
		catch (BusinessException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:" + path;
	}

}
