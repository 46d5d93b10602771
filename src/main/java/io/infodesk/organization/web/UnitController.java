package io.infodesk.organization.web;

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

import io.infodesk.organization.ActiveStatus;
import io.infodesk.organization.People;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitFilter;
import io.infodesk.organization.UnitForm;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/** Units: list with filters, export, create, edit, deactivate and reactivate (S2-a). */
@Controller
@RequestMapping("/org/units")
class UnitController {

	private static final String FORM = "organization/unitForm";

	private final Units units;

	private final People people;

	private final OrgRows rows;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final RowActions rowActions;

	UnitController(Units units, People people, OrgRows rows, DataScopes dataScopes, Texts texts,
			RowActions rowActions) {
		this.units = units;
		this.people = people;
		this.rows = rows;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.rowActions = rowActions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("unitTypes")
	UnitType[] unitTypes() {
		return UnitType.values();
	}

	@ModelAttribute("statuses")
	ActiveStatus[] statuses() {
		return ActiveStatus.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('org:view')")
	String showUnitList(@ModelAttribute("filter") UnitFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Page<Unit> result = units.search(filter, dataScopes.current(), ListSupport.page(page));
		ListSupport.addPage(model, result, rows.units(result.getContent()), ListSupport.Links.of("/org/units", request));
		return ListSupport.view(request, response, "organization/fragments :: unitTable",
				"organization/unitList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('org:view')")
	ResponseEntity<byte[]> exportUnitList(UnitFilter filter) {
		List<OrgRows.UnitRow> list = rows.units(units.list(filter, dataScopes.current()));
		byte[] xlsx = ExcelExporter.forRows(OrgRows.UnitRow.class).export(texts.get("unit.list.title"), list);
		return ExcelDownload.of(texts.get("unit.export.fileName"), "units.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String initCreationForm(Model model) {
		model.addAttribute("unitForm", UnitForm.blank());
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String processCreationForm(@Valid UnitForm unitForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return rowActions.submit(result, redirect, () -> showForm(null, model), () -> {
			Unit unit = units.create(unitForm);
			return texts.get("unit.created", unit.getName());
		}, "/org/units");
	}

	@GetMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String initUpdateForm(@PathVariable long unitId, Model model) {
		Unit unit = units.get(unitId);
		dataScopes.check(unit.getId());
		model.addAttribute("unitForm", UnitForm.of(unit));
		return showForm(unit, model);
	}

	@PostMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String processUpdateForm(@PathVariable long unitId, @Valid UnitForm unitForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Unit unit = units.get(unitId);
		dataScopes.check(unit.getId());
		return rowActions.submit(result, redirect, () -> showForm(unit, model), () -> {
			units.update(unitId, unitForm);
			return texts.get("unit.updated", unitForm.name().strip());
		}, "/org/units");
	}

	@PostMapping("/{unitId}/deactivate")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String processDeactivation(@PathVariable long unitId, RedirectAttributes redirect) {
		Unit unit = units.get(unitId);
		dataScopes.check(unit.getId());
		rowActions.runAndFlash(redirect, () -> units.deactivate(unitId), "unit.deactivated", unit.getName());
		return "redirect:/org/units";
	}

	@PostMapping("/{unitId}/activate")
	@PreAuthorize("hasAuthority('org:unit:edit')")
	String processActivation(@PathVariable long unitId, RedirectAttributes redirect) {
		Unit unit = units.get(unitId);
		dataScopes.check(unit.getId());
		units.activate(unitId);
		redirect.addFlashAttribute("flashSuccess", texts.get("unit.activated", unit.getName()));
		return "redirect:/org/units?status=ALL";
	}

	private String showForm(Unit unit, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("parents", units.possibleParents(unit == null ? null : unit.getId()));
		model.addAttribute("members", unit == null ? List.of() : people.activeOf(unit.getId()));
		return FORM;
	}

}
