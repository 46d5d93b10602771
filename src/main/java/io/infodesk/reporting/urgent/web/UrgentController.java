package io.infodesk.reporting.urgent.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.urgent.SameDayRule;
import io.infodesk.reporting.web.Directory;
import io.infodesk.reporting.web.Durations;
import io.infodesk.reporting.web.ReportingDates;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * The live board of time-critical items (S3.1-c): time left until 23:59:59 of the event's day, or how late.
 * The page polls its own table with htmx every 30 seconds (no inline script); without JavaScript a reload
 * shows the same.
 */
@Controller
class UrgentController {

	/** Less than this left: shown as pressing. */
	static final Duration PRESSING = Duration.ofHours(2);

	/** One line of the board. */
	record UrgentRow(long id, String title, String unit, String category, LocalDateTime eventAt, LocalDateTime dueAt,
			String status, String step, String timing, String state) {

		/** Bootstrap colour of the line's state. */
		public String stateClass() {
			return switch (state) {
				case "overdue", "late" -> "table-danger";
				case "pressing" -> "table-warning";
				case "onTime" -> "table-success";
				default -> "";
			};
		}

	}

	private final InformationItems items;

	private final DataScopes dataScopes;

	private final Directory directory;

	private final Durations durations;

	private final Texts texts;

	private final Clock clock;

	UrgentController(InformationItems items, DataScopes dataScopes, Directory directory, Durations durations,
			Texts texts, Clock clock) {
		this.items = items;
		this.dataScopes = dataScopes;
		this.directory = directory;
		this.durations = durations;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/reporting/urgent")
	@PreAuthorize("hasAuthority('reporting:view')")
	String showUrgentBoard(Model model, HttpServletRequest request, HttpServletResponse response) {
		Instant now = Instant.now(clock);
		Map<Long, String> units = directory.unitNames();
		List<UrgentRow> rows = items.urgentBoard(dataScopes.current(), CurrentUser.require())
			.stream()
			.map(item -> row(item, now, units))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("now", ReportingDates.local(now));
		return ListSupport.wantsFragment(request, response) ? "reporting/urgent/fragments :: urgentBoard" : "reporting/urgent/urgentBoard";
	}

	private UrgentRow row(InformationItem item, Instant now, Map<Long, String> units) {
		String timing;
		String state;
		if (item.getFirstSubmittedAt() != null) {
			state = item.isLate() ? "late" : "onTime";
			timing = item.isLate() ? texts.get("reporting.urgent.submittedLate", durations.text(Duration.ofSeconds(item.getLateSeconds())))
					: texts.get("reporting.urgent.submittedOnTime");
		}
		else if (SameDayRule.isLate(item.getEventAt(), now)) {
			state = "overdue";
			timing = texts.get("reporting.urgent.overdue", durations.text(SameDayRule.delay(item.getEventAt(), now)));
		}
		else {
			Duration left = SameDayRule.timeLeft(item.getEventAt(), now);
			state = left.compareTo(PRESSING) <= 0 ? "pressing" : "running";
			timing = texts.get("reporting.urgent.timeLeft", durations.text(left));
		}
		String step = item.getStatus() == ItemStatus.IN_REVIEW && item.getReviewRole() != null
				? texts.get("reporting.chain.role." + item.getReviewRole()) : "";
		return new UrgentRow(item.getId(), item.getTitle(), units.get(item.getUnitId()),
				texts.get("reporting.urgent.category." + item.getUrgentCategory().name()),
				ReportingDates.local(item.getEventAt()), ReportingDates.local(item.getDueAt()),
				texts.get("reporting.status." + item.getStatus().name()), step, timing, state);
	}

}
