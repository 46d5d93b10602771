package io.infodesk.reporting.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.ReportingException;
import io.infodesk.review.ReviewChains;
import io.infodesk.reporting.WorkInbox;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.review.ReviewException;

/**
 * The personal work inbox (待我处理): every logged-in user has one. The top bar loads its count with htmx
 * ({@code /inbox/count}); the link works without JavaScript.
 */
@Controller
class InboxController {

	private final WorkInbox inbox;

	private final ReviewChains reviewChains;

	private final Texts texts;

	InboxController(WorkInbox inbox, ReviewChains reviewChains, Texts texts) {
		this.inbox = inbox;
		this.reviewChains = reviewChains;
		this.texts = texts;
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
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.inbox.noticeDone"));
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/inbox";
	}

}
