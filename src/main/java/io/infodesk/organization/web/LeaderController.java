package io.infodesk.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
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

import io.infodesk.organization.AssignmentFilter;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.LeaderAssignmentForm;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.Unit;
import io.infodesk.organization.Units;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/** Leaders in charge (分管领导): which bureau leader is in charge of which units, with dates (S2-a, S4-a). */
@Controller
@RequestMapping("/org/leaders")
class LeaderController {

	private final Leadership leadership;

	private final Units units;

	private final OrgRows rows;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final RowActions rowActions;

	private final Clock clock;

	LeaderController(Leadership leadership, Units units, OrgRows rows, DataScopes dataScopes, Texts texts,
			RowActions rowActions, Clock clock) {
		this.leadership = leadership;
		this.units = units;
		this.rows = rows;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.rowActions = rowActions;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	@PreAuthorize("hasAuthority('org:view')")
	String showLeaderList(@ModelAttribute("filter") AssignmentFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<LeaderAssignment> result = leadership.search(filter, scope, ListSupport.page(page));
		ListSupport.addPage(model, result, rows.leaders(result.getContent()), ListSupport.Links.of("/org/leaders", request));
		model.addAttribute("leaders", leadership.leaders());
		model.addAttribute("units", units.assignableIn(scope));
		return ListSupport.view(request, response, "organization/fragments :: leaderTable",
				"organization/leaderList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('org:view')")
	ResponseEntity<byte[]> exportLeaderList(AssignmentFilter filter) {
		List<OrgRows.LeaderRow> list = rows.leaders(leadership.list(filter, dataScopes.current()));
		byte[] xlsx = ExcelExporter.forRows(OrgRows.LeaderRow.class).export(texts.get("leader.list.title"), list);
		return ExcelDownload.of(texts.get("leader.export.fileName"), "leaders.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('org:leader:edit')")
	String initCreationForm(@RequestParam(required = false) Long leaderId, Model model) {
		model.addAttribute("leaderAssignmentForm",
				new LeaderAssignmentForm(leaderId, List.of(), LocalDate.now(clock), null));
		return showForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('org:leader:edit')")
	String processCreationForm(@Valid LeaderAssignmentForm leaderAssignmentForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return rowActions.submit(result, redirect, () -> showForm(model), () -> {
			leaderAssignmentForm.unitIds().forEach(dataScopes::check);
			List<LeaderAssignment> created = leadership.assign(leaderAssignmentForm);
			return texts.get("leader.assigned", created.size());
		}, "/org/leaders");
	}

	@PostMapping("/{assignmentId}/end")
	@PreAuthorize("hasAuthority('org:leader:edit')")
	String processEnd(@PathVariable long assignmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			RedirectAttributes redirect) {
		LeaderAssignment assignment = leadership.get(assignmentId);
		dataScopes.check(assignment.getUnitId());
		LocalDate day = endDate == null ? LocalDate.now(clock) : endDate;
		rowActions.runAndFlash(redirect, () -> leadership.end(assignmentId, day), "leader.ended");
		return "redirect:/org/leaders";
	}

	private String showForm(Model model) {
		model.addAttribute("leaders", leadership.leaders());
		model.addAttribute("units", units.assignableIn(dataScopes.current()).stream().filter(Unit::isActive).toList());
		return "organization/leaderForm";
	}

}
