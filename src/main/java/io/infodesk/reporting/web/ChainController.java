package io.infodesk.reporting.web;

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

import io.infodesk.organization.Unit;
import io.infodesk.reporting.Bulletin;
import io.infodesk.reporting.InformationItem;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReviewChainSetting;
import io.infodesk.reporting.ReviewChains;
import io.infodesk.reporting.ReviewRole;
import io.infodesk.reporting.ReviewTrack;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/** Review chains of information items per unit and track (S3.1-b): the bureau-wide chain and each unit's own. */
@Controller
@RequestMapping("/reporting/chains")
class ChainController {

	static final String TYPE = InformationItem.DOCUMENT_TYPE;

	/** The documents whose chains this page sets: items per unit and track; bulletins bureau-wide (the office's). */
	static final List<String> DOCUMENTS = List.of(InformationItem.DOCUMENT_TYPE, Bulletin.DOCUMENT_TYPE);

	/** A line of the settings page: the unit (null: bureau-wide) and its chains. */
	record ChainRow(Long unitId, String unitName, List<ReviewRole> normal, boolean ownNormal, List<ReviewRole> urgent,
			boolean ownUrgent) {

	}

	private final ReviewChains reviewChains;

	private final Directory directory;

	private final Texts texts;

	ChainController(ReviewChains reviewChains, Directory directory, Texts texts) {
		this.reviewChains = reviewChains;
		this.directory = directory;
		this.texts = texts;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('reporting:settings')")
	String showChains(Model model) {
		List<ChainRow> rows = new ArrayList<>();
		long bureau = ReviewChainSetting.BUREAU_WIDE;
		rows.add(new ChainRow(bureau, texts.get("reporting.chain.bureauWide"),
				reviewChains.stepsFor(TYPE, bureau, ReviewTrack.NORMAL), true,
				reviewChains.stepsFor(TYPE, bureau, ReviewTrack.URGENT), true));
		for (Unit unit : directory.unitsIn(io.infodesk.shared.security.DataScope.all())) {
			rows.add(new ChainRow(unit.getId(), unit.getName(),
					reviewChains.stepsFor(TYPE, unit.getId(), ReviewTrack.NORMAL),
					reviewChains.configuredFor(TYPE, unit.getId(), ReviewTrack.NORMAL),
					reviewChains.stepsFor(TYPE, unit.getId(), ReviewTrack.URGENT),
					reviewChains.configuredFor(TYPE, unit.getId(), ReviewTrack.URGENT)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("bulletinSteps",
				reviewChains.stepsFor(Bulletin.DOCUMENT_TYPE, bureau, ReviewTrack.NORMAL));
		model.addAttribute("bulletinOwn", reviewChains.configuredFor(Bulletin.DOCUMENT_TYPE, bureau, ReviewTrack.NORMAL));
		return "reporting/chainList";
	}

	@GetMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String initChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(defaultValue = TYPE) String document, Model model) {
		checkDocument(document, unitId, track);
		return showForm(document, unitId, track, reviewChains.stepsFor(document, unitId, track), null, model);
	}

	@PostMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(defaultValue = TYPE) String document,
			@RequestParam(name = "steps", required = false) List<String> steps, Model model,
			RedirectAttributes redirect) {
		checkDocument(document, unitId, track);
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
		catch (ReportingException refused) {
			return showForm(document, unitId, track, chosen, texts.get(refused.messageKey(), refused.args()), model);
		}
	}

	@PostMapping("/{unitId}/reset")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processReset(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(defaultValue = TYPE) String document, RedirectAttributes redirect) {
		checkDocument(document, unitId, track);
		reviewChains.resetToDefault(document, unitId, track, CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("reporting.chain.resetDone"));
		return "redirect:/reporting/chains";
	}

	/** Items: any unit and track; bulletins: the bureau-wide normal chain only (the office compiles them all). */
	private static void checkDocument(String document, long unitId, ReviewTrack track) {
		if (!DOCUMENTS.contains(document) || document.equals(Bulletin.DOCUMENT_TYPE)
				&& (unitId != ReviewChainSetting.BUREAU_WIDE || track != ReviewTrack.NORMAL)) {
			throw ReportingException.of("reporting.chain.document.invalid");
		}
	}

	private String showForm(String document, long unitId, ReviewTrack track, List<ReviewRole> steps, String error,
			Model model) {
		String unitName = unitId == ReviewChainSetting.BUREAU_WIDE ? texts.get("reporting.chain.bureauWide")
				: directory.unit(unitId).map(Unit::getName).orElseThrow(() -> ReportingException.of("reporting.item.unit.unknown"));
		List<ReviewRole> slots = new ArrayList<>(steps);
		while (slots.size() < ReviewRole.values().length) {
			slots.add(null);
		}
		model.addAttribute("document", document);
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitName", document.equals(Bulletin.DOCUMENT_TYPE) ? texts.get("reporting.chain.bulletin.title")
				: unitName);
		model.addAttribute("track", track);
		model.addAttribute("slots", slots);
		model.addAttribute("roles", ReviewRole.values());
		model.addAttribute("error", error);
		return "reporting/chainForm";
	}

}
