package io.infodesk.review.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.review.ReviewChains;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * The review part of the work inbox (待我处理): a notice left on a desk by a review (the office hears of an urgent
 * item at once) is marked done here. The inbox page itself lists the work of every module.
 */
@Controller
class InboxNoticeController {

	private final ReviewChains reviewChains;

	private final Texts texts;

	InboxNoticeController(ReviewChains reviewChains, Texts texts) {
		this.reviewChains = reviewChains;
		this.texts = texts;
	}

	@PostMapping("/inbox/notices/{noticeId}/done")
	@PreAuthorize("isAuthenticated()")
	String processNoticeDone(@PathVariable long noticeId, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/inbox", "reporting.inbox.noticeDone",
				() -> reviewChains.noticeDone(noticeId, CurrentUser.require()));
	}

}
