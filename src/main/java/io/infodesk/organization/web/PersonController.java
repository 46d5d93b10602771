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
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonFilter;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.Unit;
import io.infodesk.organization.Units;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/** People: list with filters, export, create, edit, deactivate and reactivate (S2-a, S3.6-c). */
@Controller
@RequestMapping("/org/people")
class PersonController {

	private static final String FORM = "organization/personForm";

	private final People people;

	private final Units units;

	private final OrgRows rows;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final RowActions rowActions;

	PersonController(People people, Units units, OrgRows rows, DataScopes dataScopes, Texts texts,
			RowActions rowActions) {
		this.people = people;
		this.units = units;
		this.rows = rows;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.rowActions = rowActions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("statuses")
	ActiveStatus[] statuses() {
		return ActiveStatus.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('org:view')")
	String showPersonList(@ModelAttribute("filter") PersonFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		DataScope scope = dataScopes.current();
		Page<Person> result = people.search(filter, scope, ListSupport.page(page));
		ListSupport.addPage(model, result, rows.people(result.getContent()), ListSupport.Links.of("/org/people", request));
		model.addAttribute("units", units.in(scope));
		return ListSupport.view(request, response, "organization/fragments :: personTable",
				"organization/personList");
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('org:view')")
	ResponseEntity<byte[]> exportPersonList(PersonFilter filter) {
		List<OrgRows.PersonRow> list = rows.people(people.list(filter, dataScopes.current()));
		byte[] xlsx = ExcelExporter.forRows(OrgRows.PersonRow.class).export(texts.get("person.list.title"), list);
		return ExcelDownload.of(texts.get("person.export.fileName"), "people.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String initCreationForm(@RequestParam(required = false) Long unitId, Model model) {
		Long preset = unitId != null ? unitId : CurrentUser.get().map(user -> user.unitId()).orElse(null);
		model.addAttribute("personForm", PersonForm.blank(preset));
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String processCreationForm(@Valid PersonForm personForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return rowActions.submit(result, redirect, () -> showForm(null, model), () -> {
			dataScopes.check(personForm.unitId());
			Person person = people.create(personForm);
			return texts.get("person.created", person.getName());
		}, "/org/people");
	}

	@GetMapping("/{personId}/edit")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String initUpdateForm(@PathVariable long personId, Model model) {
		Person person = people.get(personId);
		dataScopes.check(person.getUnitId());
		model.addAttribute("personForm", PersonForm.of(person));
		return showForm(person, model);
	}

	@PostMapping("/{personId}/edit")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String processUpdateForm(@PathVariable long personId, @Valid PersonForm personForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Person person = people.get(personId);
		dataScopes.check(person.getUnitId());
		return rowActions.submit(result, redirect, () -> showForm(person, model), () -> {
			dataScopes.check(personForm.unitId());
			people.update(personId, personForm);
			return texts.get("person.updated", personForm.name().strip());
		}, "/org/people");
	}

	@PostMapping("/{personId}/deactivate")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String processDeactivation(@PathVariable long personId, RedirectAttributes redirect) {
		Person person = people.get(personId);
		dataScopes.check(person.getUnitId());
		people.deactivate(personId);
		redirect.addFlashAttribute("flashSuccess", texts.get("person.deactivated", person.getName()));
		return "redirect:/org/people";
	}

	@PostMapping("/{personId}/activate")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String processActivation(@PathVariable long personId, RedirectAttributes redirect) {
		Person person = people.get(personId);
		dataScopes.check(person.getUnitId());
		rowActions.runAndFlash(redirect, () -> people.activate(personId), "person.activated", person.getName());
		return "redirect:/org/people?status=ALL";
	}

	private String showForm(Person person, Model model) {
		model.addAttribute("person", person);
		List<Unit> choices = units.in(dataScopes.current()).stream()
			.filter(unit -> unit.isActive() || (person != null && unit.getId().equals(person.getUnitId())))
			.toList();
		model.addAttribute("units", choices);
		return FORM;
	}

}
