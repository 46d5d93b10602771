package io.infodesk.xuexi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.xuexi.Figures;
import io.infodesk.xuexi.XuexiCirculars;
import io.infodesk.xuexi.XuexiFigures;

/** The three figures of S3.4-b for a period (units, bureau, cadres), their export, and the monthly 通报 (S3.4-a). */
@Controller
@RequestMapping("/xuexi")
class FiguresController {

	private final XuexiFigures figures;

	private final XuexiCirculars circulars;

	private final io.infodesk.xuexi.XuexiReminders reminders;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	FiguresController(XuexiFigures figures, XuexiCirculars circulars, io.infodesk.xuexi.XuexiReminders reminders,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.reminders = reminders;
		this.figures = figures;
		this.circulars = circulars;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	private Figures of(LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		return figures.figures(from == null ? today.withDayOfYear(1) : from, to == null ? today : to,
				dataScopes.current());
	}

	@GetMapping
	@PreAuthorize("hasAuthority('xuexi:view')")
	String showFigures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		try {
			model.addAttribute("figures", of(from, to));
		}
		catch (BusinessException refused) {
			model.addAttribute("error", texts.get(refused.messageKey(), refused.args()));
			model.addAttribute("figures", of(null, null));
		}
		model.addAttribute("lastDataDay", figures.lastDataDay());
		model.addAttribute("target", Figures.YEAR_POINTS_TARGET);
		return "xuexi/figures";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('xuexi:view')")
	ResponseEntity<byte[]> exportFigures(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Figures f = of(from, to);
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			ExcelExporter.withColumns(circulars.unitColumns()).addSheet(workbook, texts.get("xuexi.export.units"), f.units());
			ExcelExporter.withColumns(circulars.cadreColumns()).addSheet(workbook, texts.get("xuexi.export.cadres"), f.cadres());
			return ExcelDownload.of(texts.get("xuexi.export.fileName", f.from(), f.to()), "xuexi-figures.xlsx",
					ExcelExporter.toBytes(workbook));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The monthly circular of the month, or (with {@code week}, any day of it) the weekly one. */
	private XuexiCirculars.CircularPeriod period(YearMonth month, LocalDate week) {
		if (week != null) {
			return XuexiCirculars.CircularPeriod.weekOf(week);
		}
		return XuexiCirculars.CircularPeriod.month(month == null ? YearMonth.now(clock) : month);
	}

	@GetMapping("/circular")
	@PreAuthorize("hasAuthority('xuexi:view')")
	String showCircular(@RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
		XuexiCirculars.CircularPeriod chosen = period(month, week);
		model.addAttribute("month", YearMonth.from(chosen.from()));
		model.addAttribute("week", chosen.weekly() ? chosen.from() : null);
		model.addAttribute("period", chosen);
		try {
			model.addAttribute("circular", circulars.circular(chosen, dataScopes.current()));
		}
		catch (BusinessException refused) {
			model.addAttribute("error", texts.get(refused.messageKey(), refused.args()));
		}
		model.addAttribute("wording", circulars.wording());
		model.addAttribute("circularTitle", circulars.title(chosen));
		return "xuexi/circular";
	}

	@PostMapping("/reminders")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String remind(@org.springframework.security.core.annotation.AuthenticationPrincipal io.infodesk.shared.security.AuthenticatedUser me,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi",
				() -> texts.get("xuexi.reminder.sent", reminders.remindNow(me)));
	}

	@PostMapping("/circular/wording")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String saveWording(@RequestParam(required = false) String praise, @RequestParam(required = false) String urging,
			@RequestParam(required = false) YearMonth month, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi/circular" + (month == null ? "" : "?month=" + month),
				"xuexi.circular.wordingSaved", () -> circulars.saveWording(new XuexiCirculars.Wording(praise, urging)));
	}

	@GetMapping("/circular/docx")
	@PreAuthorize("hasAuthority('xuexi:view')")
	ResponseEntity<byte[]> downloadDocx(@RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		XuexiCirculars.CircularPeriod chosen = period(month, week);
		XuexiCirculars.Circular circular = circulars.circular(chosen, dataScopes.current());
		return Downloads.attachment(circulars.title(chosen) + ".docx", "xuexi-circular-" + chosen.parameter() + ".docx",
				Downloads.DOCX, circulars.docx(circular));
	}

	@GetMapping("/circular/xlsx")
	@PreAuthorize("hasAuthority('xuexi:view')")
	ResponseEntity<byte[]> downloadXlsx(@RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		XuexiCirculars.CircularPeriod chosen = period(month, week);
		XuexiCirculars.Circular circular = circulars.circular(chosen, dataScopes.current());
		return ExcelDownload.of(circulars.title(chosen) + ".xlsx", "xuexi-circular-" + chosen.parameter() + ".xlsx",
				circulars.xlsx(circular));
	}

}
