package io.infodesk.reporting.outcome.web;

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

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.outcome.BodyForm;
import io.infodesk.reporting.outcome.ReportingBody;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.reporting.web.LenientBinding;
import io.infodesk.review.ReviewException;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/** The directory of bodies the bureau reports to and receives solicitations from (区委办, 市住建局 …). */
@Controller
@RequestMapping("/reporting/bodies")
class BodyController {

	private static final String FORM = "reporting/outcome/bodyForm";

	private final Solicitations solicitations;

	private final Texts texts;

	BodyController(Solicitations solicitations, Texts texts) {
		this.solicitations = solicitations;
		this.texts = texts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
		LenientBinding.register(binder, AdministrativeLevel.class);
	}

	@ModelAttribute("levels")
	AdministrativeLevel[] levels() {
		return AdministrativeLevel.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:settings')")
	String showBodyList(Model model) {
		model.addAttribute("bodies", solicitations.bodies());
		return "reporting/outcome/bodyList";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String initCreationForm(Model model) {
		model.addAttribute("bodyForm", BodyForm.blank());
		model.addAttribute("body", null);
		return FORM;
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processCreationForm(@Valid @ModelAttribute("bodyForm") BodyForm bodyForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("body", null);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			ReportingBody body = solicitations.createBody(bodyForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.body.created", body.getName()));
			return "redirect:/reporting/bodies";
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return FORM;
		}
	}

	@GetMapping("/{bodyId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String initUpdateForm(@PathVariable long bodyId, Model model) {
		ReportingBody body = solicitations.body(bodyId);
		model.addAttribute("body", body);
		model.addAttribute("bodyForm", BodyForm.of(body));
		return FORM;
	}

	@PostMapping("/{bodyId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processUpdateForm(@PathVariable long bodyId, @Valid @ModelAttribute("bodyForm") BodyForm bodyForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("body", solicitations.body(bodyId));
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			solicitations.updateBody(bodyId, bodyForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.body.updated", bodyForm.name()));
			return "redirect:/reporting/bodies";
		}
		catch (ReportingException | ReviewException refused) {
			FormErrors.reject(result, refused);
			return FORM;
		}
	}

	@PostMapping("/{bodyId}/deactivate")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processDeactivation(@PathVariable long bodyId, RedirectAttributes redirect) {
		solicitations.setBodyActive(bodyId, false, CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("reporting.body.deactivated"));
		return "redirect:/reporting/bodies";
	}

	@PostMapping("/{bodyId}/activate")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processActivation(@PathVariable long bodyId, RedirectAttributes redirect) {
		solicitations.setBodyActive(bodyId, true, CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("reporting.body.activated"));
		return "redirect:/reporting/bodies";
	}

}
