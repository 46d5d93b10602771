package io.infodesk.reporting.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReviewChains;
import io.infodesk.reporting.WorkInbox;
import io.infodesk.shared.security.CurrentUser;

/**
 * The personal work inbox (待我处理): every logged-in user has one. The top bar loads its count with htmx
 * ({@code /inbox/count}); the link works without JavaScript.
 */
@Controller
class InboxController {

	private final WorkInbox inbox;

	private final ReviewChains reviewChains;

	private final MessageSource messages;

	InboxController(WorkInbox inbox, ReviewChains reviewChains, MessageSource messages) {
		this.inbox = inbox;
		this.reviewChains = reviewChains;
		this.messages = messages;
	}

	@GetMapping("/inbox")
	@PreAuthorize("isAuthenticated()")
	String showInbox(Model model) {
		model.addAttribute("entries", inbox.entries(CurrentUser.require()));
		return "reporting/inbox";
	}

	@GetMapping("/inbox/count")
	@PreAuthorize("isAuthenticated()")
	String showInboxCount(Model model) {
		model.addAttribute("inboxCount", inbox.count(CurrentUser.require()));
		return "reporting/fragments :: inboxCount";
	}

	@PostMapping("/inbox/notices/{noticeId}/done")
	@PreAuthorize("isAuthenticated()")
	String processNoticeDone(@PathVariable long noticeId, RedirectAttributes redirect) {
		try {
			reviewChains.noticeDone(noticeId, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", text("reporting.inbox.noticeDone"));
		}
		catch (ReportingException refused) {
			redirect.addFlashAttribute("flashError", text(refused.messageKey(), refused.args()));
		}
		return "redirect:/inbox";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
