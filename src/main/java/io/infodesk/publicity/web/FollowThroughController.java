package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.infodesk.publicity.FollowThrough;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;

/** The bureau-wide table of the plans' follow-through (done / pending / overdue points per unit) and its Excel. */
@Controller
@RequestMapping("/publicity/follow-through")
class FollowThroughController {

	private final FollowThrough followThrough;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	FollowThroughController(FollowThrough followThrough, DataScopes dataScopes, Texts texts, Clock clock) {
		this.followThrough = followThrough;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showFollowThrough(@RequestParam(required = false) Integer year, Model model) {
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("rows", followThrough.units(y, dataScopes.current()));
		model.addAttribute("summary", followThrough.summary(y, dataScopes.current()));
		return "publicity/followThrough";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> exportFollowThrough(@RequestParam(required = false) Integer year) {
		int y = year(year);
		List<ExcelExporter.Column<FollowThrough.UnitProgress>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.unit"), r -> r.unit().getName()));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.state"),
				r -> texts.get("publicity.plan.state." + r.planState())));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.plan.points"), FollowThrough.UnitProgress::points));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.follow.DONE"), FollowThrough.UnitProgress::done));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.follow.PENDING"), FollowThrough.UnitProgress::pending));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.follow.OVERDUE"), FollowThrough.UnitProgress::overdue));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("publicity.follow.title", y),
				followThrough.units(y, dataScopes.current()));
		return ExcelDownload.of(texts.get("publicity.follow.fileName", y), "follow-through-" + y + ".xlsx", xlsx);
	}

	private int year(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

}
