package io.infodesk.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.infodesk.InfoDeskApplication;
import io.infodesk.shared.security.DataScope;
import io.infodesk.xuexi.Figures;
import io.infodesk.xuexi.ReportField;
import io.infodesk.xuexi.ReportKind;
import io.infodesk.xuexi.XuexiFigures;
import io.infodesk.xuexi.XuexiImports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The 学习强国 benchmark of issue 13 ("Performance"), run by {@code bench/run-xuexi.sh} with the JVM heap capped at
 * {@code -Xmx256m} (application, generator and measurement in this one JVM), once on H2 and once on PostgreSQL 17:
 * <ol>
 * <li>InfoDesk starts (profile demo; with {@code postgres} on an embedded PostgreSQL 17), 300 bench members are put on
 * the roster (SQL, one unit, platform member ids {@code BENCH0001…});</li>
 * <li>a daily-detail XLSX of 50,100 rows (300 members × 167 days of 2026) is written with POI's streaming writer;</li>
 * <li><b>baseline</b>: the same file read and checked by the import's preview (stage + preview: the streaming read,
 * matching and every row check, nothing written), then <b>the import end to end</b> (stage + execute: read, check,
 * replace the days, batch insert, audit) — each timed, with the peak heap in use during it;</li>
 * <li>a year of daily data (300 members × 365 days of 2025, 109,500 rows, SQL batches) and the <b>figures of that
 * year</b> (registration, daily login, every cadre's pace and forecast; the daily facts summed by SQL) timed over 7
 * runs (median), with the baseline of a plain {@code count(*)} over the same rows and the time to read every one of
 * them (what the figures read before the sums moved to SQL).</li>
 * </ol>
 * Usage: {@code java -Xmx256m … io.infodesk.bench.XuexiBench h2|postgres}.
 */
public final class XuexiBench {

	static final int MEMBERS = 300;

	static final int IMPORT_DAYS = 167;

	public static void main(String[] args) throws Exception {
		String database = args.length == 0 ? "h2" : args[0];
		Path dataDir = Files.createTempDirectory("infodesk-xuexi-bench");
		EmbeddedPostgres pg = null;
		Map<String, Object> properties = new LinkedHashMap<>();
		if (database.equals("postgres")) {
			pg = EmbeddedPostgres.builder()
				.setServerConfig("timezone", "UTC")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			try (Connection connection = pg.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("create database infodesk encoding 'UTF8' template template0");
			}
			properties.put("spring.datasource.url", pg.getJdbcUrl("postgres", "infodesk"));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("infodesk.data-dir", dataDir.toString());
		// the demo data on a throw-away embedded PostgreSQL on loopback (DemoGuard refuses demo on any other database)
		properties.put("infodesk.demo.allow-any-database", "true");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.file.name", dataDir.resolve("infodesk.log").toString());
		properties.put("infodesk.audit.purge-cron", "-");
		properties.put("infodesk.notification.digest-cron", "-");
		properties.put("infodesk.notification.poll-interval", "1h");
		properties.put("infodesk.notification.reminder-interval", "1h");
		properties.put("infodesk.reporting.missed-deadline-interval", "1h");
		properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
		long t0 = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(InfoDeskApplication.class)
			.profiles(database.equals("postgres") ? new String[] { "postgres", "demo" } : new String[] { "demo" })
			.run();
		System.out.printf("XUEXI %s: InfoDesk started in %.1f s, max heap %d MB, %d processors, load average %.1f%n",
				database, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		try {
			run(app, database, dataDir);
		}
		finally {
			app.close();
			if (pg != null) {
				pg.close();
			}
		}
	}

	static void run(ConfigurableApplicationContext app, String database, Path dataDir) throws Exception {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		UserDetails personnel = app.getBean(UserDetailsService.class).loadUserByUsername("personnel");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(personnel, null, personnel.getAuthorities()));
		List<Long> members = seedMembers(jdbc);

		Path file = dataDir.resolve("daily-50k.xlsx");
		LocalDate first = LocalDate.of(2026, 1, 1);
		long t = System.nanoTime();
		int rows = writeDaily(file, first);
		System.out.printf("XUEXI %s: wrote %s, %d rows, %d KB in %.1f s%n", database, file.getFileName(), rows,
				Files.size(file) >> 10, (System.nanoTime() - t) / 1e9);

		XuexiImports imports = app.getBean(XuexiImports.class);
		Map<ReportField, Integer> columns = new LinkedHashMap<>();
		columns.put(ReportField.MEMBER_ID, 0);
		columns.put(ReportField.NAME, 1);
		columns.put(ReportField.DATE, 2);
		columns.put(ReportField.POINTS, 3);
		columns.put(ReportField.LOGGED_IN, 4);
		XuexiImports.Mapping mapping = new XuexiImports.Mapping(ReportKind.DAILY, columns, null);
		for (int run = 1; run <= 2; run++) {
			System.gc();
			resetPeaks();
			t = System.nanoTime();
			XuexiImports.Staged staged = imports.stage(Files.size(file), new FileSystemResource(file), "daily-50k.xlsx");
			XuexiImports.Preview preview = imports.preview(staged.token(), mapping);
			double previewSeconds = (System.nanoTime() - t) / 1e9;
			long previewPeak = peakHeap();
			imports.discard(staged.token());
			if (!preview.importable()) {
				throw new IllegalStateException("the bench file has problems: " + preview.problems());
			}
			System.gc();
			resetPeaks();
			t = System.nanoTime();
			staged = imports.stage(Files.size(file), new FileSystemResource(file), "daily-50k.xlsx");
			XuexiImports.Result result = imports.execute(staged.token(), mapping, null);
			double importSeconds = (System.nanoTime() - t) / 1e9;
			long importPeak = peakHeap();
			System.out.printf(
					"XUEXI %s run %d: baseline read+check (preview) %.2f s, peak heap %d MB | import end to end %.2f s, peak heap %d MB — %d rows, %d members, %s..%s%n",
					database, run, previewSeconds, previewPeak >> 20, importSeconds, importPeak >> 20, result.rows(),
					result.matchedMembers(), result.firstDay(), result.lastDay());
		}
		System.out.printf("XUEXI %s: %d daily rows after two imports of the same file (idempotent: %d expected)%n", database,
				jdbc.queryForObject("select count(*) from xuexi_daily where learn_day >= ?", Long.class, Date.valueOf(first)),
				rows);

		// a full year of 2025 for the figures: 300 members × 365 days
		t = System.nanoTime();
		seedYear(jdbc, members, 2025);
		System.out.printf("XUEXI %s: seeded 2025 (%d daily rows) in %.1f s%n", database,
				jdbc.queryForObject("select count(*) from xuexi_daily where learn_day between ? and ?", Long.class,
						Date.valueOf(LocalDate.of(2025, 1, 1)), Date.valueOf(LocalDate.of(2025, 12, 31))),
				(System.nanoTime() - t) / 1e9);
		XuexiFigures figures = app.getBean(XuexiFigures.class);
		int runs = 7;
		double[] baseline = new double[runs];
		double[] readAll = new double[runs];
		double[] figureTimes = new double[runs];
		Figures last = null;
		Date yearStart = Date.valueOf(LocalDate.of(2025, 1, 1));
		Date yearEnd = Date.valueOf(LocalDate.of(2025, 12, 31));
		for (int i = 0; i < runs + 2; i++) {
			long b = System.nanoTime();
			jdbc.queryForObject("select count(*) from xuexi_daily where learn_day between ? and ?", Long.class,
					yearStart, yearEnd);
			double baselineMs = (System.nanoTime() - b) / 1e6;
			// what the figures read before the sums moved to SQL: every member-day row of the year
			long r = System.nanoTime();
			long[] sum = new long[1];
			jdbc.query("select member_id, learn_day, points, logged_in from xuexi_daily where learn_day between ? and ?",
					rs -> {
						sum[0] += rs.getLong(1) + rs.getObject(2, LocalDate.class).getDayOfYear() + rs.getInt(3)
								+ (rs.getBoolean(4) ? 1 : 0);
					}, yearStart, yearEnd);
			double readAllMs = (System.nanoTime() - r) / 1e6;
			long f = System.nanoTime();
			last = figures.figures(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), DataScope.all());
			double figuresMs = (System.nanoTime() - f) / 1e6;
			if (i >= 2) { // two warm-up runs
				baseline[i - 2] = baselineMs;
				readAll[i - 2] = readAllMs;
				figureTimes[i - 2] = figuresMs;
			}
		}
		Arrays.sort(baseline);
		Arrays.sort(readAll);
		Arrays.sort(figureTimes);
		System.out.printf(
				"XUEXI %s: figures of 2025 (%d units, %d cadres, %d data days): median %.0f ms (min %.0f, max %.0f) | baseline count(*) median %.1f ms | reading every row (the former figures' input) median %.0f ms — %d runs, load average %.1f%n",
				database, last.units().size(), last.cadres().size(), last.dataDays(), figureTimes[runs / 2], figureTimes[0],
				figureTimes[runs - 1], baseline[runs / 2], readAll[runs / 2], runs,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** 300 bench people in the first active unit, on the roster with platform ids, every third a section-level cadre. */
	static List<Long> seedMembers(JdbcTemplate jdbc) {
		long unit = jdbc.queryForObject("select min(id) from org_unit where active = true", Long.class);
		Timestamp now = Timestamp.from(Instant.now());
		List<Long> members = new ArrayList<>();
		for (int i = 1; i <= MEMBERS; i++) {
			jdbc.update("""
					insert into org_person (name, unit_id, party_member, section_level_cadre, online_commentator, sort_order,
					active, created_at, updated_at) values (?, ?, true, ?, false, 9000, true, ?, ?)""", name(i), unit,
					i % 3 == 0, now, now);
			long person = jdbc.queryForObject("select max(id) from org_person", Long.class);
			jdbc.update("""
					insert into xuexi_member (person_id, unit_id, required, platform_name, platform_member_id, registered,
					registered_on, created_at, updated_at) values (?, ?, true, ?, ?, true, ?, ?, ?)""", person, unit,
					name(i), memberId(i), Date.valueOf(LocalDate.of(2024, 6, 1)), now, now);
			members.add(jdbc.queryForObject("select id from xuexi_member where person_id = ?", Long.class, person));
		}
		return members;
	}

	static String name(int i) {
		return String.format("压测学员%04d", i);
	}

	static String memberId(int i) {
		return String.format("BENCH%04d", i);
	}

	/**
	 * Writes the report with POI's streaming writer (SXSSF: Zip64 extra fields and data descriptors, which the upload's
	 * stream check in shared.files reads since issue 13's second session).
	 */
	static int writeDaily(Path file, LocalDate first) throws Exception {
		return writeStreaming(file, first);
	}

	static int writeStreaming(Path file, LocalDate first) throws Exception {
		int rows = 0;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("学习明细");
			Row header = sheet.createRow(0);
			String[] headers = { "学习强国号", "姓名", "日期", "当日积分", "是否登录" };
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			for (int d = 0; d < IMPORT_DAYS; d++) {
				String day = first.plusDays(d).toString();
				for (int m = 1; m <= MEMBERS; m++) {
					Row row = sheet.createRow(++rows);
					int points = (m * 7 + d * 13) % 41;
					row.createCell(0).setCellValue(memberId(m));
					row.createCell(1).setCellValue(name(m));
					row.createCell(2).setCellValue(day);
					row.createCell(3).setCellValue(points);
					row.createCell(4).setCellValue(points > 0 ? "是" : "否");
				}
			}
			workbook.write(out);
			workbook.dispose();
		}
		return rows;
	}

	static void seedYear(JdbcTemplate jdbc, List<Long> members, int year) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				insert into xuexi_import (kind, file_name, row_count, matched, unmatched, first_day, last_day, imported_by,
				imported_at) values ('DAILY', 'bench-seed', 0, 0, 0, ?, ?, 'bench', ?)""",
				Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)), now);
		long importId = jdbc.queryForObject("select max(id) from xuexi_import", Long.class);
		List<Object[]> batch = new ArrayList<>();
		List<Object[]> days = new ArrayList<>();
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			days.add(new Object[] { Date.valueOf(day), importId });
			int d = day.getDayOfYear();
			for (int m = 0; m < members.size(); m++) {
				int points = (m * 7 + d * 13) % 41;
				batch.add(new Object[] { members.get(m), Date.valueOf(day), points, points > 0, importId });
				if (batch.size() == 1000) {
					jdbc.batchUpdate(
							"insert into xuexi_daily (member_id, learn_day, points, logged_in, import_id) values (?, ?, ?, ?, ?)",
							batch);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			jdbc.batchUpdate("insert into xuexi_daily (member_id, learn_day, points, logged_in, import_id) values (?, ?, ?, ?, ?)",
					batch);
		}
		jdbc.batchUpdate("insert into xuexi_data_day (learn_day, import_id) values (?, ?)", days);
	}

	static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peaks since the reset (an upper bound of the heap in use at any moment). */
	static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
