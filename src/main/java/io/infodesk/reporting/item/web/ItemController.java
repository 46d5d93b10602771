package io.infodesk.reporting.item.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
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
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.EditConflict;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemFilter;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.DocumentVersions;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Information items (S3.1-a, S3.1-b): the list with its filter bar and register export, drafting and
 * editing, the detail page with verification records and the version history with differences.
 */
@Controller
@RequestMapping("/reporting/items")
class ItemController {

	private static final String FORM = "reporting/item/itemForm";

	private final InformationItems items;

	private final DocumentVersions versions;

	private final io.infodesk.reporting.solicitation.Solicitations solicitations;

	private final io.infodesk.review.ReviewChains reviewChains;

	private final ItemRows rows;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final ItemPage itemPage;

	private final Texts texts;

	private final Clock clock;

	ItemController(InformationItems items, DocumentVersions versions, io.infodesk.reporting.solicitation.Solicitations solicitations,
			io.infodesk.review.ReviewChains reviewChains,
			ItemRows rows, Directory directory, DataScopes dataScopes, ItemPage itemPage, Texts texts,
			Clock clock) {
		this.items = items;
		this.versions = versions;
		this.solicitations = solicitations;
		this.reviewChains = reviewChains;
		this.rows = rows;
		this.directory = directory;
		this.dataScopes = dataScopes;
		this.itemPage = itemPage;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, io.infodesk.reporting.item.ItemKind.class, io.infodesk.reporting.urgent.UrgentCategory.class, Angle.class, SourceTag.class, ItemStatus.class, VerificationMethod.class);
	}

	@ModelAttribute("kinds")
	ItemKind[] kinds() {
		return ItemKind.values();
	}

	@ModelAttribute("angles")
	Angle[] angles() {
		return Angle.values();
	}

	@ModelAttribute("sources")
	SourceTag[] sources() {
		return SourceTag.values();
	}

	@ModelAttribute("categories")
	io.infodesk.reporting.urgent.UrgentCategory[] categories() {
		return io.infodesk.reporting.urgent.UrgentCategory.values();
	}

	@ModelAttribute("statuses")
	ItemStatus[] statuses() {
		return ItemStatus.values();
	}

	// ---- list and register ---------------------------------------------------------------------

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:view')")
	String showItemList(@ModelAttribute("filter") ItemFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<InformationItem> result = items.registerPage(filter, scope, CurrentUser.require(), ListSupport.page(page));
		ListSupport.addPage(model, result, rows.rows(result.getContent()), ListSupport.Links.of("/reporting/items", request));
		model.addAttribute("totalAbove", result.getTotalElements() > InformationItems.COUNT_LIMIT
				? InformationItems.COUNT_LIMIT : null);
		model.addAttribute("units", directory.unitsIn(scope));
		return ListSupport.wantsFragment(request, response) ? "reporting/item/fragments :: itemTable" : "reporting/item/itemList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportRegister(ItemFilter filter) {
		List<InformationItem> list = items.list(filter, dataScopes.current(), CurrentUser.require());
		String fileName = texts.get("reporting.register.fileName", LocalDate.now(clock));
		return ExcelDownload.of(fileName, "information-register.xlsx", rows.register(list));
	}

	// ---- create and edit -----------------------------------------------------------------------

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String initCreationForm(@RequestParam(required = false) Long solicitationId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		model.addAttribute("itemForm", ItemForm.blank(me.unitId(), me.personId(), solicitationId));
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processCreationForm(@Valid @ModelAttribute("itemForm") ItemForm itemForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			InformationItem item = items.create(itemForm, CurrentUser.require(), dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.item.created", item.getTitle()));
			return "redirect:/reporting/items/" + item.getId();
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(null, model);
		}
	}

	@GetMapping("/{itemId}/edit")
	@PreAuthorize("hasAuthority('reporting:view')")
	String initUpdateForm(@PathVariable long itemId, Model model, RedirectAttributes redirect) {
		InformationItem item = items.visible(itemId, CurrentUser.require(), dataScopes.current());
		if (!items.canEdit(item, CurrentUser.require())) {
			redirect.addFlashAttribute("flashError", texts.get("reporting.item.cannotEdit"));
			return "redirect:/reporting/items/" + itemId;
		}
		model.addAttribute("itemForm", ItemForm.of(item));
		return showForm(item, model);
	}

	@PostMapping("/{itemId}/edit")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processUpdateForm(@PathVariable long itemId, @Valid @ModelAttribute("itemForm") ItemForm itemForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		if (result.hasErrors()) {
			return showForm(item, model);
		}
		try {
			InformationItem saved = items.update(itemId, itemForm, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.item.saved", saved.getRevision()));
			return "redirect:/reporting/items/" + itemId;
		}
		catch (EditConflict conflict) {
			return showConflict(itemId, itemForm, conflict, result, model);
		}
		catch (ObjectOptimisticLockingFailureException concurrent) {
			// someone saved in the same moment: compare with what is stored now
			try {
				items.update(itemId, itemForm, me, dataScopes.current());
				return "redirect:/reporting/items/" + itemId;
			}
			catch (EditConflict conflict) {
				return showConflict(itemId, itemForm, conflict, result, model);
			}
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(item, model);
		}
	}

	/** The editor's input stays in the form, now based on the stored revision, with what differs. */
	private String showConflict(long itemId, ItemForm itemForm, EditConflict conflict, BindingResult result,
			Model model) {
		InformationItem current = items.get(itemId);
		model.addAttribute("itemForm", itemForm.rebasedOn(conflict.currentRevision()));
		model.addAttribute("conflict", conflict);
		model.addAttribute("conflictMessage",
				texts.get(conflict.messageKey(), conflict.currentRevision(), conflict.currentEditor()));
		return showForm(current, model);
	}

	private String showForm(InformationItem item, Model model) {
		model.addAttribute("item", item);
		DataScope scope = dataScopes.current();
		List<io.infodesk.organization.Unit> choices = new java.util.ArrayList<>(directory.unitsIn(scope));
		if (item != null && choices.stream().noneMatch(unit -> unit.getId().equals(item.getUnitId()))) {
			directory.unit(item.getUnitId()).ifPresent(choices::add);
		}
		model.addAttribute("units", choices);
		model.addAttribute("peopleByUnit", directory.peopleByUnit());
		List<io.infodesk.reporting.solicitation.Solicitation> answerable = new java.util.ArrayList<>(
				solicitations.answerable(scope, CurrentUser.require()));
		if (item != null && item.getSolicitationId() != null
				&& answerable.stream().noneMatch(s -> s.getId().equals(item.getSolicitationId()))) {
			answerable.add(solicitations.get(item.getSolicitationId()));
		}
		model.addAttribute("solicitations", answerable);
		model.addAttribute("bodyNames", bodyNames());
		return FORM;
	}

	// ---- detail --------------------------------------------------------------------------------

	@GetMapping("/{itemId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showItem(@PathVariable long itemId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		return showDetail(item, me, model);
	}

	private String showDetail(InformationItem item, AuthenticatedUser me, Model model) {
		return itemPage.show(item, me, model);
	}

	@PostMapping("/{itemId}/verifications")
	@PreAuthorize("hasAuthority('reporting:view')")
	String processVerification(@PathVariable long itemId,
			@Valid @ModelAttribute("verificationForm") VerificationForm verificationForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		if (!result.hasErrors()) {
			try {
				items.addVerification(itemId, verificationForm, me, dataScopes.current());
				redirect.addFlashAttribute("flashSuccess", texts.get("reporting.verification.added"));
				return "redirect:/reporting/items/" + itemId + "#verifications";
			}
			catch (ReportingException | ReviewException refused) {
				FormErrors.reject(result, refused);
			}
		}
		model.addAttribute("verificationOpen", true);
		return showDetail(item, me, model);
	}

	@PostMapping("/{itemId}/discard")
	@PreAuthorize("hasAuthority('reporting:draft')")
	String processDiscard(@PathVariable long itemId, RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		InformationItem item = items.visible(itemId, me, dataScopes.current());
		try {
			items.discard(itemId, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.item.discarded", item.getTitle()));
			return "redirect:/reporting/items";
		}
		catch (ReportingException | ReviewException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/reporting/items/" + itemId;
		}
	}

	// ---- versions ------------------------------------------------------------------------------

	@GetMapping("/{itemId}/diff")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showDiff(@PathVariable long itemId, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model) {
		InformationItem item = items.visible(itemId, CurrentUser.require(), dataScopes.current());
		int newer = to == null ? item.getRevision() : to;
		int older = from == null ? Math.max(1, newer - 1) : from;
		model.addAttribute("item", item);
		model.addAttribute("versions", versions.of(InformationItem.ref(itemId)));
		model.addAttribute("diff", versions.diff(InformationItem.ref(itemId), older, newer));
		return "reporting/item/itemDiff";
	}

	private java.util.Map<Long, String> bodyNames() {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		solicitations.bodies().forEach(body -> names.put(body.getId(), body.getShortName()));
		return names;
	}

}
