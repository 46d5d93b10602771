package io.infodesk.xuexi.web;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.core.io.InputStreamSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.shared.files.FileSettings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.ReportField;
import io.infodesk.xuexi.ReportKind;
import io.infodesk.xuexi.SampleReports;
import io.infodesk.xuexi.XuexiImports;

/**
 * Import of the platform's reports (S3.4-b): upload, column mapping (proposed from a saved profile recognised by the
 * header row, or from the platform's usual headers), preview of the whole file with every problem, then the import.
 */
@Controller
@RequestMapping("/xuexi/imports")
class ImportController {

	private final XuexiImports imports;

	private final SampleReports samples;

	private final FileSettings fileSettings;

	private final Texts texts;

	private final Clock clock;

	ImportController(XuexiImports imports, SampleReports samples, FileSettings fileSettings, Texts texts, Clock clock) {
		this.imports = imports;
		this.samples = samples;
		this.fileSettings = fileSettings;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String initUploadForm(Model model) {
		model.addAttribute("recent", imports.recent(20));
		model.addAttribute("profiles", imports.profiles());
		model.addAttribute("maxSize", fileSettings.maxSize().toMegabytes());
		return "xuexi/imports";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String processUpload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		try {
			long size = file == null ? 0 : file.getSize();
			InputStreamSource content = file != null ? file : InputStream::nullInputStream;
			XuexiImports.Staged staged = imports.stage(size, content, file == null ? null : file.getOriginalFilename());
			return "redirect:/xuexi/imports/" + staged.token();
		}
		catch (BusinessException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/xuexi/imports";
		}
	}

	@GetMapping("/{token}")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String initMappingForm(@PathVariable String token, Model model) {
		XuexiImports.Staged staged = imports.staged(token);
		return mapping(staged, new XuexiImports.Mapping(staged.kind(), staged.columns(), null),
				staged.recognised() ? staged.profile().getName() : "", null, model);
	}

	private String mapping(XuexiImports.Staged staged, XuexiImports.Mapping mapping, String profileName, String error,
			Model model) {
		model.addAttribute("staged", staged);
		model.addAttribute("mapping", mapping);
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("fields", ReportField.values());
		model.addAttribute("profileName", profileName);
		model.addAttribute("error", error);
		model.addAttribute("defaultAsOf", mapping.asOf() != null ? mapping.asOf() : LocalDate.now(clock).minusDays(1));
		return "xuexi/importMapping";
	}

	static XuexiImports.Mapping mappingOf(Map<String, String> params) {
		ReportKind kind = null;
		try {
			kind = ReportKind.valueOf(params.getOrDefault("kind", ""));
		}
		catch (IllegalArgumentException ex) {
			// refused by the service
		}
		Map<ReportField, Integer> columns = new EnumMap<>(ReportField.class);
		for (ReportField field : ReportField.values()) {
			String value = params.get("col_" + field.name());
			if (value != null && value.matches("\\d{1,4}") && (kind == null || kind.fields().contains(field))) {
				columns.put(field, Integer.valueOf(value));
			}
		}
		LocalDate asOf = null;
		String date = params.get("asOf");
		if (date != null && !date.isBlank()) {
			try {
				asOf = LocalDate.parse(date.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new BusinessException("xuexi.import.error.asOf");
			}
		}
		return new XuexiImports.Mapping(kind, columns, asOf);
	}

	@PostMapping("/{token}/preview")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String processPreview(@PathVariable String token, @RequestParam Map<String, String> params, Model model) {
		XuexiImports.Staged staged = imports.staged(token);
		String profileName = params.getOrDefault("profileName", "");
		XuexiImports.Mapping mapping;
		try {
			mapping = mappingOf(params);
			model.addAttribute("preview", imports.preview(token, mapping));
		}
		catch (BusinessException refused) {
			return mapping(staged, new XuexiImports.Mapping(staged.kind(), staged.columns(), null), profileName,
					texts.get(refused.messageKey(), refused.args()), model);
		}
		model.addAttribute("staged", staged);
		model.addAttribute("mapping", mapping);
		model.addAttribute("profileName", profileName);
		return "xuexi/importPreview";
	}

	@PostMapping("/{token}")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String processImport(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		XuexiImports.Staged staged = imports.staged(token);
		XuexiImports.Mapping mapping = mappingOf(params);
		try {
			XuexiImports.Result result = imports.execute(token, mapping, params.get("profileName"));
			redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.import.done", texts.get("xuexi.kind." + result.kind()),
					result.rows(), result.matchedMembers(), result.days(), result.firstDay(), result.lastDay(),
					result.unmatched()));
			return "redirect:/xuexi";
		}
		catch (BusinessException refused) {
			model.addAttribute("preview", imports.preview(token, mapping));
			model.addAttribute("staged", staged);
			model.addAttribute("mapping", mapping);
			model.addAttribute("profileName", params.getOrDefault("profileName", ""));
			model.addAttribute("error", texts.get(refused.messageKey(), refused.args()));
			return "xuexi/importPreview";
		}
	}

	/** The progress of the preview or import running for the upload (the page polls it while its request runs). */
	@GetMapping("/{token}/progress")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	@ResponseBody
	Map<String, Object> progress(@PathVariable String token) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		imports.progress(token).ifPresentOrElse(p -> {
			body.put("phase", p.phase().name());
			body.put("percent", p.percent());
			body.put("rows", p.rows());
			body.put("written", p.written());
			body.put("label", texts.get("xuexi.progress." + p.phase(), p.percent(), p.rows(), p.written()));
		}, () -> {
			body.put("phase", "WAITING");
			body.put("percent", 0);
			body.put("rows", 0);
			body.put("written", 0);
			body.put("label", texts.get("xuexi.progress.WAITING"));
		});
		return body;
	}

	@GetMapping("/samples/daily")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	ResponseEntity<byte[]> downloadDailySample() {
		return Downloads.attachment(texts.get("xuexi.sample.dailyFile"), "xuexi-daily-sample.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", samples.dailyXlsx());
	}

	@GetMapping("/samples/snapshot")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	ResponseEntity<byte[]> downloadSnapshotSample() {
		return Downloads.attachment(texts.get("xuexi.sample.snapshotFile"), "xuexi-snapshot-sample.csv",
				"text/csv;charset=GBK", samples.snapshotCsv());
	}

}
