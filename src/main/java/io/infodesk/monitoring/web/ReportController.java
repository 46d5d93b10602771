package io.infodesk.monitoring.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.infodesk.monitoring.internal.OpinionReports;
import io.infodesk.monitoring.internal.SchemeInvalid;

/**
 * The daily and weekly opinion reports (舆情日报 / 周报): the page shows the figures of the chosen day and its week;
 * each downloads as DOCX in the official layout (GB/T 9704-2012). Monitored media are bureau-wide: no unit scope.
 */
@Controller
@RequestMapping("/monitoring/reports")
class ReportController {

	static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final OpinionReports reports;

	private final Clock clock;

	ReportController(OpinionReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showReports(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Model model) {
		LocalDate d = day == null ? LocalDate.now(clock) : day;
		model.addAttribute("day", d);
		model.addAttribute("daily", reports.figures(OpinionReports.Period.DAILY, d));
		model.addAttribute("weekly", reports.figures(OpinionReports.Period.WEEKLY, d));
		return "monitoring/reports";
	}

	@GetMapping("/{period}.docx")
	@PreAuthorize("hasAuthority('monitoring:view')")
	ResponseEntity<byte[]> downloadReport(@PathVariable String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		OpinionReports.Period p = switch (period) {
			case "daily" -> OpinionReports.Period.DAILY;
			case "weekly" -> OpinionReports.Period.WEEKLY;
			default -> throw new SchemeInvalid("monitoring.report.error.notFound");
		};
		LocalDate d = day == null ? LocalDate.now(clock) : day;
		byte[] docx = reports.docx(p, d);
		String name = OpinionReports.name(p) + "_" + d + ".docx";
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(DOCX_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"opinion-" + period + "-" + d + ".docx\"; filename*=UTF-8''" + encoded)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(docx);
	}

}
