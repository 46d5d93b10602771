package io.infodesk.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.PublicistForm;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.Unit;
import io.infodesk.organization.Units;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Information publicists (信息宣传员) per unit, current and past: list, export, designate with a
 * start date, end (S2-a, S4-b). Units in scope without a current publicist are pointed out.
 */
@Controller
@RequestMapping("/org/publicists")
class PublicistController {

	private final Publicists publicists;

	private final Units units;

	private final People people;

	private final OrgRows rows;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final RowActions rowActions;

	private final Clock clock;

	PublicistController(Publicists publicists, Units units, People people, OrgRows rows, DataScopes dataScopes,
			Texts texts, RowActions rowActions, Clock clock) {
		this.publicists = publicists;
		this.units = units;
		this.people = people;
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
	String showPublicistList(@ModelAttribute("filter") AssignmentFilter filter,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<PublicistDesignation> result = publicists.search(filter, scope, ListSupport.page(page));
		ListSupport.addPage(model, result, rows.publicists(result.getContent()), ListSupport.Links.of("/org/publicists", request));
		List<Unit> inScope = units.assignableIn(scope);
		model.addAttribute("units", inScope);
		model.addAttribute("unitsWithout", withoutPublicist(inScope));
		return ListSupport.view(request, response, "organization/fragments :: publicistTable",
				"organization/publicistList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('org:view')")
	ResponseEntity<byte[]> exportPublicistList(AssignmentFilter filter) {
		List<OrgRows.PublicistRow> list = rows.publicists(publicists.list(filter, dataScopes.current()));
		byte[] xlsx = ExcelExporter.forRows(OrgRows.PublicistRow.class).export(texts.get("publicist.list.title"), list);
		return ExcelDownload.of(texts.get("publicist.export.fileName"), "publicists.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('org:publicist:edit')")
	String initCreationForm(@RequestParam(required = false) Long unitId, Model model) {
		model.addAttribute("publicistForm", new PublicistForm(unitId, null, LocalDate.now(clock), null));
		return showForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('org:publicist:edit')")
	String processCreationForm(@Valid PublicistForm publicistForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return rowActions.submit(result, redirect, () -> showForm(model), () -> {
			dataScopes.check(publicistForm.unitId());
			publicists.designate(publicistForm);
			Person person = people.get(publicistForm.personId());
			return texts.get("publicist.designated", person.getName());
		}, "/org/publicists");
	}

	@PostMapping("/{designationId}/end")
	@PreAuthorize("hasAuthority('org:publicist:edit')")
	String processEnd(@PathVariable long designationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			RedirectAttributes redirect) {
		PublicistDesignation designation = publicists.get(designationId);
		dataScopes.check(designation.getUnitId());
		LocalDate day = endDate == null ? LocalDate.now(clock) : endDate;
		rowActions.runAndFlash(redirect, () -> publicists.end(designationId, day), "publicist.ended");
		return "redirect:/org/publicists";
	}

	private String showForm(Model model) {
		DataScope scope = dataScopes.current();
		List<Unit> active = units.assignableIn(scope).stream().filter(Unit::isActive).toList();
		Map<Long, List<Person>> members = people.activeIn(scope)
			.stream()
			.collect(Collectors.groupingBy(Person::getUnitId, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("units", active);
		model.addAttribute("members", members);
		return "organization/publicistForm";
	}

	private List<Unit> withoutPublicist(List<Unit> inScope) {
		Set<Long> covered = publicists.current()
			.stream()
			.map(PublicistDesignation::getUnitId)
			.collect(Collectors.toSet());
		return inScope.stream().filter(unit -> unit.isActive() && !covered.contains(unit.getId())).toList();
	}

}
