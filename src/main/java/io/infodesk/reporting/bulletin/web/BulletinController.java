package io.infodesk.reporting.bulletin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinFile;
import io.infodesk.reporting.bulletin.BulletinFilter;
import io.infodesk.reporting.bulletin.BulletinForm;
import io.infodesk.reporting.bulletin.BulletinStatus;
import io.infodesk.reporting.bulletin.Bulletins;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.reporting.bulletin.Periodicals;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewAction;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Bulletins (简报 / 信息专报, S3.1-d, issue 3 point 7): the list with its filter bar (periodical, year, status) and
 * Excel export, compiling and editing an issue from signed-off items, the detail page with a preview of the GB/T
 * 9704 layout and the review chain (送审, 审签, 退回), issuing (numbered, DOCX archived) and the download of the
 * archived file.
 */
@Controller
@RequestMapping("/reporting/bulletins")
class BulletinController {

	private static final String FORM = "reporting/bulletin/bulletinForm";

	private final Bulletins bulletins;

	private final Periodicals periodicals;

	private final ReviewChains reviewChains;

	private final BulletinRows rows;

	private final DataScopes dataScopes;

	private final Directory directory;

	private final Texts texts;

	private final Clock clock;

	BulletinController(Bulletins bulletins, Periodicals periodicals, ReviewChains reviewChains, BulletinRows rows,
			DataScopes dataScopes, Directory directory, Texts texts, Clock clock) {
		this.directory = directory;
		this.bulletins = bulletins;
		this.periodicals = periodicals;
		this.reviewChains = reviewChains;
		this.rows = rows;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, BulletinStatus.class);
	}

	// ---- list and export -----------------------------------------------------------------------

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:bulletin:view')")
	String showBulletinList(@ModelAttribute("filter") BulletinFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Page<Bulletin> result = bulletins.search(filter, ListSupport.page(page));
		ListSupport.addPage(model, result, rows.rows(result.getContent()),
				ListSupport.Links.of("/reporting/bulletins", request));
		model.addAttribute("periodicals", periodicals.all());
		model.addAttribute("years", bulletins.years());
		model.addAttribute("statuses", BulletinStatus.values());
		return ListSupport.view(request, response, "reporting/bulletin/fragments :: bulletinTable", "reporting/bulletin/bulletinList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('reporting:bulletin:view')")
	ResponseEntity<byte[]> exportBulletins(BulletinFilter filter) {
		return ExcelDownload.of(texts.get("reporting.bulletin.exportFileName", LocalDate.now(clock)), "bulletins.xlsx",
				rows.export(bulletins.list(filter)));
	}

	// ---- compile and edit ----------------------------------------------------------------------

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String initCreationForm(@RequestParam(required = false) Long periodicalId, Model model) {
		List<Periodical> active = periodicals.active();
		Periodical chosen = active.stream()
			.filter(periodical -> periodicalId == null || periodical.getId().equals(periodicalId))
			.findFirst()
			.orElse(null);
		model.addAttribute("bulletinForm", BulletinForm.blank(chosen));
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processCreationForm(@Valid @ModelAttribute("bulletinForm") BulletinForm bulletinForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			Bulletin bulletin = bulletins.create(bulletinForm, CurrentUser.require(), dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.bulletin.created", bulletins.label(bulletin)));
			return "redirect:/reporting/bulletins/" + bulletin.getId();
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(null, model);
		}
	}

	@GetMapping("/{bulletinId}/edit")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String initUpdateForm(@PathVariable long bulletinId, Model model, RedirectAttributes redirect) {
		Bulletin bulletin = bulletins.get(bulletinId);
		if (!bulletins.canEdit(bulletin, CurrentUser.require())) {
			redirect.addFlashAttribute("flashError", texts.get("reporting.bulletin.locked",
					texts.get("reporting.bulletin.status." + bulletin.getStatus().name())));
			return "redirect:/reporting/bulletins/" + bulletinId;
		}
		model.addAttribute("bulletinForm", BulletinForm.of(bulletin));
		return showForm(bulletin, model);
	}

	@PostMapping("/{bulletinId}/edit")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processUpdateForm(@PathVariable long bulletinId,
			@Valid @ModelAttribute("bulletinForm") BulletinForm bulletinForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Bulletin bulletin = bulletins.get(bulletinId);
		if (result.hasErrors()) {
			return showForm(bulletin, model);
		}
		try {
			Bulletin saved = bulletins.update(bulletinId, bulletinForm, CurrentUser.require(), dataScopes.current());
			redirect.addFlashAttribute("flashSuccess",
					texts.get("reporting.bulletin.updated", bulletins.label(saved), saved.getRevision()));
			return "redirect:/reporting/bulletins/" + bulletinId;
		}
		catch (ObjectOptimisticLockingFailureException concurrent) {
			result.reject("reporting.bulletin.conflict", new Object[] { bulletins.get(bulletinId).getRevision() }, null);
			return showForm(bulletins.get(bulletinId), model);
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(bulletin, model);
		}
	}

	private String showForm(Bulletin bulletin, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		model.addAttribute("bulletin", bulletin);
		List<Periodical> choices = new ArrayList<>(periodicals.active());
		if (bulletin != null && choices.stream().noneMatch(p -> p.getId().equals(bulletin.getPeriodicalId()))) {
			choices.add(periodicals.get(bulletin.getPeriodicalId()));
		}
		model.addAttribute("periodicals", choices);
		List<InformationItem> candidates = new ArrayList<>(bulletins.candidates(me, dataScopes.current()));
		model.addAttribute("candidates", candidates);
		model.addAttribute("unitNames", directory.unitNames());
		return FORM;
	}

	// ---- detail, review, issue -----------------------------------------------------------------

	@GetMapping("/{bulletinId}")
	@PreAuthorize("hasAuthority('reporting:bulletin:view')")
	String showBulletin(@PathVariable long bulletinId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		Bulletin bulletin = bulletins.get(bulletinId);
		Periodical periodical = periodicals.get(bulletin.getPeriodicalId());
		DocumentRef ref = Bulletin.ref(bulletinId);
		ReviewProcess process = reviewChains.process(ref).orElse(null);
		List<ReviewAction> history = reviewChains.history(ref);
		model.addAttribute("bulletin", bulletin);
		model.addAttribute("periodical", periodical);
		model.addAttribute("label", bulletins.label(bulletin));
		model.addAttribute("number", bulletins.numberText(bulletin));
		model.addAttribute("statusClass", BulletinRows.badge(bulletin.getStatus()));
		model.addAttribute("document", bulletins.document(bulletinId));
		model.addAttribute("process", process);
		model.addAttribute("reviewHistory", history);
		model.addAttribute("lastReturn", bulletin.getStatus() == BulletinStatus.RETURNED
				? history.stream().filter(a -> a.getAction() == ReviewAction.Kind.RETURNED).reduce((a, b) -> b).orElse(null)
				: null);
		model.addAttribute("canEdit", bulletins.canEdit(bulletin, me));
		model.addAttribute("canSubmit", bulletins.canSubmit(bulletin, me));
		model.addAttribute("canDiscard", bulletins.canDiscard(bulletin, me));
		model.addAttribute("canIssue", bulletins.canIssue(bulletin, me));
		model.addAttribute("canReview", process != null && process.isInReview() && reviewChains.isCurrentReviewer(ref, me));
		model.addAttribute("file", bulletin.isIssued() ? bulletins.file(bulletinId) : null);
		model.addAttribute("issueDate", Bulletins.documentDate(
				bulletin.getIssuedOn() != null ? bulletin.getIssuedOn() : LocalDate.now(clock)));
		return "reporting/bulletin/bulletinDetail";
	}

	@PostMapping("/{bulletinId}/submit")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processSubmission(@PathVariable long bulletinId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return act(bulletinId, redirect, () -> {
			ReviewProcess process = bulletins.submitForReview(bulletinId, me);
			return texts.get("reporting.bulletin.submitted", texts.get("reporting.chain.role." + process.currentRole().name()));
		});
	}

	@PostMapping("/{bulletinId}/approve")
	@PreAuthorize("hasAuthority('reporting:review')")
	String processApproval(@PathVariable long bulletinId, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) Integer step, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		bulletins.get(bulletinId);
		return act(bulletinId, redirect, () -> {
			ReviewProcess process = reviewChains.approve(Bulletin.ref(bulletinId), orNone(round), orNone(step),
					comment, me);
			return process.isInReview()
					? texts.get("reporting.review.approved", texts.get("reporting.chain.role." + process.currentRole().name()))
					: texts.get("reporting.review.signedOff");
		});
	}

	@PostMapping("/{bulletinId}/return")
	@PreAuthorize("hasAuthority('reporting:review')")
	String processReturn(@PathVariable long bulletinId, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) Integer step, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		Bulletin bulletin = bulletins.get(bulletinId);
		return act(bulletinId, redirect, () -> {
			reviewChains.returnToDrafter(Bulletin.ref(bulletinId), orNone(round), orNone(step), comment, me);
			return texts.get("reporting.review.returned", bulletin.getDrafterName());
		});
	}

	@PostMapping("/{bulletinId}/issue")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processIssue(@PathVariable long bulletinId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		return act(bulletinId, redirect, () -> {
			Bulletin issued = bulletins.issue(bulletinId, me);
			return texts.get("reporting.bulletin.issuedMessage", bulletins.label(issued));
		});
	}

	@PostMapping("/{bulletinId}/discard")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processDiscard(@PathVariable long bulletinId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		Bulletin bulletin = bulletins.get(bulletinId);
		String label = bulletins.label(bulletin);
		try {
			bulletins.discard(bulletinId, me);
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.bulletin.discarded", label));
			return "redirect:/reporting/bulletins";
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/reporting/bulletins/" + bulletinId;
		}
	}

	/** The archived DOCX, byte for byte as issued. */
	@GetMapping("/{bulletinId}/download")
	@PreAuthorize("hasAuthority('reporting:bulletin:view')")
	ResponseEntity<byte[]> downloadBulletin(@PathVariable long bulletinId) {
		BulletinFile file = bulletins.file(bulletinId);
		byte[] content = file.getContent();
		String encoded = URLEncoder.encode(file.getFileName(), StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"bulletin-" + bulletinId + ".docx\"; filename*=UTF-8''" + encoded)
			.header("X-Content-SHA256", file.getSha256())
			.cacheControl(CacheControl.noStore())
			.contentLength(content.length)
			.body(content);
	}

	private String act(long bulletinId, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("flashSuccess", action.get());
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		catch (ObjectOptimisticLockingFailureException concurrent) {
			redirect.addFlashAttribute("flashError", texts.get("reporting.review.stepAlreadyHandled"));
		}
		return "redirect:/reporting/bulletins/" + bulletinId;
	}

	/** A form without round or step names no step: it is refused as a step handled meanwhile. */
	private static int orNone(Integer value) {
		return value == null ? -1 : value;
	}

}
