package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.infodesk.organization.Organization;
import io.infodesk.publicity.CalendarDay;
import io.infodesk.publicity.CalendarDayForm;
import io.infodesk.publicity.CalendarEntry;
import io.infodesk.publicity.CalendarEventForm;
import io.infodesk.publicity.CalendarFeeds;
import io.infodesk.publicity.PublicityCalendar;
import io.infodesk.publicity.PublicityException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/**
 * The publicity calendar (宣传日历, S3.2-c): the month view (holidays and themed days computed for the year, the
 * plans' time nodes and the bureau's events, within the data scope) with its Excel list; the office enters events and
 * keeps the list of holidays; every user issues or revokes the secret URL of their iCalendar feed.
 */
@Controller
@RequestMapping("/publicity/calendar")
class CalendarController {

	/** A day of the month grid. */
	record Cell(LocalDate day, boolean inMonth, boolean today, List<CalendarEntry> entries) {

	}

	/** A holiday of the list with its day in the shown year. */
	record DayRow(CalendarDay day, LocalDate start, LocalDate end) {

	}

	private final PublicityCalendar calendar;

	private final CalendarFeeds feeds;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	CalendarController(PublicityCalendar calendar, CalendarFeeds feeds, Organization organization,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.calendar = calendar;
		this.feeds = feeds;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showMonth(@RequestParam(required = false) String month, Model model) {
		YearMonth shown = month(month);
		LocalDate first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		List<CalendarEntry> entries = calendar.entries(first, last, dataScopes.current());
		LocalDate today = LocalDate.now(clock);
		List<List<Cell>> weeks = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
				weeks.add(new ArrayList<>());
			}
			LocalDate d = day;
			weeks.get(weeks.size() - 1).add(new Cell(day, YearMonth.from(day).equals(shown), day.equals(today),
					entries.stream().filter(e -> !e.monthLong() && e.covers(d)).toList()));
		}
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		model.addAttribute("monthLong", entries.stream()
			.filter(e -> e.monthLong() && (e.covers(shown.atDay(1)) || YearMonth.from(e.start()).equals(shown))).toList());
		model.addAttribute("units", organization.activeUnits());
		model.addAttribute("kinds", List.of(CalendarEntry.Kind.EVENT, CalendarEntry.Kind.MILESTONE));
		model.addAttribute("feedIssuedAt", feeds.issuedAt(CurrentUser.require().userId()).orElse(null));
		return "publicity/calendar";
	}

	/**
	 * The week view (Monday to Sunday around {@code day}): each day with everything that covers it — month-long nodes
	 * (the themed month, a plan's month node) included — timed events first by their time.
	 */
	@GetMapping("/week")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showWeek(@RequestParam(required = false) String day, Model model) {
		LocalDate shown = day(day);
		LocalDate monday = shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate sunday = monday.plusDays(6);
		model.addAttribute("view", "week");
		model.addAttribute("heading", texts.get("publicity.calendar.weekTitle", monday, sunday));
		model.addAttribute("previous", "/publicity/calendar/week?day=" + monday.minusWeeks(1));
		model.addAttribute("next", "/publicity/calendar/week?day=" + monday.plusWeeks(1));
		model.addAttribute("month", YearMonth.from(monday));
		model.addAttribute("days", cells(monday, sunday, false));
		return "publicity/calendarList";
	}

	/** The list view of a month: only the days that hold a node, each with every node covering it. */
	@GetMapping("/list")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showList(@RequestParam(required = false) String month, Model model) {
		YearMonth shown = month(month);
		model.addAttribute("view", "list");
		model.addAttribute("heading", texts.get("publicity.calendar.listTitle", shown.getYear(), shown.getMonthValue()));
		model.addAttribute("previous", "/publicity/calendar/list?month=" + shown.minusMonths(1));
		model.addAttribute("next", "/publicity/calendar/list?month=" + shown.plusMonths(1));
		model.addAttribute("month", shown);
		model.addAttribute("days", cells(shown.atDay(1), shown.atEndOfMonth(), true));
		return "publicity/calendarList";
	}

	private List<Cell> cells(LocalDate from, LocalDate to, boolean onlyWithEntries) {
		List<CalendarEntry> entries = calendar.entries(from, to, dataScopes.current());
		LocalDate today = LocalDate.now(clock);
		java.util.Comparator<CalendarEntry> order = java.util.Comparator
			.comparing((CalendarEntry e) -> e.timed() ? e.startTime() : LocalTime.MIN)
			.thenComparing(CalendarEntry::monthLong);
		List<Cell> cells = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			LocalDate on = d;
			List<CalendarEntry> covering = entries.stream().filter(e -> e.covers(on)).sorted(order).toList();
			if (!onlyWithEntries || !covering.isEmpty()) {
				cells.add(new Cell(d, true, d.equals(today), covering));
			}
		}
		return cells;
	}

	private LocalDate day(String day) {
		if (day != null && !day.isBlank()) {
			try {
				LocalDate parsed = LocalDate.parse(day.strip());
				if (parsed.getYear() >= 1900 && parsed.getYear() <= 2100) {
					return parsed;
				}
			}
			catch (DateTimeParseException ignored) {
				// an unreadable day shows the current week
			}
		}
		return LocalDate.now(clock);
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> exportMonth(@RequestParam(required = false) String month) {
		YearMonth shown = month(month);
		List<CalendarEntry> entries = calendar.entries(shown.atDay(1), shown.atEndOfMonth(), dataScopes.current());
		List<ExcelExporter.Column<CalendarEntry>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.start"), CalendarEntry::start));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.end"), CalendarEntry::end));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.time"),
				e -> e.timed() ? e.startTime() + (e.endTime() == null ? "" : "–" + e.endTime()) : ""));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.kind"),
				e -> texts.get("publicity.calendar.kind." + e.kind())));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.title"), CalendarEntry::title));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.unit"), e -> e.unitName() == null ? "" : e.unitName()));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.calendar.detail"), CalendarEntry::detail));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("publicity.calendar.monthTitle", shown.getYear(),
				shown.getMonthValue()), entries);
		return ExcelDownload.of(texts.get("publicity.calendar.fileName", shown.getYear(), shown.getMonthValue()),
				"calendar-" + shown + ".xlsx", xlsx);
	}

	@PostMapping("/events")
	@PreAuthorize("hasAuthority('publicity:calendar:manage')")
	String processEvent(@RequestParam(required = false) String title,
			@RequestParam(required = false) CalendarEntry.Kind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime startTime,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime endTime,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) String note,
			@RequestParam(required = false) Integer leadDays, RedirectAttributes redirect) {
		try {
			calendar.addEvent(new CalendarEventForm(title, kind, startsOn, endsOn, startTime, endTime, unitId, note,
					leadDays), CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.calendar.event.saved"));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/publicity/calendar?month=" + (startsOn == null ? YearMonth.now(clock) : YearMonth.from(startsOn));
	}

	@PostMapping("/events/{id}/delete")
	@PreAuthorize("hasAuthority('publicity:calendar:manage')")
	String processDeleteEvent(@PathVariable long id, @RequestParam(required = false) String month,
			RedirectAttributes redirect) {
		try {
			calendar.deleteEvent(id, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.calendar.event.deleted"));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/publicity/calendar?month=" + month(month);
	}

	@GetMapping("/days")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showDays(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null || year < 1900 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("rows", calendar.days().stream().map(d -> new DayRow(d, d.startIn(y), d.endIn(y))).toList());
		model.addAttribute("rules", CalendarDay.Rule.values());
		return "publicity/calendarDays";
	}

	@PostMapping("/days")
	@PreAuthorize("hasAuthority('publicity:calendar:manage')")
	String processNewDay(@RequestParam(required = false) String name, @RequestParam(required = false) CalendarDay.Rule rule,
			@RequestParam(required = false) Integer month, @RequestParam(required = false) Integer day,
			@RequestParam(required = false) Integer weekday, @RequestParam(required = false) String theme,
			@RequestParam(required = false) Integer leadDays, RedirectAttributes redirect) {
		return saveDay(null, new CalendarDayForm(name, rule, month, day, weekday, theme, leadDays, true), redirect);
	}

	@PostMapping("/days/{id}")
	@PreAuthorize("hasAuthority('publicity:calendar:manage')")
	String processDay(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String theme, @RequestParam(required = false) Integer leadDays,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		CalendarDay existing = calendar.day(id).orElse(null);
		if (existing == null) {
			redirect.addFlashAttribute("flashError", texts.get("publicity.calendar.day.notFound", id));
			return "redirect:/publicity/calendar/days";
		}
		return saveDay(id, new CalendarDayForm(name, existing.rule(), existing.month(), existing.day(), existing.weekday(),
				theme, leadDays, active), redirect);
	}

	@PostMapping("/feed")
	@PreAuthorize("hasAuthority('publicity:view')")
	String processIssueFeed(RedirectAttributes redirect) {
		String token = feeds.issue(CurrentUser.require());
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(CalendarFeeds.PATH + token + ".ics")
			.toUriString();
		redirect.addFlashAttribute("feedUrl", url);
		redirect.addFlashAttribute("flashSuccess", texts.get("publicity.calendar.feed.issued"));
		return "redirect:/publicity/calendar";
	}

	@PostMapping("/feed/revoke")
	@PreAuthorize("hasAuthority('publicity:view')")
	String processRevokeFeed(RedirectAttributes redirect) {
		feeds.revoke(CurrentUser.require());
		redirect.addFlashAttribute("flashSuccess", texts.get("publicity.calendar.feed.revoked"));
		return "redirect:/publicity/calendar";
	}

	private String saveDay(Long id, CalendarDayForm form, RedirectAttributes redirect) {
		try {
			calendar.saveDay(id, form, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.calendar.day.saved"));
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/publicity/calendar/days";
	}

	private YearMonth month(String month) {
		if (month != null && !month.isBlank()) {
			try {
				YearMonth parsed = YearMonth.parse(month.strip());
				if (parsed.getYear() >= 1900 && parsed.getYear() <= 2100) {
					return parsed;
				}
			}
			catch (DateTimeParseException ignored) {
				// an unreadable month shows the current one
			}
		}
		return YearMonth.now(clock);
	}

}
