package io.infodesk.publicity.web;

import java.util.ArrayList;
import java.util.List;

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

import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlet;
import io.infodesk.publicity.OutletForm;
import io.infodesk.publicity.Outlets;
import io.infodesk.publicity.PublicityException;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FormErrors;

/** The media directory (媒体名录): every outlet by tier; contacts only for the office and leaders; the office edits. */
@Controller
@RequestMapping("/publicity/media")
class OutletController {

	private static final String FORM = "publicity/outletForm";

	private final Outlets outlets;

	private final Texts texts;

	OutletController(Outlets outlets, Texts texts) {
		this.outlets = outlets;
		this.texts = texts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("tiers")
	MediaTier[] tiers() {
		return MediaTier.values();
	}

	@ModelAttribute("outletKinds")
	Outlet.Kind[] kinds() {
		return Outlet.Kind.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showDirectory(Model model) {
		model.addAttribute("outlets", outlets.all());
		model.addAttribute("showContacts", CurrentUser.require().can(io.infodesk.shared.security.Permissions.PUBLICITY_MEDIA_CONTACTS));
		return "publicity/outletList";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('publicity:media:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("outletForm", OutletForm.blank());
		return FORM;
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('publicity:media:manage')")
	String processCreationForm(@Valid @ModelAttribute("outletForm") OutletForm outletForm, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			outlets.create(outletForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.outlet.saved"));
			return "redirect:/publicity/media";
		}
		catch (PublicityException refused) {
			FormErrors.reject(result, refused);
			return FORM;
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('publicity:media:manage')")
	String initUpdateForm(@PathVariable long id, Model model) {
		Outlet outlet = outlets.get(id);
		List<OutletForm.ContactEntry> contacts = new ArrayList<>(outlet.getContacts()
			.stream()
			.map(c -> new OutletForm.ContactEntry(c.getName(), c.getRole(), c.getPhone(), c.getEmail()))
			.toList());
		contacts.add(new OutletForm.ContactEntry("", "", "", ""));
		model.addAttribute("outletForm", new OutletForm(outlet.getName(), outlet.getTier(), outlet.getKind(),
				outlet.getNote(), contacts));
		model.addAttribute("outletId", id);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('publicity:media:manage')")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("outletForm") OutletForm outletForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("outletId", id);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			outlets.update(id, outletForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.outlet.saved"));
			return "redirect:/publicity/media";
		}
		catch (PublicityException refused) {
			FormErrors.reject(result, refused);
			return FORM;
		}
	}

}
