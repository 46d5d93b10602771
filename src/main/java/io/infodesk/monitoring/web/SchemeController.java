package io.infodesk.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.AlertLevels;
import io.infodesk.monitoring.internal.Feedback;
import io.infodesk.monitoring.internal.Items;
import io.infodesk.monitoring.internal.Scheme;
import io.infodesk.monitoring.internal.SchemeInvalid;
import io.infodesk.monitoring.internal.Schemes;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * The office's keyword schemes (监测方案): the list with each scheme's precision from the 有效 / 误报 marks, the form
 * (refused in Chinese and nothing saved when a rule is broken), the level thresholds, and the Excel export.
 */
@Controller
@RequestMapping("/monitoring")
class SchemeController {

	/** A scheme as the list shows and exports it. */
	record SchemeRow(long id, String code, String name, String kind, String logic, int words, int weight,
			boolean enabled, String enabledText, Feedback.Precision precision) {

	}

	private static final String FORM = "monitoring/schemeForm";

	private final Schemes schemes;

	private final Feedback feedback;

	private final Texts texts;

	private final Clock clock;

	private final Items items;

	SchemeController(Schemes schemes, Feedback feedback, Texts texts, Clock clock, Items items) {
		this.items = items;
		this.schemes = schemes;
		this.feedback = feedback;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder("schemeForm")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("topics")
	Topic[] topics() {
		return Topic.values();
	}

	@ModelAttribute("logics")
	Scheme.Logic[] logics() {
		return Scheme.Logic.values();
	}

	@GetMapping("/schemes")
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showSchemes(Model model) {
		model.addAttribute("rows", rows());
		model.addAttribute("levels", schemes.levels());
		return "monitoring/schemeList";
	}

	@GetMapping("/schemes/export")
	@PreAuthorize("hasAuthority('monitoring:view')")
	ResponseEntity<byte[]> exportSchemes() {
		List<ExcelExporter.Column<SchemeRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("monitoring.scheme.code"), SchemeRow::code),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.name"), SchemeRow::name),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.kind"), SchemeRow::kind),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.logic"), SchemeRow::logic),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.words"), SchemeRow::words),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.weight"), SchemeRow::weight),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.enabled"), SchemeRow::enabledText),
				ExcelExporter.Column.of(texts.get("monitoring.scheme.precision"), r -> r.precision().text()));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("monitoring.menu.schemes"), rows());
		return ExcelDownload.of(texts.get("monitoring.scheme.fileName", LocalDate.now(clock)), "schemes.xlsx", xlsx);
	}

	@GetMapping("/schemes/new")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("schemeForm", new SchemeForm());
		model.addAttribute("schemeId", null);
		return FORM;
	}

	@PostMapping("/schemes/new")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processCreationForm(@ModelAttribute("schemeForm") SchemeForm form, BindingResult result, Model model,
			@RequestParam(required = false) String preview, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			result.reject("monitoring.scheme.error.input");
			return FORM;
		}
		try {
			if (preview != null) {
				return preview(form.toScheme(null), model);
			}
			schemes.create(form.toScheme(null));
		}
		catch (SchemeInvalid refused) {
			result.reject(refused.messageKey(), refused.args(), refused.messageKey());
			model.addAttribute("schemeId", null);
			return FORM;
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.scheme.saved"));
		return "redirect:/monitoring/schemes";
	}

	@GetMapping("/schemes/{schemeId}/edit")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String initUpdateForm(@PathVariable long schemeId, Model model) {
		Scheme scheme = schemes.find(schemeId).orElseThrow(() -> new SchemeInvalid("monitoring.scheme.error.notFound"));
		model.addAttribute("schemeForm", SchemeForm.of(scheme));
		model.addAttribute("schemeId", schemeId);
		return FORM;
	}

	@PostMapping("/schemes/{schemeId}/edit")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processUpdateForm(@PathVariable long schemeId, @ModelAttribute("schemeForm") SchemeForm form,
			BindingResult result, Model model, @RequestParam(required = false) String preview,
			RedirectAttributes redirect) {
		model.addAttribute("schemeId", schemeId);
		if (result.hasErrors()) {
			result.reject("monitoring.scheme.error.input");
			return FORM;
		}
		try {
			if (preview != null) {
				return preview(form.toScheme(schemeId), model);
			}
			schemes.update(schemeId, form.toScheme(schemeId));
		}
		catch (SchemeInvalid refused) {
			result.reject(refused.messageKey(), refused.args(), refused.messageKey());
			return FORM;
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.scheme.saved"));
		return "redirect:/monitoring/schemes";
	}

	@PostMapping("/levels")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processLevels(@RequestParam(required = false) Integer larger, @RequestParam(required = false) Integer major,
			@RequestParam(required = false) Integer severe, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/monitoring/schemes", "monitoring.levels.saved", () -> {
			if (larger == null || major == null || severe == null) {
				throw new SchemeInvalid("monitoring.levels.error.order");
			}
			schemes.updateLevels(new AlertLevels(larger, major, severe));
		});
	}

	/**
	 * The preview before saving (issue 14 point 4): how many stored items the scheme as written would match
	 * (applied as if enabled); nothing is saved. A scheme breaking a rule is refused as on saving.
	 */
	private String preview(Scheme scheme, Model model) {
		scheme.validate();
		Scheme enabled = new Scheme(scheme.id(), scheme.code(), scheme.name(), scheme.relevant(), scheme.topic(),
				scheme.classNo(), scheme.logic(), scheme.proximity(), scheme.weight(), scheme.region(), scheme.subject(),
				scheme.event(), scheme.exclusion(), true);
		model.addAttribute("previewMatches", items.wouldMatch(List.of(enabled)));
		model.addAttribute("previewTotal", items.count());
		return FORM;
	}

	private List<SchemeRow> rows() {
		var precisions = feedback.precisionBySchemeName();
		return schemes.all().stream()
			.map(s -> new SchemeRow(s.id(), s.code(), s.name(), kind(s),
					texts.get("monitoring.scheme.logic." + s.logic().name()), s.wordCount(), s.weight(), s.enabled(),
					texts.get(s.enabled() ? "monitoring.scheme.on" : "monitoring.scheme.off"),
					precisions.getOrDefault(s.name(), Feedback.Precision.NONE)))
			.toList();
	}

	private String kind(Scheme s) {
		if (s.topic() != null) {
			return texts.get("monitoring.scheme.kind.topic", texts.get("monitoring.topic." + s.topic().name()));
		}
		if (s.classNo() != null) {
			return texts.get("monitoring.scheme.kind.class", s.classNo(), texts.get("monitoring.class." + s.classNo()));
		}
		return texts.get(s.relevant() ? "monitoring.scheme.kind.domain" : "monitoring.scheme.kind.custom");
	}

}
