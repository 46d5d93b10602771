package io.infodesk.review.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.review.ReviewChainSetting;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.ReviewableDocuments;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The review chains (S3.1-b): for the document type whose chains are set per unit (information items), the
 * bureau-wide chain and each unit's own per track; for a type reviewed bureau-wide only (bulletins, compiled by
 * the office), its one chain. The types are the {@link ReviewableDocuments} beans of the owning modules.
 */
@Controller
@RequestMapping("/reporting/chains")
class ChainController {

	/** A line of the settings page: the unit (null: bureau-wide) and its chains. */
	record ChainRow(Long unitId, String unitName, List<ReviewRole> normal, boolean ownNormal, List<ReviewRole> urgent,
			boolean ownUrgent) {

	}

	private final ReviewChains reviewChains;

	private final Organization organization;

	private final Texts texts;

	ChainController(ReviewChains reviewChains, Organization organization, Texts texts) {
		this.reviewChains = reviewChains;
		this.organization = organization;
		this.texts = texts;
	}

	/** The type whose chains are set per unit (the page's table). */
	private String unitType() {
		return reviewChains.types().stream().filter(ReviewableDocuments::chainPerUnit).findFirst()
			.map(ReviewableDocuments::type).orElseThrow();
	}

	/** The type reviewed bureau-wide only (the page's second card). */
	private String bureauType() {
		return reviewChains.types().stream().filter(type -> !type.chainPerUnit()).findFirst()
			.map(ReviewableDocuments::type).orElseThrow();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:settings')")
	String showChains(Model model) {
		String type = unitType();
		String bureauType = bureauType();
		List<ChainRow> rows = new ArrayList<>();
		long bureau = ReviewChainSetting.BUREAU_WIDE;
		rows.add(new ChainRow(bureau, texts.get("reporting.chain.bureauWide"),
				reviewChains.stepsFor(type, bureau, ReviewTrack.NORMAL), true,
				reviewChains.stepsFor(type, bureau, ReviewTrack.URGENT), true));
		for (Unit unit : organization.activeUnits()) {
			rows.add(new ChainRow(unit.getId(), unit.getName(),
					reviewChains.stepsFor(type, unit.getId(), ReviewTrack.NORMAL),
					reviewChains.configuredFor(type, unit.getId(), ReviewTrack.NORMAL),
					reviewChains.stepsFor(type, unit.getId(), ReviewTrack.URGENT),
					reviewChains.configuredFor(type, unit.getId(), ReviewTrack.URGENT)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("bureauDocument", bureauType);
		model.addAttribute("bulletinSteps", reviewChains.stepsFor(bureauType, bureau, ReviewTrack.NORMAL));
		model.addAttribute("bulletinOwn", reviewChains.configuredFor(bureauType, bureau, ReviewTrack.NORMAL));
		return "review/chainList";
	}

	@GetMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String initChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(required = false) String document, Model model) {
		document = checkDocument(document, unitId, track);
		return showForm(document, unitId, track, reviewChains.stepsFor(document, unitId, track), null, model);
	}

	@PostMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(required = false) String document,
			@RequestParam(name = "steps", required = false) List<String> steps, Model model,
			RedirectAttributes redirect) {
		document = checkDocument(document, unitId, track);
		List<ReviewRole> chosen = new ArrayList<>();
		if (steps != null) {
			for (String step : steps) {
				if (step != null && !step.isBlank()) {
					chosen.add(ReviewRole.valueOf(step));
				}
			}
		}
		try {
			reviewChains.configure(document, unitId, track, chosen, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.chain.saved"));
			return "redirect:/reporting/chains";
		}
		catch (ReviewException refused) {
			return showForm(document, unitId, track, chosen, texts.get(refused.messageKey(), refused.args()), model);
		}
	}

	@PostMapping("/{unitId}/reset")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processReset(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(required = false) String document, RedirectAttributes redirect) {
		document = checkDocument(document, unitId, track);
		reviewChains.resetToDefault(document, unitId, track, CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("reporting.chain.resetDone"));
		return "redirect:/reporting/chains";
	}

	/**
	 * The document type asked for (none: the per-unit type). Per-unit types (items): any unit and track;
	 * bureau-only types (bulletins): the bureau-wide normal chain only (the office compiles them all).
	 */
	private String checkDocument(String document, long unitId, ReviewTrack track) {
		String type = document == null ? unitType() : document;
		ReviewableDocuments documents = reviewChains.types().stream().filter(t -> t.type().equals(type)).findFirst()
			.orElseThrow(() -> ReviewException.of("reporting.chain.document.invalid"));
		if (!documents.chainPerUnit() && (unitId != ReviewChainSetting.BUREAU_WIDE || track != ReviewTrack.NORMAL)) {
			throw ReviewException.of("reporting.chain.document.invalid");
		}
		return type;
	}

	private String showForm(String document, long unitId, ReviewTrack track, List<ReviewRole> steps, String error,
			Model model) {
		String unitName = unitId == ReviewChainSetting.BUREAU_WIDE ? texts.get("reporting.chain.bureauWide")
				: organization.unit(unitId).map(Unit::getName).orElseThrow(() -> ReviewException.of("reporting.item.unit.unknown"));
		List<ReviewRole> slots = new ArrayList<>(steps);
		while (slots.size() < ReviewRole.values().length) {
			slots.add(null);
		}
		model.addAttribute("document", document);
		model.addAttribute("unitId", unitId);
		boolean perUnit = document.equals(unitType());
		model.addAttribute("perUnit", perUnit);
		model.addAttribute("unitName", perUnit ? unitName : texts.get("reporting.chain.bulletin.title"));
		model.addAttribute("track", track);
		model.addAttribute("slots", slots);
		model.addAttribute("roles", ReviewRole.values());
		model.addAttribute("error", error);
		return "review/chainForm";
	}

}
