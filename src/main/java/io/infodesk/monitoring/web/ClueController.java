package io.infodesk.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.Clue;
import io.infodesk.monitoring.internal.Clues;
import io.infodesk.monitoring.internal.SchemeInvalid;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Clues of major information (重要信息线索, S3.5-a/b): anyone reports one (from scratch or from a monitored item); the
 * list shows the clues in the user's data scope and their own; the office edits a clue a second time and turns it
 * into a draft information item of reporting, or archives it with a reason; the office sees the watchers who
 * reported nothing for N working days.
 */
@Controller
@RequestMapping("/monitoring/clues")
class ClueController {

	/** One clue as the list shows and exports it. */
	record ClueRow(long id, String title, String className, String reporter, LocalDateTime reportedAt, String status,
			String statusLabel, Long infoItemId, String url) {

	}

	private final Clues clues;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	ClueController(Clues clues, DataScopes dataScopes, Texts texts, Clock clock) {
		this.clues = clues;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	String showClues(@RequestParam(required = false) Clue.Status status, @RequestParam(required = false) Integer idleDays,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("rows", rows(clues.visible(dataScopes.current(), me, status)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", Clue.Status.values());
		if (me.can(Permissions.MONITORING_MANAGE)) {
			int days = idleDays == null || idleDays < 1 || idleDays > 60 ? Clues.IDLE_DAYS : idleDays;
			model.addAttribute("idleDays", days);
			model.addAttribute("idle", clues.idleWatchers(days, dataScopes.current()));
		}
		return "monitoring/clueList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	ResponseEntity<byte[]> exportClues(@RequestParam(required = false) Clue.Status status,
			@AuthenticationPrincipal AuthenticatedUser me) {
		List<ClueRow> rows = rows(clues.visible(dataScopes.current(), me, status));
		List<ExcelExporter.Column<ClueRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("monitoring.clue.reportedAt"), ClueRow::reportedAt),
				ExcelExporter.Column.of(texts.get("monitoring.clue.title"), ClueRow::title),
				ExcelExporter.Column.of(texts.get("monitoring.clue.class"), ClueRow::className),
				ExcelExporter.Column.of(texts.get("monitoring.clue.reporter"), ClueRow::reporter),
				ExcelExporter.Column.of(texts.get("common.status"), ClueRow::statusLabel),
				ExcelExporter.Column.of(texts.get("monitoring.clue.url"), ClueRow::url));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("monitoring.menu.clues"), rows);
		return ExcelDownload.of(texts.get("monitoring.clue.fileName", LocalDate.now(clock)), "clues.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	String initReportForm(@RequestParam(required = false) String title, @RequestParam(required = false) String url,
			Model model) {
		model.addAttribute("report", new Clues.Report(title, url, "", null, null));
		return formModel(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	String processReportForm(@RequestParam(required = false) String title, @RequestParam(required = false) String url,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String classNo,
			@RequestParam(required = false) String topic,
			@RequestParam(value = "screenshot", required = false) MultipartFile screenshot,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) throws IOException {
		Integer classValue = parseClass(classNo);
		Topic topicValue = java.util.Arrays.stream(Topic.values()).filter(t -> t.name().equals(topic)).findFirst()
			.orElse(null);
		Clues.Report report = new Clues.Report(title, url, summary, classValue, topicValue);
		try (InputStream content = screenshot == null || screenshot.isEmpty() ? null : screenshot.getInputStream()) {
			long id = clues.report(report, screenshot == null ? null : screenshot.getOriginalFilename(),
					screenshot == null ? 0 : screenshot.getSize(), content, me);
			redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.clue.reported"));
			return "redirect:/monitoring/clues/" + id;
		}
		catch (io.infodesk.shared.web.BusinessException refused) {
			model.addAttribute("report", report);
			model.addAttribute("error", texts.get(refused.messageKey(), refused.args()));
			return formModel(model);
		}
	}

	@GetMapping("/{clueId}")
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	String showClue(@PathVariable long clueId, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		Clue clue = clues.visible(clueId, dataScopes.current(), me);
		model.addAttribute("clue", clue);
		model.addAttribute("row", rows(List.of(clue)).get(0));
		model.addAttribute("kinds", ItemKind.values());
		return "monitoring/clueDetail";
	}

	@GetMapping("/{clueId}/screenshot")
	@PreAuthorize("hasAuthority('monitoring:clue:report')")
	ResponseEntity<Resource> downloadScreenshot(@PathVariable long clueId,
			@AuthenticationPrincipal AuthenticatedUser me) throws IOException {
		Clue clue = clues.visible(clueId, dataScopes.current(), me);
		Resource file = clues.screenshot(clue);
		FileType type = FileType.valueOf(clue.screenshotType());
		return FileDownload.of(file, type.fileName("screenshot-" + clueId), type, file.contentLength());
	}

	@PostMapping("/{clueId}/edit")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processEdit(@PathVariable long clueId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String action,
			@RequestParam(required = false) ItemKind kind, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		clues.visible(clueId, dataScopes.current(), me);
		if ("draft".equals(action)) {
			long itemId = clues.toDraft(clueId, title, body, kind, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.clue.drafted", itemId));
		}
		else {
			clues.edit(clueId, title, body, me);
			redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.clue.edited"));
		}
		return "redirect:/monitoring/clues/" + clueId;
	}

	@PostMapping("/{clueId}/archive")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processArchive(@PathVariable long clueId, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		clues.visible(clueId, dataScopes.current(), me);
		clues.archive(clueId, reason, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.clue.archived"));
		return "redirect:/monitoring/clues/" + clueId;
	}

	private String formModel(Model model) {
		model.addAttribute("classNos", List.of(1, 2, 3, 4, 5, 6));
		model.addAttribute("topics", Topic.values());
		return "monitoring/clueForm";
	}

	private static Integer parseClass(String classNo) {
		if (classNo == null || classNo.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(classNo.strip());
		}
		catch (NumberFormatException invalid) {
			throw new SchemeInvalid("monitoring.clue.error.classNo");
		}
	}

	private List<ClueRow> rows(List<Clue> list) {
		return list.stream()
			.map(c -> new ClueRow(c.id(), c.workingTitle(),
					c.classNo() == null ? "" : c.classNo() + "·" + texts.get("monitoring.class." + c.classNo()),
					c.reporterName(), LocalDateTime.ofInstant(c.reportedAt(), clock.getZone()), c.status().name(),
					texts.get("monitoring.clue.status." + c.status().name()), c.infoItemId(), c.url()))
			.toList();
	}

}
