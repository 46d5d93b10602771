package io.infodesk.xuexi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.docx.DocumentTable;
import io.infodesk.shared.docx.Masthead;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Texts;
import io.infodesk.xuexi.Figures.CadreFigures;
import io.infodesk.xuexi.Figures.UnitFigures;

/**
 * The monthly 通报 of learning on the platform (S3.4-a): the units ranked by the three figures, the ten people with
 * the most points in the month, the members not registered, the units below 95 %, the cadres behind pace, and the
 * "比学赶超" praise and urging wording the personnel section edits — as DOCX in the official layout
 * ({@code shared.docx}) and as XLSX.
 */
@Service
@Transactional(readOnly = true)
public class XuexiCirculars {

	static final String PRAISE = "praise";

	static final String URGING = "urging";

	private final XuexiFigures figures;

	private final XuexiRoster roster;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	XuexiCirculars(XuexiFigures figures, XuexiRoster roster, JdbcTemplate jdbc, AuditTrail audit, Texts texts,
			Clock clock) {
		this.figures = figures;
		this.roster = roster;
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public record Wording(String praise, String urging) {

	}

	public record TopPerson(String name, String unitName, int points) {

	}

	/**
	 * The period a circular covers: a calendar month, or an ISO week (Monday to Sunday) for the weekly 通报, which
	 * names the laggards while they can still catch up.
	 */
	public record CircularPeriod(boolean weekly, LocalDate from, LocalDate to) {

		public static CircularPeriod month(YearMonth month) {
			return new CircularPeriod(false, month.atDay(1), month.atEndOfMonth());
		}

		/** The week (Monday to Sunday) that holds the day. */
		public static CircularPeriod weekOf(LocalDate day) {
			LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
			return new CircularPeriod(true, monday, monday.plusDays(6));
		}

		public int weekOfYear() {
			return from.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		}

		public int weekYear() {
			return from.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR);
		}

		/** The request parameter that asks for this period again ("2026-11" or "2026-11-30"). */
		public String parameter() {
			return weekly ? from.toString() : YearMonth.from(from).toString();
		}

	}

	/** Everything a circular of a month (or a week) says. */
	public record Circular(CircularPeriod period, Figures figures, List<UnitFigures> ranking, List<TopPerson> top,
			List<XuexiRoster.Line> unregistered, List<UnitFigures> unitsBelow, List<CadreFigures> cadresBehind,
			Wording wording) {

	}

	public Wording wording() {
		return new Wording(setting(PRAISE, texts.get("xuexi.circular.defaultPraise")),
				setting(URGING, texts.get("xuexi.circular.defaultUrging")));
	}

	private String setting(String key, String fallback) {
		List<String> values = jdbc.queryForList("select setting_value from xuexi_setting where setting_key = ?",
				String.class, key);
		return values.isEmpty() ? fallback : values.get(0);
	}

	@Transactional
	public void saveWording(Wording wording) {
		String praise = wording.praise() == null ? "" : wording.praise().strip();
		String urging = wording.urging() == null ? "" : wording.urging().strip();
		if (praise.isEmpty() || urging.isEmpty()) {
			throw new ImportRefused("xuexi.circular.error.wordingRequired");
		}
		if (praise.length() > 2000 || urging.length() > 2000) {
			throw new ImportRefused("xuexi.circular.error.wordingSize");
		}
		for (Map.Entry<String, String> entry : Map.of(PRAISE, praise, URGING, urging).entrySet()) {
			if (jdbc.update("update xuexi_setting set setting_value = ? where setting_key = ?", entry.getValue(),
					entry.getKey()) == 0) {
				jdbc.update("insert into xuexi_setting (setting_key, setting_value) values (?, ?)", entry.getKey(),
						entry.getValue());
			}
		}
		audit.record("XUEXI_WORDING_UPDATED", "XuexiSetting", "circular", texts.get("xuexi.audit.wording"));
	}

	public Circular circular(YearMonth month, DataScope scope) {
		return circular(CircularPeriod.month(month), scope);
	}

	public Circular circular(CircularPeriod period, DataScope scope) {
		if (period.from().isAfter(LocalDate.now(clock))) {
			throw new ImportRefused("xuexi.circular.error.future");
		}
		Figures figuresOfMonth = figures.figures(period.from(), period.to(), scope);
		List<UnitFigures> ranking = new ArrayList<>(figuresOfMonth.units()
			.stream()
			.filter(u -> u.required() > 0)
			.toList());
		Comparator<UnitFigures> order = Comparator
			.comparingDouble((UnitFigures u) -> u.registrationRate() == null ? -1 : u.registrationRate())
			.reversed()
			.thenComparing(Comparator.comparingDouble((UnitFigures u) -> u.loginRate() == null ? -1 : u.loginRate())
				.reversed())
			.thenComparingInt(UnitFigures::cadresBehind);
		ranking.sort(order);
		List<TopPerson> top = jdbc.query("""
				select m.person_id, m.unit_id, sum(d.points) as points from xuexi_daily d
				join xuexi_member m on m.id = d.member_id
				where d.learn_day between ? and ? group by m.person_id, m.unit_id order by points desc, m.person_id limit 50""",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) },
				java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.to()))
			.stream()
			.filter(row -> scope.includes(row[1]))
			.limit(10)
			.map(row -> {
				XuexiRoster.Line line = roster.lines(DataScope.all(), row[1])
					.stream()
					.filter(l -> l.member().getPersonId() == row[0])
					.findFirst()
					.orElse(null);
				return new TopPerson(line == null ? "" : line.name(), line == null ? "" : line.unitName(), (int) row[2]);
			})
			.toList();
		List<XuexiRoster.Line> unregistered = roster.lines(scope, null)
			.stream()
			.filter(l -> l.active() && l.member().isRequired())
			.filter(l -> !l.member().isRegistered() || (l.member().getRegisteredOn() != null
					&& l.member().getRegisteredOn().isAfter(figuresOfMonth.asOf())))
			.toList();
		List<UnitFigures> below = ranking.stream().filter(UnitFigures::loginShort).toList();
		return new Circular(period, figuresOfMonth, ranking, top, unregistered, below, figuresOfMonth.cadresBehind(),
				wording());
	}

	public String title(YearMonth month) {
		return title(CircularPeriod.month(month));
	}

	public String title(CircularPeriod period) {
		return period.weekly()
				? texts.get("xuexi.circular.doc.weekTitle", period.weekYear(), period.weekOfYear(),
						period.from().getMonthValue(), period.from().getDayOfMonth(), period.to().getMonthValue(),
						period.to().getDayOfMonth())
				: texts.get("xuexi.circular.doc.title", period.from().getYear(), period.from().getMonthValue());
	}

	/** "2026年11月" or "2026年第49周（11月30日至12月6日）", for the body of the circular. */
	String periodText(CircularPeriod period) {
		return period.weekly()
				? texts.get("xuexi.circular.doc.weekPeriod", period.weekYear(), period.weekOfYear(),
						period.from().getMonthValue(), period.from().getDayOfMonth(), period.to().getMonthValue(),
						period.to().getDayOfMonth())
				: texts.get("xuexi.circular.doc.monthPeriod", period.from().getYear(), period.from().getMonthValue());
	}

	static String percent(Double rate) {
		return rate == null ? "—" : String.format("%.1f%%", rate * 100);
	}

	public byte[] docx(Circular c) {
		OfficialDocument.Builder doc = OfficialDocument.builder()
			.masthead(new Masthead.Issuer(texts.get("xuexi.circular.doc.mark"), null, 26))
			.title(title(c.period()))
			.addressee(texts.get("xuexi.circular.doc.addressee"))
			.paragraph(texts.get("xuexi.circular.doc.intro", periodText(c.period()),
					percent(c.figures().bureau().registrationRate()), percent(c.figures().bureau().loginRate()),
					c.figures().dataDays(), c.figures().cadres().size(), c.figures().cadresBehind().size()));
		doc.heading(texts.get("xuexi.circular.doc.rankingHeading"));
		List<List<String>> rows = new ArrayList<>();
		int rank = 1;
		for (UnitFigures unit : c.ranking()) {
			rows.add(List.of(String.valueOf(rank++), unit.unitName(), unit.registered() + "/" + unit.required(),
					percent(unit.registrationRate()), percent(unit.loginRate()),
					unit.cadresBehind() + "/" + unit.cadres()));
		}
		doc.table(DocumentTable.of(List.of(texts.get("xuexi.col.rank"), texts.get("xuexi.col.unit"),
				texts.get("xuexi.col.registered"), texts.get("xuexi.col.registrationRate"),
				texts.get("xuexi.col.loginRate"), texts.get("xuexi.col.cadresBehind")), rows).withWidths(1, 4, 2, 2, 2, 2));
		doc.heading(texts.get(c.period().weekly() ? "xuexi.circular.doc.topHeadingWeek" : "xuexi.circular.doc.topHeading"));
		List<List<String>> top = new ArrayList<>();
		rank = 1;
		for (TopPerson person : c.top()) {
			top.add(List.of(String.valueOf(rank++), person.name(), person.unitName(), String.valueOf(person.points())));
		}
		if (!top.isEmpty()) {
			doc.table(DocumentTable.of(List.of(texts.get("xuexi.col.rank"), texts.get("xuexi.col.name"),
					texts.get("xuexi.col.unit"), texts.get("xuexi.col.monthPoints")), top).withWidths(1, 2, 4, 2));
		}
		doc.paragraph(c.wording().praise());
		doc.heading(texts.get("xuexi.circular.doc.problemHeading"));
		doc.paragraph(c.unregistered().isEmpty() ? texts.get("xuexi.circular.doc.allRegistered")
				: texts.get("xuexi.circular.doc.unregistered", c.unregistered().size(), String.join("、",
						c.unregistered().stream().map(l -> l.name() + "（" + l.unitName() + "）").toList())));
		doc.paragraph(c.unitsBelow().isEmpty() ? texts.get("xuexi.circular.doc.noUnitBelow")
				: texts.get("xuexi.circular.doc.unitsBelow",
						String.join("、", c.unitsBelow().stream().map(u -> u.unitName() + "（" + percent(u.loginRate()) + "）").toList())));
		if (c.cadresBehind().isEmpty()) {
			doc.paragraph(texts.get("xuexi.circular.doc.noCadreBehind"));
		}
		else {
			doc.paragraph(texts.get("xuexi.circular.doc.cadresBehind", c.cadresBehind().size()));
			List<List<String>> behind = c.cadresBehind()
				.stream()
				.map(k -> List.of(k.name(), k.unitName(), String.valueOf(k.yearPoints()), String.valueOf(Math.round(k.pace())),
						String.valueOf(k.behindBy()), String.format("%.1f", k.dailyNeeded()), String.valueOf(k.forecast())))
				.toList();
			doc.table(DocumentTable.of(List.of(texts.get("xuexi.col.name"), texts.get("xuexi.col.unit"),
					texts.get("xuexi.col.yearPoints"), texts.get("xuexi.col.pace"), texts.get("xuexi.col.behindBy"),
					texts.get("xuexi.col.dailyNeeded"), texts.get("xuexi.col.forecast")), behind)
				.withWidths(2, 4, 2, 2, 2, 2, 2));
		}
		doc.heading(texts.get("xuexi.circular.doc.urgingHeading"));
		doc.paragraph(c.wording().urging());
		doc.signature(texts.get("xuexi.circular.doc.issuer"), LocalDate.now(clock));
		return doc.build().toBytes();
	}

	public byte[] xlsx(Circular c) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			ExcelExporter.withColumns(List.<ExcelExporter.Column<UnitFigures>>of(
					ExcelExporter.Column.of(texts.get("xuexi.col.unit"), UnitFigures::unitName),
					ExcelExporter.Column.of(texts.get("xuexi.col.required"), UnitFigures::required),
					ExcelExporter.Column.of(texts.get("xuexi.col.registeredCount"), UnitFigures::registered),
					ExcelExporter.Column.of(texts.get("xuexi.col.registrationRate"), u -> percent(u.registrationRate())),
					ExcelExporter.Column.of(texts.get("xuexi.col.loginRate"), u -> percent(u.loginRate())),
					ExcelExporter.Column.of(texts.get("xuexi.col.cadresBehind"), u -> u.cadresBehind() + "/" + u.cadres())))
				.addSheet(workbook, texts.get("xuexi.circular.sheet.ranking"), c.ranking());
			ExcelExporter.withColumns(List.<ExcelExporter.Column<TopPerson>>of(
					ExcelExporter.Column.of(texts.get("xuexi.col.name"), TopPerson::name),
					ExcelExporter.Column.of(texts.get("xuexi.col.unit"), TopPerson::unitName),
					ExcelExporter.Column.of(texts.get("xuexi.col.monthPoints"), TopPerson::points)))
				.addSheet(workbook, texts.get("xuexi.circular.sheet.top"), c.top());
			ExcelExporter.withColumns(List.<ExcelExporter.Column<XuexiRoster.Line>>of(
					ExcelExporter.Column.of(texts.get("xuexi.col.name"), XuexiRoster.Line::name),
					ExcelExporter.Column.of(texts.get("xuexi.col.unit"), XuexiRoster.Line::unitName)))
				.addSheet(workbook, texts.get("xuexi.circular.sheet.unregistered"), c.unregistered());
			ExcelExporter.withColumns(cadreColumns())
				.addSheet(workbook, texts.get("xuexi.circular.sheet.behind"), c.cadresBehind());
			return ExcelExporter.toBytes(workbook);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The columns of a cadre line, for the figures export and the circular. */
	public List<ExcelExporter.Column<CadreFigures>> cadreColumns() {
		return List.of(ExcelExporter.Column.of(texts.get("xuexi.col.name"), CadreFigures::name),
				ExcelExporter.Column.of(texts.get("xuexi.col.unit"), CadreFigures::unitName),
				ExcelExporter.Column.of(texts.get("xuexi.col.yearPoints"), CadreFigures::yearPoints),
				ExcelExporter.Column.of(texts.get("xuexi.col.pace"), k -> Math.round(k.pace())),
				ExcelExporter.Column.of(texts.get("xuexi.col.behindBy"), CadreFigures::behindBy),
				ExcelExporter.Column.of(texts.get("xuexi.col.dailyNeeded"), k -> String.format("%.1f", k.dailyNeeded())),
				ExcelExporter.Column.of(texts.get("xuexi.col.forecast"), CadreFigures::forecast),
				ExcelExporter.Column.of(texts.get("xuexi.col.willMiss"),
						k -> texts.get(k.willMiss() ? "common.yes" : "common.no")));
	}

	/** The columns of a unit line, for the figures export. */
	public List<ExcelExporter.Column<UnitFigures>> unitColumns() {
		return List.of(ExcelExporter.Column.of(texts.get("xuexi.col.unit"), UnitFigures::unitName),
				ExcelExporter.Column.of(texts.get("xuexi.col.required"), UnitFigures::required),
				ExcelExporter.Column.of(texts.get("xuexi.col.registeredCount"), UnitFigures::registered),
				ExcelExporter.Column.of(texts.get("xuexi.col.registrationRate"), u -> percent(u.registrationRate())),
				ExcelExporter.Column.of(texts.get("xuexi.col.loginRate"), u -> percent(u.loginRate())),
				ExcelExporter.Column.of(texts.get("xuexi.col.loginDays"), UnitFigures::loginDays),
				ExcelExporter.Column.of(texts.get("xuexi.col.cadresBehind"), u -> u.cadresBehind() + "/" + u.cadres()));
	}

}
