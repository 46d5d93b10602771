package io.infodesk.reporting.item.web;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.review.DocumentRef;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.ReportingException;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.review.ReviewException;

/**
 * The review chain on an item (逐级审核, S3.1-b): submit for review, approve the current step, return to the
 * drafter with a comment. Each form names the round and step it was shown for, so a step handled meanwhile
 * (approving twice, two reviewers at once) is refused instead of moving the item twice.
 */
@Controller
@RequestMapping("/reporting/items/{itemId}")
class ReviewController {

	private final InformationItems items;

	private final ReviewChains reviewChains;

	private final DataScopes dataScopes;

	private final Texts texts;

	ReviewController(InformationItems items, ReviewChains reviewChains, DataScopes dataScopes,
			Texts texts) {
		this.items = items;
		this.reviewChains = reviewChains;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@PostMapping("/submit")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processSubmission(@PathVariable long itemId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return act(itemId, redirect, () -> {
			ReviewProcess process = items.submitForReview(itemId, me, dataScopes.current());
			return texts.get("reporting.review.submitted", texts.get("reporting.chain.role." + process.currentRole().name()));
		});
	}

	@PostMapping("/approve")
	@PreAuthorize("hasAuthority('reporting:review')")
	String processApproval(@PathVariable long itemId, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) Integer step,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		items.visible(itemId, me, dataScopes.current());
		return act(itemId, redirect, () -> {
			ReviewProcess process = reviewChains.approve(InformationItem.ref(itemId), orNone(round), orNone(step), comment,
					me);
			return process.isInReview()
					? texts.get("reporting.review.approved", texts.get("reporting.chain.role." + process.currentRole().name()))
					: texts.get("reporting.review.signedOff");
		});
	}

	@PostMapping("/return")
	@PreAuthorize("hasAuthority('reporting:review')")
	String processReturn(@PathVariable long itemId, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) Integer step,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		return act(itemId, redirect, () -> {
			reviewChains.returnToDrafter(InformationItem.ref(itemId), orNone(round), orNone(step), comment, me);
			return texts.get("reporting.review.returned", item.getDrafterName());
		});
	}

	private String act(long itemId, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("flashSuccess", action.get());
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		catch (ObjectOptimisticLockingFailureException concurrent) {
			redirect.addFlashAttribute("flashError", texts.get("reporting.review.stepAlreadyHandled"));
		}
		return "redirect:/reporting/items/" + itemId;
	}

	/** A form without round or step names no step: it is refused as a step handled meanwhile. */
	private static int orNone(Integer value) {
		return value == null ? -1 : value;
	}

}
