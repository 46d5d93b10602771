package io.infodesk.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.WatchLists;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * Prevention mechanisms and watch lists per hot spot (S3.6-b): the standing rules, measures and handling workflow
 * of each hot spot, and its watch list, whose active names the automaton watches for. Bureau-wide: no unit scope.
 */
@Controller
@RequestMapping("/monitoring/watch")
class WatchController {

	private final WatchLists watchLists;

	private final Texts texts;

	private final Clock clock;

	WatchController(WatchLists watchLists, Texts texts, Clock clock) {
		this.watchLists = watchLists;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showWatchLists(Model model) {
		model.addAttribute("topics", Topic.values());
		model.addAttribute("entries", watchLists.all());
		return "monitoring/watchList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('monitoring:view')")
	ResponseEntity<byte[]> exportWatchLists() {
		List<ExcelExporter.Column<WatchLists.Entry>> columns = List.of(
				ExcelExporter.Column.of(texts.get("monitoring.item.topics"), e -> texts.get("monitoring.topic." + e.topic().name())),
				ExcelExporter.Column.of(texts.get("monitoring.watch.name"), WatchLists.Entry::name),
				ExcelExporter.Column.of(texts.get("monitoring.watch.party"), WatchLists.Entry::party),
				ExcelExporter.Column.of(texts.get("monitoring.watch.dueDate"), WatchLists.Entry::dueDate),
				ExcelExporter.Column.of(texts.get("monitoring.watch.note"), WatchLists.Entry::note),
				ExcelExporter.Column.of(texts.get("monitoring.watch.active"), WatchLists.Entry::active));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("monitoring.menu.watch"), watchLists.all());
		return ExcelDownload.of(texts.get("monitoring.watch.fileName", LocalDate.now(clock)), "watch-lists.xlsx", xlsx);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processAdd(@RequestParam(required = false) String topic, @RequestParam(required = false) String name,
			@RequestParam(required = false) String party,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		Topic t = Arrays.stream(Topic.values()).filter(v -> v.name().equals(topic)).findFirst().orElse(null);
		return FlashActions.run(texts, redirect, "/monitoring/watch", "monitoring.watch.added",
				() -> watchLists.add(t, name, party, dueDate, note, me));
	}

	@PostMapping("/{entryId}/end")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processEnd(@PathVariable long entryId, RedirectAttributes redirect) {
		watchLists.end(entryId);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.watch.ended"));
		return "redirect:/monitoring/watch";
	}

}
