package io.infodesk.reporting.outcome.web;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.web.ItemPage;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.FeedbackForm;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/**
 * What the office records after sign-off (S3.1-c, S3.1-d): submissions to bodies, adoptions, leader
 * instructions and their feedback. A refused record shows the item page again with the message under the
 * field and the input kept.
 */
@Controller
@RequestMapping("/reporting/items/{itemId}")
class OutcomeController {

	private final InformationItems items;

	private final Submissions submissions;

	private final Adoptions adoptions;

	private final ItemPage itemPage;

	private final DataScopes dataScopes;

	private final MessageSource messages;

	private final Texts texts;

	OutcomeController(InformationItems items, Submissions submissions, Adoptions adoptions, ItemPage itemPage,
			DataScopes dataScopes, MessageSource messages, Texts texts) {
		this.items = items;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.itemPage = itemPage;
		this.dataScopes = dataScopes;
		this.messages = messages;
		this.texts = texts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, SubmissionChannel.class, AdministrativeLevel.class);
	}

	@PostMapping("/submissions")
	@PreAuthorize("hasAuthority('reporting:submit')")
	String processSubmission(@PathVariable long itemId,
			@Valid @ModelAttribute("submissionForm") SubmissionForm submissionForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return record(itemId, result, model, redirect, "submission", "reporting.submission.recorded",
				(me, scope) -> submissions.record(itemId, submissionForm, me, scope));
	}

	@PostMapping("/adoptions")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processAdoption(@PathVariable long itemId, @Valid @ModelAttribute("adoptionForm") AdoptionForm adoptionForm,
			BindingResult result,
			@org.springframework.web.bind.annotation.RequestParam(name = "evidenceFile", required = false) org.springframework.web.multipart.MultipartFile evidenceFile,
			Model model, RedirectAttributes redirect) {
		return record(itemId, result, model, redirect, "adoption", "reporting.adoption.recorded", (me, scope) -> {
			try {
				adoptions.recordAdoption(itemId, adoptionForm, io.infodesk.shared.files.Upload.of(evidenceFile), me, scope);
			}
			catch (ReportingException | ReviewException refused) {
				// a refused evidence file is shown under the evidence field; the other input stays in the form
				throw refused.field().filter("file"::equals).isPresent()
						? new ReportingException("evidence", refused.messageKey(), refused.args()) : refused;
			}
		});
	}

	@PostMapping("/instructions")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processInstruction(@PathVariable long itemId,
			@Valid @ModelAttribute("instructionForm") InstructionForm instructionForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return record(itemId, result, model, redirect, "instruction", "reporting.instruction.recorded",
				(me, scope) -> adoptions.recordInstruction(itemId, instructionForm, me, scope));
	}

	/** One outcome recorded by the current user within their data scope. */
	@FunctionalInterface
	private interface Recording {

		void record(AuthenticatedUser me, DataScope scope);

	}

	/**
	 * Records an outcome from its form: on success back to the item's outcomes with a toast; a refused field shows
	 * the item page again with the form panel open; a rule of the item's state (not signed off, not submitted)
	 * has nothing to correct in the form and goes back to the item with the message.
	 */
	private String record(long itemId, BindingResult result, Model model, RedirectAttributes redirect, String panel,
			String successKey, Recording recording) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		if (!result.hasErrors()) {
			try {
				recording.record(me, dataScopes.current());
				redirect.addFlashAttribute("flashSuccess", texts.get(successKey));
				return "redirect:/reporting/items/" + itemId + "#outcomes";
			}
			catch (ReportingException | ReviewException refused) {
				if (refused.field().isEmpty()) {
					redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
					return "redirect:/reporting/items/" + itemId;
				}
				FormErrors.reject(result, refused);
			}
		}
		model.addAttribute("open", panel);
		return itemPage.show(items.get(item.getId()), me, model);
	}

	@PostMapping("/instructions/{instructionId}/feedback")
	@PreAuthorize("hasAuthority('reporting:adopt')")
	String processFeedback(@PathVariable long itemId, @PathVariable long instructionId,
			@Valid @ModelAttribute("feedbackForm") FeedbackForm feedbackForm, BindingResult result,
			RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		items.visible(itemId, me, dataScopes.current());
		if (result.hasErrors()) {
			redirect.addFlashAttribute("flashError", result.getAllErrors()
				.stream()
				.map(error -> messages.getMessage(error, LocaleContextHolder.getLocale()))
				.reduce((a, b) -> a + "；" + b)
				.orElse(""));
			return "redirect:/reporting/items/" + itemId + "#outcomes";
		}
		return FlashActions.run(texts, redirect, "/reporting/items/" + itemId + "#outcomes",
				"reporting.instruction.feedbackRecorded",
				() -> adoptions.recordFeedback(instructionId, feedbackForm, me, dataScopes.current()));
	}

}
