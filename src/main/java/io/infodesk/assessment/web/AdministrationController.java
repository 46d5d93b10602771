package io.infodesk.assessment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.assessment.AdjustmentForm;
import io.infodesk.assessment.Adjustments;
import io.infodesk.assessment.AssessmentException;
import io.infodesk.assessment.AssessmentSettings;
import io.infodesk.assessment.Quotas;
import io.infodesk.assessment.Recomputations;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * What the office and the leaders do with the ledger (issue 4 point 3, 4): manual adjustments proposed by the
 * office and decided by a leader; recomputation of a period with its differences shown before they are applied;
 * closing a month (quota); annual targets and grade thresholds. Bad input: a Chinese message, nothing saved.
 */
@Controller
class AdministrationController {

	private final Adjustments adjustments;

	private final Recomputations recomputations;

	private final Quotas quotas;

	private final AssessmentSettings settings;

	private final Organization organization;

	private final Texts texts;

	private final Clock clock;

	AdministrationController(Adjustments adjustments, Recomputations recomputations, Quotas quotas,
			AssessmentSettings settings, Organization organization, Texts texts, Clock clock) {
		this.adjustments = adjustments;
		this.recomputations = recomputations;
		this.quotas = quotas;
		this.settings = settings;
		this.organization = organization;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	// ---- adjustments

	@GetMapping("/assessment/adjustments")
	@PreAuthorize("hasAnyAuthority('assessment:manage', 'assessment:approve')")
	String adjustments(Model model) {
		model.addAttribute("form", new AdjustmentForm(null, null, null, null, LocalDate.now(clock)));
		return adjustmentPage(model);
	}

	@PostMapping("/assessment/adjustments")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String requestAdjustment(@Valid @ModelAttribute("form") AdjustmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return adjustmentPage(model);
		}
		try {
			adjustments.request(form, CurrentUser.require());
		}
		catch (AssessmentException ex) {
			result.rejectValue(ex.field().orElse("reason"), ex.messageKey(), ex.args(), ex.messageKey());
			return adjustmentPage(model);
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("assessment.adjustment.requested"));
		return "redirect:/assessment/adjustments";
	}

	@PostMapping("/assessment/adjustments/{adjustmentId}/approve")
	@PreAuthorize("hasAuthority('assessment:approve')")
	String approve(@PathVariable long adjustmentId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return decide(() -> adjustments.approve(adjustmentId, note, CurrentUser.require()),
				"assessment.adjustment.approved", redirect);
	}

	@PostMapping("/assessment/adjustments/{adjustmentId}/reject")
	@PreAuthorize("hasAuthority('assessment:approve')")
	String reject(@PathVariable long adjustmentId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return decide(() -> adjustments.reject(adjustmentId, note, CurrentUser.require()),
				"assessment.adjustment.rejected", redirect);
	}

	private String decide(Runnable decision, String message, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/assessment/adjustments", message, decision);
	}

	private String adjustmentPage(Model model) {
		List<Unit> units = reportingUnits();
		model.addAttribute("units", units);
		model.addAttribute("unitNames", units.stream().collect(Collectors.toMap(Unit::getId, Unit::getName)));
		model.addAttribute("people", units.stream()
			.flatMap(unit -> organization.peopleOf(unit.getId()).stream())
			.filter(p -> p.isActive())
			.toList());
		model.addAttribute("personNames", units.stream()
			.flatMap(unit -> organization.peopleOf(unit.getId()).stream())
			.collect(Collectors.toMap(p -> p.getId(), p -> p.getName(), (a, b) -> a)));
		model.addAttribute("adjustments", adjustments.all());
		return "assessment/adjustments";
	}

	// ---- recomputation

	@GetMapping("/assessment/recompute")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String recompute(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from != null ? from : today.withDayOfYear(1);
		LocalDate end = to != null ? to : today;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		if (from != null && to != null) {
			try {
				model.addAttribute("preview", recomputations.preview(start, end));
			}
			catch (AssessmentException ex) {
				model.addAttribute("flashError", texts.get(ex.messageKey(), ex.args()));
			}
		}
		model.addAttribute("unitNames", organization.activeUnits().stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName)));
		return "assessment/recompute";
	}

	@PostMapping("/assessment/recompute")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String applyRecompute(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			RedirectAttributes redirect) {
		String page = from == null || to == null ? "/assessment/recompute"
				: "/assessment/recompute?from=" + from + "&to=" + to;
		return FlashActions.run(texts, redirect, page, () -> {
			Recomputations.Preview applied = recomputations.apply(from, to);
			return texts.get("assessment.recompute.applied", applied.differences().size(), applied.delta());
		});
	}

	// ---- settings: targets, grades, month close

	@GetMapping("/assessment/settings")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String settings(@RequestParam(required = false) Integer year, Model model) {
		int y = year != null ? year : LocalDate.now(clock).getYear();
		Map<Long, BigDecimal> targets = settings.targets(y);
		model.addAttribute("year", y);
		model.addAttribute("units", reportingUnits());
		model.addAttribute("targets", targets);
		model.addAttribute("defaultTarget", AssessmentSettings.DEFAULT_TARGET);
		model.addAttribute("thresholds", settings.thresholds());
		YearMonth last = YearMonth.now(clock).minusMonths(1);
		model.addAttribute("lastMonth", last);
		model.addAttribute("lastMonthClosed", quotas.isClosed(last));
		return "assessment/settings";
	}

	@PostMapping("/assessment/settings/targets")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String setTarget(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) BigDecimal points, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, year == null ? "/assessment/settings" : "/assessment/settings?year=" + year,
				"common.saved", () -> {
					Unit unit = (unitId == null ? Optional.<Unit>empty() : organization.unit(unitId))
						.orElseThrow(() -> AssessmentException.of("assessment.adjustment.unit.required"));
					if (year == null || year < 2000 || year > 2100) {
						throw AssessmentException.of("assessment.target.year");
					}
					settings.setTarget(unitId, unit.getName(), year, points);
				});
	}

	@PostMapping("/assessment/settings/grades")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String setGrades(@RequestParam(required = false) Integer excellent, @RequestParam(required = false) Integer good,
			@RequestParam(required = false) Integer fair, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/assessment/settings", "common.saved", () -> {
			if (excellent == null || good == null || fair == null) {
				throw AssessmentException.of("assessment.grades.order");
			}
			settings.setThresholds(new AssessmentSettings.Thresholds(excellent, good, fair));
		});
	}

	@PostMapping("/assessment/settings/close-month")
	@PreAuthorize("hasAuthority('assessment:manage')")
	String closeMonth(@RequestParam(required = false) String month, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/assessment/settings", () -> {
			YearMonth ym = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : parse(month);
			int entries = quotas.close(ym).size();
			return texts.get("assessment.quota.closed", ym.getYear(), ym.getMonthValue(), entries);
		});
	}

	private static YearMonth parse(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw AssessmentException.of("assessment.quota.month.invalid");
		}
	}

	private List<Unit> reportingUnits() {
		return organization.activeUnits().stream().filter(unit -> unit.getType() != UnitType.LEADERSHIP).toList();
	}

	static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
		return list.stream().collect(Collectors.toMap(id, t -> t));
	}

}
