package io.infodesk.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.Feedback;
import io.infodesk.monitoring.internal.Items;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;

/**
 * The matched items (监测信息): newest first with the matched words highlighted, level, classes, topics, negativity,
 * the cluster's spread and first publisher; the office marks each 有效 or 误报 and may apply the schemes again to
 * every stored item. Monitored items are public media, bureau-wide: no unit data scope applies.
 */
@Controller("monitoringItemController")
@RequestMapping("/monitoring/items")
class ItemController {

	static final int LIMIT = 200;

	/** One item as the list shows and exports it. */
	record ItemRow(long id, String source, String url, List<Highlights.Piece> title, List<Highlights.Piece> excerpt,
			String plainTitle, LocalDateTime published, String level, String levelLabel, String colour,
			List<String> topics, List<String> classes, String words, double negativity, int spread, int reprints,
			String firstSource, String feedback, String feedbackLabel) {

	}

	private final Items items;

	private final Feedback feedback;

	private final Texts texts;

	private final Clock clock;

	ItemController(Items items, Feedback feedback, Texts texts, Clock clock) {
		this.items = items;
		this.feedback = feedback;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showItems(@RequestParam(required = false) String level, @RequestParam(required = false) String topic,
			@RequestParam(required = false) Integer classNo, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) String day, Model model) {
		Items.ItemFilter filter = filter(level, topic, classNo, keyword, day);
		model.addAttribute("rows", rows(items.recent(filter, LIMIT)));
		model.addAttribute("filter", filter);
		model.addAttribute("today", items.day(LocalDate.now(clock)));
		model.addAttribute("levels", AlertLevel.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("classNos", List.of(1, 2, 3, 4, 5, 6));
		model.addAttribute("limit", LIMIT);
		return "monitoring/itemList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('monitoring:view')")
	ResponseEntity<byte[]> exportItems(@RequestParam(required = false) String level,
			@RequestParam(required = false) String topic, @RequestParam(required = false) Integer classNo,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) String day) {
		List<ItemRow> rows = rows(items.recent(filter(level, topic, classNo, keyword, day), 10_000));
		List<ExcelExporter.Column<ItemRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("monitoring.item.published"), ItemRow::published),
				ExcelExporter.Column.of(texts.get("monitoring.item.source"), ItemRow::source),
				ExcelExporter.Column.of(texts.get("monitoring.item.title"), ItemRow::plainTitle),
				ExcelExporter.Column.of(texts.get("monitoring.item.level"), ItemRow::levelLabel),
				ExcelExporter.Column.of(texts.get("monitoring.item.topics"), r -> String.join("、", r.topics())),
				ExcelExporter.Column.of(texts.get("monitoring.item.classes"), r -> String.join("、", r.classes())),
				ExcelExporter.Column.of(texts.get("monitoring.item.words"), ItemRow::words),
				ExcelExporter.Column.of(texts.get("monitoring.item.negativity"), ItemRow::negativity),
				ExcelExporter.Column.of(texts.get("monitoring.item.spread"), ItemRow::spread),
				ExcelExporter.Column.of(texts.get("monitoring.item.firstSource"), ItemRow::firstSource),
				ExcelExporter.Column.of(texts.get("monitoring.item.feedback"), ItemRow::feedbackLabel),
				ExcelExporter.Column.of(texts.get("monitoring.item.url"), ItemRow::url));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("monitoring.menu.items"), rows);
		return ExcelDownload.of(texts.get("monitoring.item.fileName", LocalDate.now(clock)), "monitoring-items.xlsx", xlsx);
	}

	@PostMapping("/{itemId}/mark")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String mark(@PathVariable long itemId, @RequestParam(required = false) Feedback.Mark mark,
			RedirectAttributes redirect) {
		if (mark == null) {
			throw new io.infodesk.monitoring.internal.SchemeInvalid("monitoring.item.error.notFound");
		}
		feedback.mark(itemId, mark);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.feedback.saved"));
		return "redirect:/monitoring/items";
	}

	@PostMapping("/rematch")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String rematch(RedirectAttributes redirect) {
		int matched = items.rematchAll();
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.item.rematched", matched));
		return "redirect:/monitoring/items";
	}

	/** The filter from the request; an unknown level, topic or class and a malformed day are ignored. */
	private static Items.ItemFilter filter(String level, String topic, Integer classNo, String keyword, String day) {
		String levelValue = Arrays.stream(AlertLevel.values()).map(Enum::name).filter(n -> n.equals(level)).findFirst()
			.orElse(null);
		String topicValue = Arrays.stream(Topic.values()).map(Enum::name).filter(n -> n.equals(topic)).findFirst()
			.orElse(null);
		Integer classValue = classNo != null && classNo >= 1 && classNo <= 6 ? classNo : null;
		LocalDate dayValue = null;
		if (day != null && !day.isBlank()) {
			try {
				dayValue = LocalDate.parse(day.strip());
			}
			catch (java.time.format.DateTimeParseException malformed) {
				dayValue = null;
			}
		}
		return new Items.ItemFilter(levelValue, topicValue, classValue, keyword, dayValue, false);
	}

	private List<ItemRow> rows(List<Items.StoredItem> stored) {
		return stored.stream().map(i -> {
			AlertLevel level = i.level() == null ? null : AlertLevel.valueOf(i.level());
			List<String> topics = i.topics().isEmpty() ? List.of()
					: Arrays.stream(i.topics().split(",")).map(t -> texts.get("monitoring.topic." + t)).toList();
			List<String> classes = i.classes().isEmpty() ? List.of()
					: Arrays.stream(i.classes().split(",")).map(c -> c + "·" + texts.get("monitoring.class." + c)).toList();
			return new ItemRow(i.id(), i.sourceName(), i.url(), Highlights.of(i.title(), i.words()),
					Highlights.of(Highlights.excerpt(i.body(), i.words(), 160), i.words()), i.title(),
					i.publishedAt() == null ? null : LocalDateTime.ofInstant(i.publishedAt(), clock.getZone()),
					level == null ? "" : level.name(), level == null ? "" : texts.get("monitoring.level." + level.name()),
					level == null ? "" : level.colour(), topics, classes, String.join(" ", i.words()), i.negativity(),
					i.spread(), Math.max(0, i.clusterItems() - 1), i.firstSource(), i.feedback(),
					i.feedback() == null ? "" : texts.get("monitoring.feedback." + i.feedback()));
		}).toList();
	}

}
