package io.infodesk.dashboard.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.AssessmentLinks;
import io.infodesk.assessment.AssessmentOverview;
import io.infodesk.assessment.Grade;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * The assessment part of the home page (issue 4 point 6), built from assessment's public API ({@link Rankings},
 * {@link AssessmentOverview}) so that every figure equals the ranking page for the same period.
 * <ul>
 * <li>The office and the leaders ({@code assessment:manage} or {@code assessment:approve}): this month's and this
 * year's top 5 units with points and grade and a link to the full ranking, adoptions by level this year, late and
 * missed duties this month, the units below their target pro-rated to today, and the monthly trend. A leader in
 * charge sees the same bureau-wide figures with the units in charge highlighted, and a table of their positions
 * (decided: highlighted, not filtered — a ranking is only meaningful against the whole bureau).</li>
 * <li>Everyone else with {@code assessment:view} (unit heads, publicists, staff): their own unit's position this
 * month and this year (rank of N, points, grade) and its monthly trend.</li>
 * <li>Without {@code assessment:view} (administrator, personnel): nothing of assessment.</li>
 * </ul>
 */
@Component
class AssessmentPanel {

	static final int TOP = 5;

	static final int BELOW_TARGET_SHOWN = 10;

	/** A ranking line as the home page shows it. */
	public record Line(Rankings.Standing standing, boolean highlighted) {

		public String badge() {
			return AssessmentPanel.badge(standing.grade());
		}

	}

	/** A ranking of one period: its label, its lines (top 5 or all), the number of ranked units, the link. */
	public record Board(String label, List<Line> lines, int ranked, String link) {

	}

	/** A unit's position in the month and in the year. */
	public record Position(String unitName, Rankings.Standing month, Rankings.Standing year, int ranked,
			String monthEntries, String yearEntries) {

		public String monthBadge() {
			return badge(month.grade());
		}

		public String yearBadge() {
			return badge(year.grade());
		}

	}

	/** What the office and the leaders see. */
	public record Leaders(Board month, Board year, List<Position> inCharge, Map<String, Long> adoptions,
			String adoptionsLabel, AssessmentOverview.Duties duties, String dutiesLabel, List<Line> belowTarget,
			int belowTargetCount, String belowTargetLabel, String belowTargetLink, String trend) {

	}

	/** What a unit's members see. */
	public record Own(Position position, Board month, Board year, String trend) {

	}

	private final Rankings rankings;

	private final AssessmentOverview overview;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	AssessmentPanel(Rankings rankings, AssessmentOverview overview, DataScopes dataScopes, Texts texts, Clock clock) {
		this.rankings = rankings;
		this.overview = overview;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	static boolean forLeaders(AuthenticatedUser me) {
		return me.can(Permissions.ASSESSMENT_MANAGE) || me.can(Permissions.ASSESSMENT_APPROVE);
	}

	Leaders leaders(AuthenticatedUser me) {
		LocalDate today = LocalDate.now(clock);
		Period month = Period.month(YearMonth.from(today));
		Period year = Period.year(today.getYear());
		Period yearToDate = Period.range(year.from(), today);
		DataScope scope = dataScopes.current();
		Set<Long> inCharge = scope instanceof DataScope.Units units ? units.unitIds() : Set.of();
		List<Rankings.Standing> monthRows = rankings.units(month);
		List<Rankings.Standing> yearRows = rankings.units(year);
		List<Position> positions = yearRows.stream()
			.filter(row -> inCharge.contains(row.id()))
			.map(row -> position(row.id(), monthRows, yearRows, month, year))
			.flatMap(Optional::stream)
			.toList();
		List<Line> below = rankings.units(yearToDate)
			.stream()
			.filter(row -> row.completion() != null && row.completion().compareTo(BigDecimal.valueOf(100)) < 0)
			.sorted(Comparator.comparing(Rankings.Standing::completion).thenComparing(Rankings.Standing::name))
			.map(row -> new Line(row, inCharge.contains(row.id())))
			.toList();
		String trend = trend(today.getYear(), inCharge.isEmpty() ? List.of()
				: List.of(new Series(texts.get("home.asm.trend.inCharge"), overview.monthlyTotals(today.getYear(), inCharge))),
				new Series(texts.get("home.asm.trend.bureau"),
						overview.monthlyTotals(today.getYear(), yearRows.stream().map(Rankings.Standing::id).toList())));
		return new Leaders(board(month, monthRows, inCharge, TOP), board(year, yearRows, inCharge, TOP), positions,
				overview.adoptionsByLevel(year), label(year), overview.duties(month), label(month),
				below.stream().limit(BELOW_TARGET_SHOWN).toList(), below.size(), texts.get("home.asm.yearToDate",
						yearToDate.from(), yearToDate.to()), "/assessment?kind=RANGE&from=" + yearToDate.from() + "&to="
								+ yearToDate.to(),
				trend);
	}

	/** The own unit's position, or empty when the user's unit is not ranked (the leadership, no unit). */
	Optional<Own> own(AuthenticatedUser me) {
		if (me.unitId() == null) {
			return Optional.empty();
		}
		LocalDate today = LocalDate.now(clock);
		Period month = Period.month(YearMonth.from(today));
		Period year = Period.year(today.getYear());
		List<Rankings.Standing> monthRows = rankings.units(month);
		List<Rankings.Standing> yearRows = rankings.units(year);
		return position(me.unitId(), monthRows, yearRows, month, year).map(position -> new Own(position,
				board(month, monthRows, Set.of(), 0), board(year, yearRows, Set.of(), 0),
				trend(today.getYear(), List.of(),
						new Series(position.unitName(), overview.monthlyTotals(today.getYear(), List.of(me.unitId()))))));
	}

	private Optional<Position> position(long unitId, List<Rankings.Standing> monthRows, List<Rankings.Standing> yearRows,
			Period month, Period year) {
		Optional<Rankings.Standing> inMonth = monthRows.stream().filter(row -> row.id() == unitId).findFirst();
		Optional<Rankings.Standing> inYear = yearRows.stream().filter(row -> row.id() == unitId).findFirst();
		if (inMonth.isEmpty() || inYear.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Position(inYear.get().name(), inMonth.get(), inYear.get(), yearRows.size(),
				AssessmentLinks.entries(month, unitId), AssessmentLinks.entries(year, unitId)));
	}

	private Board board(Period period, List<Rankings.Standing> rows, Set<Long> highlighted, int limit) {
		List<Line> lines = rows.stream()
			.limit(limit)
			.map(row -> new Line(row, highlighted.contains(row.id())))
			.toList();
		return new Board(label(period), lines, rows.size(), AssessmentLinks.ranking(period));
	}

	private String label(Period period) {
		return period.kind() == Period.Kind.MONTH
				? texts.get("assessment.period.month", period.year(), period.from().getMonthValue())
				: texts.get("assessment.period.year", period.year());
	}

	static String badge(Grade grade) {
		if (grade == null) {
			return "text-bg-light";
		}
		return switch (grade) {
			case EXCELLENT -> "text-bg-success";
			case GOOD -> "text-bg-primary";
			case FAIR -> "text-bg-warning";
			case POOR -> "text-bg-danger";
		};
	}

	private record Series(String name, BigDecimal[] values) {

	}

	/** The chart's data as JSON (months and series), read by static/js/dashboard-chart.js from data-trend. */
	private String trend(int year, List<Series> first, Series last) {
		StringBuilder json = new StringBuilder("{\"months\":[");
		for (int m = 1; m <= 12; m++) {
			json.append(m > 1 ? "," : "").append('"').append(texts.get("assessment.chart.month", m)).append('"');
		}
		json.append("],\"series\":[");
		List<Series> all = new java.util.ArrayList<>(first);
		all.add(last);
		for (int i = 0; i < all.size(); i++) {
			Series series = all.get(i);
			json.append(i > 0 ? "," : "").append("{\"name\":\"").append(escape(series.name())).append("\",\"data\":[");
			for (int m = 0; m < 12; m++) {
				json.append(m > 0 ? "," : "").append(series.values()[m].stripTrailingZeros().toPlainString());
			}
			json.append("]}");
		}
		return json.append("],\"year\":").append(year).append('}').toString();
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
	}

}
