package io.infodesk.reporting.solicitation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
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
import io.infodesk.reporting.item.web.ItemRows;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationFilter;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/** Solicitations (约稿, S3.1-c): overdue and due-within-24-hours at the top, the list, register, edit, detail, export. */
@Controller
@RequestMapping("/reporting/solicitations")
class SolicitationController {

	private static final String FORM = "reporting/solicitation/solicitationForm";

	private final Solicitations solicitations;

	private final SolicitationRows rows;

	private final ItemRows itemRows;

	private final Directory directory;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	SolicitationController(Solicitations solicitations, SolicitationRows rows, ItemRows itemRows, Directory directory,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.solicitations = solicitations;
		this.rows = rows;
		this.itemRows = itemRows;
		this.directory = directory;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:view')")
	String showSolicitationList(@ModelAttribute("filter") SolicitationFilter filter,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		AuthenticatedUser me = CurrentUser.require();
		DataScope scope = dataScopes.current();
		Page<Solicitation> result = solicitations.search(filter, scope, me, ListSupport.page(page));
		ListSupport.addPage(model, result, rows.rows(result.getContent()),
				ListSupport.Links.of("/reporting/solicitations", request));
		model.addAttribute("overdue", rows.rows(solicitations.overdue(scope, me)));
		model.addAttribute("dueSoon", rows.rows(solicitations.dueSoon(scope, me)));
		model.addAttribute("bodies", solicitations.bodies());
		model.addAttribute("units", directory.unitsIn(scope));
		model.addAttribute("states", SolicitationStatus.values());
		return ListSupport.wantsFragment(request, response) ? "reporting/solicitation/fragments :: solicitationTable"
				: "reporting/solicitation/solicitationList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('reporting:view')")
	ResponseEntity<byte[]> exportSolicitationList(SolicitationFilter filter) {
		List<Solicitation> list = solicitations.list(filter, dataScopes.current(), CurrentUser.require());
		return ExcelDownload.of(texts.get("reporting.solicitation.fileName", LocalDate.now(clock)), "solicitations.xlsx",
				rows.export(list));
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:solicitation:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("solicitationForm", SolicitationForm.blank(LocalDate.now(clock)));
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:solicitation:manage')")
	String processCreationForm(@Valid @ModelAttribute("solicitationForm") SolicitationForm solicitationForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			Solicitation solicitation = solicitations.register(solicitationForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.solicitation.created", solicitation.getTopic()));
			return "redirect:/reporting/solicitations/" + solicitation.getId();
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(null, model);
		}
	}

	@GetMapping("/{solicitationId}/edit")
	@PreAuthorize("hasAuthority('reporting:solicitation:manage')")
	String initUpdateForm(@PathVariable long solicitationId, Model model) {
		Solicitation solicitation = solicitations.get(solicitationId);
		model.addAttribute("solicitationForm", SolicitationForm.of(solicitation));
		return showForm(solicitation, model);
	}

	@PostMapping("/{solicitationId}/edit")
	@PreAuthorize("hasAuthority('reporting:solicitation:manage')")
	String processUpdateForm(@PathVariable long solicitationId,
			@Valid @ModelAttribute("solicitationForm") SolicitationForm solicitationForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Solicitation solicitation = solicitations.get(solicitationId);
		if (result.hasErrors()) {
			return showForm(solicitation, model);
		}
		try {
			solicitations.update(solicitationId, solicitationForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.solicitation.updated", solicitationForm.topic()));
			return "redirect:/reporting/solicitations/" + solicitationId;
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(solicitation, model);
		}
	}

	private String showForm(Solicitation solicitation, Model model) {
		model.addAttribute("solicitation", solicitation);
		model.addAttribute("bodies", solicitations.bodies()
			.stream()
			.filter(body -> body.isActive() || (solicitation != null && body.getId().equals(solicitation.getBodyId())))
			.toList());
		model.addAttribute("units", directory.unitsIn(DataScope.all()));
		model.addAttribute("peopleByUnit", directory.peopleByUnit());
		return FORM;
	}

	@GetMapping("/{solicitationId}")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showSolicitation(@PathVariable long solicitationId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		DataScope scope = dataScopes.current();
		Solicitation solicitation = solicitations.visible(solicitationId, me, scope);
		model.addAttribute("solicitation", solicitation);
		model.addAttribute("row", rows.rows(List.of(solicitation)).get(0));
		model.addAttribute("answers", itemRows.rows(solicitations.answers(solicitationId, me, scope)));
		return "reporting/solicitation/solicitationDetail";
	}

}
