package io.infodesk.monitoring.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.infodesk.audit.AuditTrail;
import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;
import io.infodesk.shared.docx.DocumentTable;
import io.infodesk.shared.docx.Imprint;
import io.infodesk.shared.docx.Masthead;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.time.JdbcTime;

/**
 * The daily and weekly opinion reports (舆情日报 / 周报, issue 14 point 12) as official documents in the layout of
 * GB/T 9704-2012 through {@link OfficialDocument}: matched items by level, S3.5-b class and hot spot against the
 * previous period, the top clusters with first publisher and spread, the new and the open cases (overdue flagged),
 * and the failing sources. A report is computed from the stored data on request; its download is audited.
 */
@Service
public class OpinionReports {

	/** Daily (the given day) or weekly (Monday to Sunday of the given day's week). */
	public enum Period {

		DAILY, WEEKLY

	}

	/** The figures of one period, also shown on the page. */
	public record Figures(LocalDate from, LocalDate to, int items, int previousItems, int[] byLevel, int[] byClass,
			int[] previousByClass, int[] byTopic, int[] previousByTopic, List<List<String>> clusters,
			List<List<String>> newCases, List<List<String>> openCases, List<String> failingSources) {

	}

	private final JdbcTemplate jdbc;

	private final Cases cases;

	private final Sources sources;

	private final AuditTrail audit;

	private final Clock clock;

	private final String issuer;

	OpinionReports(JdbcTemplate jdbc, Cases cases, Sources sources, AuditTrail audit, Clock clock,
			MonitoringSettings settings) {
		this.issuer = settings.issuer();
		this.jdbc = jdbc;
		this.cases = cases;
		this.sources = sources;
		this.audit = audit;
		this.clock = clock;
	}

	public Figures figures(Period period, LocalDate day) {
		LocalDate from = period == Period.DAILY ? day : day.with(DayOfWeek.MONDAY);
		LocalDate to = period == Period.DAILY ? day : from.plusDays(6);
		LocalDate previousFrom = period == Period.DAILY ? from.minusDays(1) : from.minusWeeks(1);
		List<String[]> now = items(from, to);
		List<String[]> before = items(previousFrom, from.minusDays(1));
		int[] byLevel = new int[AlertLevel.values().length];
		for (String[] i : now) {
			if (i[1] != null) {
				byLevel[AlertLevel.valueOf(i[1]).ordinal()]++;
			}
		}
		List<List<String>> clusters = new ArrayList<>();
		jdbc.query("select c.title, c.first_source, c.source_count, c.item_count from mon_cluster c where c.id in "
				+ "(select cluster_id from mon_item where matched = true and fetched_at >= ? and fetched_at < ?) "
				+ "order by c.source_count desc, c.item_count desc, c.id fetch first 5 rows only",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> clusters.add(List.of(rs.getString(1),
						String.valueOf(rs.getString(2)), Integer.toString(rs.getInt(3)),
						Integer.toString(Math.max(0, rs.getInt(4) - 1)))),
				JdbcTime.utc(start(from)), JdbcTime.utc(start(to.plusDays(1))));
		Instant fromInstant = start(from);
		Instant toInstant = start(to.plusDays(1));
		Instant at = Instant.now(clock).isBefore(toInstant) ? Instant.now(clock) : toInstant;
		List<List<String>> newCases = new ArrayList<>();
		List<List<String>> openCases = new ArrayList<>();
		for (OpinionCase c : jdbc.query("select * from mon_case order by opened_at, id", Cases::row)) {
			String overdue = c.overdue(c.closedAt() != null && c.closedAt().isBefore(at) ? c.closedAt() : at) ? "超时" : "";
			List<String> line = List.of(c.title(), c.level().label(), c.topic() == null ? "" : c.topic().label(),
					status(c, at), overdue);
			if (!c.openedAt().isBefore(fromInstant) && c.openedAt().isBefore(toInstant)) {
				newCases.add(line);
			}
			else if (c.openedAt().isBefore(fromInstant) && (c.closedAt() == null || !c.closedAt().isBefore(fromInstant))) {
				openCases.add(line);
			}
		}
		List<String> failing = sources.all().stream().filter(s -> s.enabled() && !s.healthy())
			.map(s -> s.name() + "（连续失败" + s.failures() + "次：" + (s.lastStatus() == null ? "" : s.lastStatus()) + "）")
			.toList();
		return new Figures(from, to, now.size(), before.size(), byLevel, classes(now), classes(before), topics(now),
				topics(before), clusters, newCases, openCases, failing);
	}

	private static String status(OpinionCase c, Instant at) {
		if (c.closedAt() != null && !c.closedAt().isAfter(at)) {
			return "已办结";
		}
		return c.unitId() == null ? "待分办" : "处置中";
	}

	/** The report as DOCX (GB/T 9704-2012); audited as a download. */
	public byte[] docx(Period period, LocalDate day) {
		Figures f = figures(period, day);
		byte[] docx = document(period, f).toBytes();
		audit.record("MONITORING_REPORT_DOWNLOADED", "MonitoringReport", null,
				name(period) + " " + f.from() + (period == Period.WEEKLY ? "～" + f.to() : ""));
		return docx;
	}

	public static String name(Period period) {
		return period == Period.DAILY ? "舆情日报" : "舆情周报";
	}

	OfficialDocument document(Period period, Figures f) {
		String issue = period == Period.DAILY ? f.from().getMonthValue() + "月" + f.from().getDayOfMonth() + "日"
				: "第" + f.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周";
		String span = period == Period.DAILY ? date(f.from()) : date(f.from()) + "至" + date(f.to());
		String previous = period == Period.DAILY ? "前一日" : "上周";
		OfficialDocument.Builder doc = OfficialDocument.builder()
			.masthead(Masthead.periodical(name(period), issue, issuer + "编", f.to()))
			.articleTitle(span + "涉住建领域网络舆情" + (period == Period.DAILY ? "日报" : "周报"));
		doc.heading("总体情况");
		doc.paragraph(span + "，监测系统共捕获命中监测方案的信息" + f.items() + "条，" + previous + f.previousItems() + "条，"
				+ trend(f.items(), f.previousItems()) + "。其中特别重大" + f.byLevel()[3] + "条、重大" + f.byLevel()[2] + "条、较大"
				+ f.byLevel()[1] + "条、一般" + f.byLevel()[0] + "条。");
		doc.heading("分类统计");
		List<List<String>> rows = new ArrayList<>();
		String[] classNames = { "突发事件", "维稳事件", "负面舆情", "重大政策", "创新做法", "武进住建首创" };
		for (int i = 0; i < 6; i++) {
			rows.add(List.of("第" + (i + 1) + "类 " + classNames[i], Integer.toString(f.byClass()[i]),
					Integer.toString(f.previousByClass()[i]), trend(f.byClass()[i], f.previousByClass()[i])));
		}
		for (Topic t : Topic.values()) {
			rows.add(List.of("热点 " + t.label(), Integer.toString(f.byTopic()[t.ordinal()]),
					Integer.toString(f.previousByTopic()[t.ordinal()]),
					trend(f.byTopic()[t.ordinal()], f.previousByTopic()[t.ordinal()])));
		}
		doc.table(DocumentTable.of(List.of("类别", "本期", previous, "变化"), rows));
		doc.heading("重点信息");
		if (f.clusters().isEmpty()) {
			doc.paragraph("本期无重点传播信息。");
		}
		else {
			doc.table(DocumentTable.of(List.of("信息", "首发", "传播（家）", "转载（次）"), f.clusters()));
		}
		doc.heading("舆情处置");
		doc.paragraph("本期新立案" + f.newCases().size() + "起，此前立案仍在办" + f.openCases().size() + "起。");
		if (!f.newCases().isEmpty() || !f.openCases().isEmpty()) {
			List<List<String>> caseRows = new ArrayList<>(f.newCases());
			caseRows.addAll(f.openCases());
			doc.table(DocumentTable.of(List.of("事件", "级别", "热点", "状态", "时限"), caseRows));
		}
		doc.heading("信息源运行");
		doc.paragraph(f.failingSources().isEmpty() ? "各信息源抓取正常。"
				: "以下信息源连续抓取失败，请核查：" + String.join("；", f.failingSources()) + "。");
		doc.imprint(Imprint.builder().line("报送", "局领导班子成员。").line("抄送", "局各科室、直属单位。")
			.issued(issuer, f.to()).build());
		return doc.build();
	}

	static String trend(int now, int before) {
		if (before == 0) {
			return now == 0 ? "持平" : "新增" + now + "条";
		}
		int change = Math.round((now - before) * 100f / before);
		return change == 0 ? "持平" : (change > 0 ? "上升" : "下降") + Math.abs(change) + "%";
	}

	private static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	/** The matched items fetched in the days: classes, level, topics. */
	private List<String[]> items(LocalDate from, LocalDate to) {
		return jdbc.query("select classes, alert_level, topics from mon_item where matched = true and fetched_at >= ? "
				+ "and fetched_at < ?", (rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) },
				JdbcTime.utc(start(from)), JdbcTime.utc(start(to.plusDays(1))));
	}

	private static int[] classes(List<String[]> items) {
		int[] counts = new int[6];
		for (String[] i : items) {
			for (String c : i[0].split(",")) {
				if (!c.isBlank()) {
					counts[Integer.parseInt(c.strip()) - 1]++;
				}
			}
		}
		return counts;
	}

	private static int[] topics(List<String[]> items) {
		int[] counts = new int[Topic.values().length];
		for (String[] i : items) {
			for (String t : i[2].split(",")) {
				if (!t.isBlank()) {
					counts[Topic.valueOf(t.strip()).ordinal()]++;
				}
			}
		}
		return counts;
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}

}
