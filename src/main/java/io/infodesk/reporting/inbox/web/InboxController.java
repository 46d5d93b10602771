package io.infodesk.reporting.inbox.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.infodesk.reporting.inbox.WorkInbox;
import io.infodesk.shared.security.CurrentUser;

/**
 * The personal work inbox (待我处理): every logged-in user has one. The top bar loads its count with htmx
 * ({@code /inbox/count}); the link works without JavaScript. A review notice is marked done by the review module
 * ({@code review.web.InboxNoticeController}).
 */
@Controller
class InboxController {

	private final WorkInbox inbox;

	InboxController(WorkInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	@PreAuthorize("isAuthenticated()")
	String showInbox(Model model) {
		model.addAttribute("entries", inbox.entries(CurrentUser.require()));
		return "reporting/inbox/inbox";
	}

	@GetMapping("/inbox/count")
	@PreAuthorize("isAuthenticated()")
	String showInboxCount(Model model) {
		model.addAttribute("inboxCount", inbox.count(CurrentUser.require()));
		return "reporting/inbox/fragments :: inboxCount";
	}

}
