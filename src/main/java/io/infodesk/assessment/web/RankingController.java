package io.infodesk.assessment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.infodesk.assessment.AssessmentLinks;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ListSupport;

/**
 * Rankings (考核排名, issue 4 point 4): units or people for a month, quarter, year or range, per category, ties
 * ranked equal, target completion and grade; a trend chart; every score links to its entries, and every entry to
 * its source record. Excel export of each list with the same period.
 */
@Controller
class RankingController {

	/** The categories shown as columns (those that can score today). */
	static final List<ScoreKind> COLUMNS = List.of(ScoreKind.ADOPTION, ScoreKind.INSTRUCTION, ScoreKind.SOLICITATION,
			ScoreKind.URGENT, ScoreKind.QUOTA, ScoreKind.ADJUSTMENT);

	private final Rankings rankings;

	private final Ledger ledger;

	private final Organization organization;

	private final AssessmentAccess access;

	private final Texts texts;

	private final Clock clock;

	private final AssessmentViews views;

	RankingController(Rankings rankings, Ledger ledger, Organization organization, AssessmentAccess access, Texts texts,
			Clock clock, AssessmentViews views) {
		this.views = views;
		this.rankings = rankings;
		this.ledger = ledger;
		this.organization = organization;
		this.access = access;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("columns")
	List<ScoreKind> columns() {
		return COLUMNS;
	}

	@GetMapping("/assessment")
	@PreAuthorize("hasAuthority('assessment:view')")
	String ranking(@ModelAttribute("filter") RankingFilter filter, @RequestParam(defaultValue = "1") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Period period = filter.period(LocalDate.now(clock));
		DataScope scope = access.scope();
		model.addAttribute("period", period);
		model.addAttribute("periodLabel", label(period));
		model.addAttribute("seesAll", scope instanceof DataScope.All);
		model.addAttribute("units", visibleUnits(scope));
		model.addAttribute("years", years());
		ListSupport.Links links = ListSupport.Links.of("/assessment", request);
		// the period's part of every drill-down address, built once per page (docs/performance.md)
		String base = request.getContextPath() + AssessmentLinks.entries(period);
		if (filter.people()) {
			// people are many (2,000 in a large bureau): a page at a time, ranks counted over all of them
			List<Rankings.Standing> all = people(period, filter.unitId(), scope);
			Pageable pageable = ListSupport.page(page);
			int first = (int) Math.min(pageable.getOffset(), all.size());
			List<Rankings.Standing> shown = all.subList(first, Math.min(first + pageable.getPageSize(), all.size()));
			ListSupport.addPage(model, new PageImpl<>(shown, pageable, all.size()), rows(shown, true, base, scope), links);
		}
		else {
			List<Rankings.Standing> units = rankings.units(period);
			model.addAttribute("rows", rows(units, false, base, scope));
			model.addAttribute("links", links);
			model.addAttribute("trend", trendJson(period, units));
		}
		return ListSupport.view(request, response, "assessment/fragments :: rankingTable", "assessment/ranking");
	}

	/**
	 * The lines of the table as shown: each figure with the address of its entries where the user may drill down
	 * (their scope, read once per page), the user's own unit marked.
	 */
	static List<Row> rows(List<Rankings.Standing> standings, boolean people, String entriesBase, DataScope scope) {
		Long ownUnit = CurrentUser.require().unitId();
		List<Row> rows = new ArrayList<>(standings.size());
		for (Rankings.Standing standing : standings) {
			String link = scope.includes(standing.unitId())
					? entriesBase + (people ? "&personId=" : "&unitId=") + standing.id() : null;
			List<Cell> cells = new ArrayList<>(COLUMNS.size());
			for (ScoreKind kind : COLUMNS) {
				BigDecimal value = standing.category(kind);
				cells.add(new Cell(value, link != null && value.signum() != 0 ? link + "&category=" + kind.name() : null));
			}
			rows.add(new Row(standing, standing.unitId() == (ownUnit == null ? -1 : ownUnit), link, cells));
		}
		return rows;
	}

	/** A line of the ranking table: the standing, whether it is the user's unit, the link of its total and cells. */
	record Row(Rankings.Standing standing, boolean own, String link, List<Cell> cells) {

	}

	/** A category figure and the address of its entries (null: no drill-down). */
	record Cell(BigDecimal value, String link) {

	}

	@GetMapping("/assessment/export")
	@PreAuthorize("hasAuthority('assessment:view')")
	ResponseEntity<byte[]> export(RankingFilter filter) {
		Period period = filter.period(LocalDate.now(clock));
		List<Rankings.Standing> rows = filter.people() ? people(period, filter.unitId(), access.scope())
				: rankings.units(period);
		List<ExcelExporter.Column<Rankings.Standing>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.rank"), Rankings.Standing::rank));
		columns.add(ExcelExporter.Column.of(texts.get(filter.people() ? "assessment.ranking.person" : "assessment.ranking.unit"),
				Rankings.Standing::name));
		if (filter.people()) {
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.unit"), Rankings.Standing::unitName));
		}
		columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.total"), Rankings.Standing::total));
		for (ScoreKind kind : COLUMNS) {
			columns.add(ExcelExporter.Column.of(texts.get("assessment.kind." + kind.name()), row -> row.category(kind)));
		}
		if (!filter.people()) {
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.target"), Rankings.Standing::target));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.completion"), Rankings.Standing::completion));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.grade"),
					row -> row.grade() == null ? "" : texts.label("assessment.grade.", row.grade())));
		}
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("assessment.ranking.sheet"), rows);
		return ExcelDownload.of(texts.get("assessment.ranking.fileName", label(period)), "ranking.xlsx", xlsx);
	}

	/** The entries behind a score: a unit's or a person's, for the period, optionally one category. */
	@GetMapping("/assessment/entries")
	@PreAuthorize("hasAuthority('assessment:view')")
	String entries(@ModelAttribute("filter") RankingFilter filter, @org.springframework.web.bind.annotation.RequestParam(required = false) Long personId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) ScoreKind category, Model model,
			HttpServletRequest request) {
		Period period = filter.period(LocalDate.now(clock));
		Ledger.EntryQuery query = entryQuery(period, filter.unitId(), personId, category);
		List<LedgerEntry> entries = ledger.entries(query);
		model.addAttribute("period", period);
		model.addAttribute("periodLabel", label(period));
		model.addAttribute("entries", entries);
		model.addAttribute("total", ledger.total(query));
		model.addAttribute("byCategory", ledger.byCategory(query));
		model.addAttribute("subject", subject(filter.unitId(), personId));
		model.addAttribute("category", category);
		model.addAttribute("personId", personId);
		model.addAttribute("links", ListSupport.Links.of("/assessment/entries", request));
		return "assessment/entries";
	}

	@GetMapping("/assessment/entries/export")
	@PreAuthorize("hasAuthority('assessment:view')")
	ResponseEntity<byte[]> exportEntries(RankingFilter filter,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Long personId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) ScoreKind category) {
		Period period = filter.period(LocalDate.now(clock));
		List<LedgerEntry> entries = ledger.entries(entryQuery(period, filter.unitId(), personId, category));
		List<ExcelExporter.Column<LedgerEntry>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.day"), LedgerEntry::periodDate));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.category"),
				e -> texts.label("assessment.kind.", e.category())));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.source"), LedgerEntry::label));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.rule"), views::ruleLabel));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.points"), LedgerEntry::points));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.origin"),
				e -> texts.get("assessment.origin." + e.origin())));
		columns.add(ExcelExporter.Column.of(texts.get("assessment.entry.note"), LedgerEntry::note));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("assessment.entry.sheet"), entries);
		return ExcelDownload.of(texts.get("assessment.entry.fileName", subject(filter.unitId(), personId), label(period)),
				"entries.xlsx", xlsx);
	}

	private Ledger.EntryQuery entryQuery(Period period, Long unitId, Long personId, ScoreKind category) {
		Ledger.EntryQuery query;
		if (personId != null) {
			Long personUnit = organization.person(personId).map(p -> p.getUnitId()).orElse(null);
			access.check(personUnit);
			query = Ledger.EntryQuery.persons(period.from(), period.to()).person(personId);
		}
		else {
			if (unitId == null && !access.seesAll()) {
				unitId = CurrentUser.require().unitId();
				if (unitId == null) {
					// an account without a person (hence without a unit) and without an ALL scope sees no unit's
					// entries: "all units" is for those who see all (issue 17, finding 8)
					throw new org.springframework.security.access.AccessDeniedException("assessment scope");
				}
			}
			if (unitId != null) {
				access.check(unitId);
			}
			query = Ledger.EntryQuery.units(period.from(), period.to()).unit(unitId);
		}
		return query.category(category);
	}

	private String subject(Long unitId, Long personId) {
		if (personId != null) {
			return organization.person(personId).map(p -> p.getName()).orElse("");
		}
		if (unitId != null) {
			return organization.unit(unitId).map(Unit::getName).orElse("");
		}
		return texts.get("assessment.entry.allUnits");
	}

	private List<Rankings.Standing> people(Period period, Long unitId, DataScope scope) {
		if (!(scope instanceof DataScope.All)) {
			Long own = CurrentUser.require().unitId();
			return rankings.people(period, unitId != null && scope.includes(unitId) ? unitId : own == null ? -1L : own);
		}
		return rankings.people(period, unitId);
	}

	private List<Unit> visibleUnits(DataScope scope) {
		return organization.activeUnits()
			.stream()
			.filter(unit -> unit.getType() != io.infodesk.organization.UnitType.LEADERSHIP)
			.filter(unit -> scope.includes(unit.getId()))
			.toList();
	}

	private List<Integer> years() {
		int now = LocalDate.now(clock).getYear();
		return List.of(now, now - 1, now - 2);
	}

	String label(Period period) {
		return switch (period.kind()) {
			case MONTH -> texts.get("assessment.period.month", period.year(), period.from().getMonthValue());
			case QUARTER -> texts.get("assessment.period.quarter", period.year(), period.quarter());
			case YEAR -> texts.get("assessment.period.year", period.year());
			case RANGE -> texts.get("assessment.period.range", period.from(), period.to());
		};
	}

	/**
	 * The monthly trend of the year's top 5 units as JSON for the chart (names, months, series); the ranking of the
	 * page is the year's when the page shows the year.
	 */
	private String trendJson(Period period, List<Rankings.Standing> shown) {
		int year = period.year();
		Map<Long, BigDecimal[]> trend = rankings.monthlyTrend(year);
		List<Rankings.Standing> ofYear = period.equals(Period.year(year)) ? shown : rankings.units(Period.year(year));
		List<Rankings.Standing> top = ofYear.stream().limit(5).toList();
		StringBuilder json = new StringBuilder("{\"months\":[");
		for (int m = 1; m <= 12; m++) {
			json.append(m > 1 ? "," : "").append('"').append(texts.get("assessment.chart.month", m)).append('"');
		}
		json.append("],\"series\":[");
		Map<String, BigDecimal[]> series = new LinkedHashMap<>();
		for (Rankings.Standing unit : top) {
			series.put(unit.name(), trend.getOrDefault(unit.id(), new BigDecimal[0]));
		}
		boolean first = true;
		for (Map.Entry<String, BigDecimal[]> entry : series.entrySet()) {
			json.append(first ? "" : ",").append("{\"name\":\"").append(escape(entry.getKey())).append("\",\"data\":[");
			for (int m = 0; m < 12; m++) {
				BigDecimal value = m < entry.getValue().length ? entry.getValue()[m] : BigDecimal.ZERO;
				json.append(m > 0 ? "," : "").append(value.stripTrailingZeros().toPlainString());
			}
			json.append("]}");
			first = false;
		}
		return json.append("]}").toString();
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
	}

}
