package io.infodesk.reporting.bulletin.web;

import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.reporting.bulletin.PeriodicalForm;
import io.infodesk.reporting.bulletin.Periodicals;
import io.infodesk.reporting.web.Directory;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Texts;

/** The periodicals the office edits (《住建信息》, 《信息专报》): list, new, edit (S3.1-d). */
@Controller
@RequestMapping("/reporting/periodicals")
class PeriodicalController {

	private static final String FORM = "reporting/bulletin/periodicalForm";

	private final Periodicals periodicals;

	private final Directory directory;

	private final Texts texts;

	PeriodicalController(Periodicals periodicals, Directory directory, Texts texts) {
		this.periodicals = periodicals;
		this.directory = directory;
		this.texts = texts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String showPeriodicalList(Model model) {
		model.addAttribute("periodicals", periodicals.all());
		model.addAttribute("unitNames", directory.unitNames());
		return "reporting/bulletin/periodicalList";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String initCreationForm(Model model) {
		model.addAttribute("periodicalForm", PeriodicalForm.blank(CurrentUser.require().unitId()));
		return showForm(null, model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processCreationForm(@Valid @ModelAttribute("periodicalForm") PeriodicalForm periodicalForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			Periodical periodical = periodicals.create(periodicalForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.periodical.created", periodical.getName()));
			return "redirect:/reporting/periodicals";
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(null, model);
		}
	}

	@GetMapping("/{periodicalId}/edit")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String initUpdateForm(@PathVariable long periodicalId, Model model) {
		Periodical periodical = periodicals.get(periodicalId);
		model.addAttribute("periodicalForm", PeriodicalForm.of(periodical));
		return showForm(periodical, model);
	}

	@PostMapping("/{periodicalId}/edit")
	@PreAuthorize("hasAuthority('reporting:bulletin')")
	String processUpdateForm(@PathVariable long periodicalId,
			@Valid @ModelAttribute("periodicalForm") PeriodicalForm periodicalForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Periodical periodical = periodicals.get(periodicalId);
		if (result.hasErrors()) {
			return showForm(periodical, model);
		}
		try {
			Periodical saved = periodicals.update(periodicalId, periodicalForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.periodical.updated", saved.getName()));
			return "redirect:/reporting/periodicals";
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return showForm(periodical, model);
		}
	}

	private String showForm(Periodical periodical, Model model) {
		model.addAttribute("periodical", periodical);
		model.addAttribute("units", directory.unitsIn(DataScope.all()));
		return FORM;
	}

}
