package io.infodesk.monitoring.web;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.InputStreamSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.monitoring.MatchResult;
import io.infodesk.monitoring.internal.Fetcher;
import io.infodesk.monitoring.internal.Items;
import io.infodesk.monitoring.internal.Matching;
import io.infodesk.monitoring.internal.SchemeInvalid;
import io.infodesk.monitoring.internal.Source;
import io.infodesk.monitoring.internal.Sources;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.excel.ExcelReader;
import io.infodesk.shared.excel.ExcelSheet;
import io.infodesk.shared.text.Texts;

/**
 * The sources (信息源, issue 14 point 1): the list with each source's health (last status, failures in a row,
 * unhealthy flag, next fetch), the form for feeds and HTML list pages, "test this source" (fetches the address of
 * the form now and shows what would be extracted and how it would match, storing nothing), "fetch soon" (the job
 * fetches it at its next run: the page never waits for a fetch), and the source list exported and imported as
 * Excel with the same columns. Sources are bureau-wide configuration: no unit data scope applies.
 */
@Controller
@RequestMapping("/monitoring/sources")
class SourceController {

	/** How many extracted entries the test shows. */
	static final int PREVIEW_LIMIT = 30;

	/** One extracted entry as the test shows it, with how the schemes would match it. */
	record PreviewRow(String title, String url, LocalDateTime published, String summary, String level,
			String levelLabel, String colour, List<String> topics, String words) {

	}

	private static final String FORM = "monitoring/sourceForm";

	private final Sources sources;

	private final Matching matching;

	private final ExcelReader excel;

	private final Texts texts;

	private final Clock clock;

	SourceController(Sources sources, Matching matching, ExcelReader excel, Texts texts, Clock clock) {
		this.sources = sources;
		this.matching = matching;
		this.excel = excel;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder("sourceForm")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("kinds")
	Source.Kind[] kinds() {
		return Source.Kind.values();
	}

	@ModelAttribute("formats")
	Source.Format[] formats() {
		return Source.Format.values();
	}

	@GetMapping
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showSources(Model model) {
		List<Source> all = sources.all();
		model.addAttribute("rows", all);
		model.addAttribute("unhealthy", all.stream().filter(s -> !s.healthy()).count());
		model.addAttribute("headers", headers());
		java.util.Map<Long, LocalDateTime> next = new java.util.HashMap<>();
		all.stream().filter(s -> s.nextFetchAt() != null)
			.forEach(s -> next.put(s.id(), LocalDateTime.ofInstant(s.nextFetchAt(), clock.getZone())));
		model.addAttribute("nextFetch", next);
		return "monitoring/sourceList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('monitoring:view')")
	ResponseEntity<byte[]> exportSources() {
		List<List<String>> rows = sources.all().stream().map(this::cells).toList();
		byte[] xlsx = ExcelExporter.table(texts.get("monitoring.menu.sources"), headers(), rows);
		return ExcelDownload.of(texts.get("monitoring.source.fileName", LocalDate.now(clock)), "sources.xlsx", xlsx);
	}

	@PostMapping("/import")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String processImport(@RequestParam(value = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		long size = file == null ? 0 : file.getSize();
		InputStreamSource content = file != null ? file : InputStream::nullInputStream;
		ExcelSheet sheet = excel.read(size, content, headers());
		List<Source> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (ExcelSheet.Row row : sheet.rows()) {
			try {
				Source source = source(row);
				source.validate();
				rows.add(source);
			}
			catch (SchemeInvalid refused) {
				problems.add(texts.get("monitoring.source.import.row", row.number(),
						texts.get(refused.messageKey(), refused.args())));
			}
		}
		Sources.ImportResult result = sources.importAll(rows, problems);
		redirect.addFlashAttribute("flashSuccess",
				texts.get("monitoring.source.import.done", result.added(), result.skipped()));
		return "redirect:/monitoring/sources";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("sourceForm", new SourceForm());
		model.addAttribute("sourceId", null);
		return FORM;
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String processCreationForm(@ModelAttribute("sourceForm") SourceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("sourceId", null);
		if (result.hasErrors()) {
			result.reject("monitoring.source.error.input");
			return FORM;
		}
		try {
			sources.create(form.toSource(null));
		}
		catch (SchemeInvalid refused) {
			result.reject(refused.messageKey(), refused.args(), refused.messageKey());
			return FORM;
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.source.saved"));
		return "redirect:/monitoring/sources";
	}

	@GetMapping("/{sourceId}/edit")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String initUpdateForm(@PathVariable long sourceId, Model model) {
		Source source = sources.find(sourceId).orElseThrow(() -> new SchemeInvalid("monitoring.source.error.notFound"));
		model.addAttribute("sourceForm", SourceForm.of(source));
		model.addAttribute("sourceId", sourceId);
		model.addAttribute("source", source);
		return FORM;
	}

	@PostMapping("/{sourceId}/edit")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String processUpdateForm(@PathVariable long sourceId, @ModelAttribute("sourceForm") SourceForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("sourceId", sourceId);
		if (result.hasErrors()) {
			result.reject("monitoring.source.error.input");
			return FORM;
		}
		try {
			sources.update(sourceId, form.toSource(sourceId));
		}
		catch (SchemeInvalid refused) {
			result.reject(refused.messageKey(), refused.args(), refused.messageKey());
			return FORM;
		}
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.source.saved"));
		return "redirect:/monitoring/sources";
	}

	/** "Test this source": fetches the address of the form now, shows what would be extracted; stores nothing. */
	@PostMapping("/test")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String testSource(@ModelAttribute("sourceForm") SourceForm form, BindingResult result,
			@RequestParam(required = false) Long sourceId, Model model) {
		model.addAttribute("sourceId", sourceId);
		if (result.hasErrors()) {
			result.reject("monitoring.source.error.input");
			return FORM;
		}
		Source source = form.toSource(sourceId);
		try {
			source.validate();
		}
		catch (SchemeInvalid refused) {
			result.reject(refused.messageKey(), refused.args(), refused.messageKey());
			return FORM;
		}
		try {
			List<Items.Incoming> extracted = sources.preview(source);
			model.addAttribute("previewCount", extracted.size());
			model.addAttribute("previewLimit", PREVIEW_LIMIT);
			model.addAttribute("preview", extracted.stream().limit(PREVIEW_LIMIT).map(this::previewRow).toList());
		}
		catch (Fetcher.FetchFailed failed) {
			model.addAttribute("previewError", texts.get("monitoring.source.test.failed", failed.getMessage()));
		}
		catch (Exception malformed) {
			model.addAttribute("previewError",
					texts.get("monitoring.source.test.malformed", malformed.getClass().getSimpleName()));
		}
		return FORM;
	}

	@PostMapping("/{sourceId}/fetch")
	@PreAuthorize("hasAuthority('monitoring:source:manage')")
	String fetchSoon(@PathVariable long sourceId, RedirectAttributes redirect) {
		sources.fetchSoon(sourceId);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.source.fetchSoon"));
		return "redirect:/monitoring/sources";
	}

	private PreviewRow previewRow(Items.Incoming item) {
		MatchResult match = matching.analysis().analyse(null, item.title(), item.body());
		String summary = item.body() == null ? "" : item.body().strip();
		return new PreviewRow(item.title(), item.url(),
				item.publishedAt() == null ? null : LocalDateTime.ofInstant(item.publishedAt(), clock.getZone()),
				summary.length() > 120 ? summary.substring(0, 120) + "…" : summary,
				match.level() == null ? "" : match.level().name(),
				match.level() == null ? "" : texts.get("monitoring.level." + match.level().name()),
				match.level() == null ? "" : match.level().colour(),
				match.topics().stream().map(t -> texts.get("monitoring.topic." + t.name())).toList(),
				String.join(" ", match.words()));
	}

	// ---- the transfer format: the export's columns are the import's --------------------------------

	private List<String> headers() {
		return Arrays.stream(new String[] { "name", "kind", "tier", "region", "format", "url", "itemSelector",
				"dateSelector", "summarySelector", "interval", "enabled", "allowInternal" })
			.map(c -> texts.get("monitoring.source." + c))
			.toList();
	}

	private List<String> cells(Source s) {
		return Arrays.asList(s.name(), texts.get("monitoring.source.kind." + s.kind().name()), Integer.toString(s.tier()),
				s.region(), texts.get("monitoring.source.format." + s.format().name()), s.url(), s.itemSelector(),
				s.dateSelector(), s.summarySelector(), Integer.toString(s.intervalMinutes()), yesNo(s.enabled()),
				yesNo(s.allowInternal()));
	}

	private Source source(ExcelSheet.Row row) {
		List<String> h = headers();
		Source.Kind kind = Arrays.stream(Source.Kind.values())
			.filter(k -> k.name().equalsIgnoreCase(row.get(h.get(1)))
					|| texts.get("monitoring.source.kind." + k.name()).equals(row.get(h.get(1))))
			.findFirst().orElse(null);
		Source.Format format = Arrays.stream(Source.Format.values())
			.filter(f -> f.name().equalsIgnoreCase(row.get(h.get(4)))
					|| texts.get("monitoring.source.format." + f.name()).equals(row.get(h.get(4))))
			.findFirst().orElse(null);
		return new Source(null, SourceForm.strip(row.get(h.get(0))), kind, number(row.get(h.get(2))),
				SourceForm.strip(row.get(h.get(3))), format, SourceForm.strip(row.get(h.get(5))),
				SourceForm.strip(row.get(h.get(6))), SourceForm.strip(row.get(h.get(7))),
				SourceForm.strip(row.get(h.get(8))), number(row.get(h.get(9))), flag(row.get(h.get(10)), true),
				flag(row.get(h.get(11)), false), null, null, null, null, 0, true, null, 0);
	}

	private static int number(String text) {
		try {
			return text == null ? 0 : (int) Double.parseDouble(text.strip());
		}
		catch (NumberFormatException invalid) {
			return 0;
		}
	}

	private boolean flag(String text, boolean blank) {
		if (text == null || text.isBlank()) {
			return blank;
		}
		String t = text.strip();
		return t.equals(texts.get("monitoring.yes")) || t.equalsIgnoreCase("true") || t.equals("1");
	}

	private String yesNo(boolean value) {
		return texts.get(value ? "monitoring.yes" : "monitoring.no");
	}

}
