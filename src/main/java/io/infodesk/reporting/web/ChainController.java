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
		return "reporting/chainList";
	}

	@GetMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String initChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			Model model) {
		return showForm(unitId, track, reviewChains.stepsFor(TYPE, unitId, track), null, model);
	}

	@PostMapping("/{unitId}/edit")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processChainForm(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			@RequestParam(name = "steps", required = false) List<String> steps, Model model,
			RedirectAttributes redirect) {
		List<ReviewRole> chosen = new ArrayList<>();
		if (steps != null) {
			for (String step : steps) {
				if (step != null && !step.isBlank()) {
					chosen.add(ReviewRole.valueOf(step));
				}
			}
		}
		try {
			reviewChains.configure(TYPE, unitId, track, chosen, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("reporting.chain.saved"));
			return "redirect:/reporting/chains";
		}
		catch (ReportingException refused) {
			return showForm(unitId, track, chosen, texts.get(refused.messageKey(), refused.args()), model);
		}
	}

	@PostMapping("/{unitId}/reset")
	@PreAuthorize("hasAuthority('reporting:settings')")
	String processReset(@PathVariable long unitId, @RequestParam(defaultValue = "NORMAL") ReviewTrack track,
			RedirectAttributes redirect) {
		reviewChains.resetToDefault(TYPE, unitId, track, CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("reporting.chain.resetDone"));
		return "redirect:/reporting/chains";
	}

	private String showForm(long unitId, ReviewTrack track, List<ReviewRole> steps, String error, Model model) {
		String unitName = unitId == ReviewChainSetting.BUREAU_WIDE ? texts.get("reporting.chain.bureauWide")
				: directory.unit(unitId).map(Unit::getName).orElseThrow(() -> ReportingException.of("reporting.item.unit.unknown"));
		List<ReviewRole> slots = new ArrayList<>(steps);
		while (slots.size() < ReviewRole.values().length) {
			slots.add(null);
		}
		model.addAttribute("unitId", unitId);
		model.addAttribute("unitName", unitName);
		model.addAttribute("track", track);
		model.addAttribute("slots", slots);
		model.addAttribute("roles", ReviewRole.values());
		model.addAttribute("error", error);
		return "reporting/chainForm";
	}

}
