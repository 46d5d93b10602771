package io.infodesk.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.time.JdbcTime;

/**
 * The sources and their fetching: validated, audited changes; {@link #fetchDue} fetches every enabled source whose
 * next fetch is due, each on its own (a malformed feed or a failing host is logged against that source and never
 * stops the others); success resets the back-off, failure doubles the wait (interval × 2^failures, at most 32×) and
 * marks the source unhealthy after {@link Source#UNHEALTHY_AFTER} failures in a row. {@link #preview} shows what a
 * source would give without storing anything ("test this source").
 */
@Service
public class Sources {

	private static final Logger log = LoggerFactory.getLogger(Sources.class);

	/** What one fetch did. */
	public record Outcome(boolean ok, int found, int added, String status) {

	}

	private final JdbcTemplate jdbc;

	private final Items items;

	private final Fetcher fetcher;

	private final AuditTrail audit;

	private final Clock clock;

	Sources(JdbcTemplate jdbc, Items items, MonitoringSettings settings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.fetcher = new Fetcher(settings.timeout(), settings.maxBytes(), settings.hostGap());
		this.audit = audit;
		this.clock = clock;
	}

	public List<Source> all() {
		return jdbc.query("select * from mon_source order by id", Sources::row);
	}

	public Optional<Source> find(long id) {
		return jdbc.query("select * from mon_source where id = ?", Sources::row, id).stream().findFirst();
	}

	@Transactional
	public long create(Source s) {
		s.validate();
		jdbc.update("insert into mon_source (name, kind, tier, region, format, url, item_selector, date_selector, "
				+ "summary_selector, interval_minutes, enabled, allow_internal, failures, healthy, last_new_items, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, true, 0, ?)", s.name().strip(), s.kind().name(), s.tier(),
				s.region(), s.format().name(), s.url().strip(), s.itemSelector(), s.dateSelector(), s.summarySelector(),
				s.intervalMinutes(), s.enabled(), s.allowInternal(), JdbcTime.utc(Instant.now(clock)));
		long id = jdbc.queryForObject("select max(id) from mon_source where url = ?", Long.class, s.url().strip());
		audit.record("MONITORING_SOURCE_CREATED", "MonitoringSource", id,
				s.name() + (s.allowInternal() ? "（允许内网地址）" : ""));
		return id;
	}

	/** Changes a source; a new address forgets the stored ETag / Last-Modified and the health (a new start). */
	@Transactional
	public void update(long id, Source s) {
		Source old = find(id).orElseThrow(() -> new SchemeInvalid("monitoring.source.error.notFound"));
		s.validate();
		boolean moved = !old.url().equals(s.url().strip());
		jdbc.update("update mon_source set name = ?, kind = ?, tier = ?, region = ?, format = ?, url = ?, item_selector = ?, "
				+ "date_selector = ?, summary_selector = ?, interval_minutes = ?, enabled = ?, allow_internal = ? where id = ?",
				s.name().strip(), s.kind().name(), s.tier(), s.region(), s.format().name(), s.url().strip(),
				s.itemSelector(), s.dateSelector(), s.summarySelector(), s.intervalMinutes(), s.enabled(),
				s.allowInternal(), id);
		if (moved) {
			jdbc.update("update mon_source set etag = null, last_modified = null, next_fetch_at = null, failures = 0, "
					+ "healthy = true, last_status = null where id = ?", id);
		}
		audit.record("MONITORING_SOURCE_UPDATED", "MonitoringSource", id,
				s.name() + (s.enabled() ? "" : "（停用）") + (s.allowInternal() ? "（允许内网地址）" : ""));
	}

	/** Asks the fetch job to fetch the source at its next run (within a minute); the page does not wait for it. */
	@Transactional
	public void fetchSoon(long id) {
		Source source = find(id).orElseThrow(() -> new SchemeInvalid("monitoring.source.error.notFound"));
		if (!source.enabled()) {
			throw new SchemeInvalid("monitoring.source.error.disabled");
		}
		jdbc.update("update mon_source set next_fetch_at = ? where id = ?", JdbcTime.utc(Instant.now(clock)), id);
		audit.record("MONITORING_SOURCE_FETCH_REQUESTED", "MonitoringSource", id, source.name());
	}

	/**
	 * Imports a list of sources (the columns of the export), all or none: every row is checked first and the problems
	 * of all rows are refused together; a row whose address is already watched is skipped. Returns how many were added.
	 */
	@Transactional
	public ImportResult importAll(List<Source> rows, List<String> rowProblems) {
		List<String> problems = new java.util.ArrayList<>(rowProblems);
		java.util.Set<String> known = new java.util.HashSet<>(jdbc.queryForList("select url from mon_source", String.class));
		java.util.Set<String> inFile = new java.util.HashSet<>();
		List<Source> toAdd = new java.util.ArrayList<>();
		int skipped = 0;
		for (Source row : rows) {
			if (row == null) {
				continue;
			}
			String url = row.url() == null ? "" : row.url().strip();
			if (known.contains(url) || !inFile.add(url)) {
				skipped++;
				continue;
			}
			toAdd.add(row);
		}
		if (!problems.isEmpty()) {
			throw new io.infodesk.shared.web.BusinessException.Problems("monitoring.source.import.refused", problems);
		}
		for (Source row : toAdd) {
			create(row);
		}
		audit.record("MONITORING_SOURCES_IMPORTED", "MonitoringSource", null,
				"导入 " + toAdd.size() + " 个，跳过已有 " + skipped + " 个");
		return new ImportResult(toAdd.size(), skipped);
	}

	/** What an import did. */
	public record ImportResult(int added, int skipped) {

	}

	/** Fetches every due source; returns how many were fetched. */
	public int fetchDue() {
		Instant now = Instant.now(clock);
		List<Source> due = all().stream()
			.filter(Source::enabled)
			.filter(s -> s.nextFetchAt() == null || !s.nextFetchAt().isAfter(now))
			.toList();
		for (Source source : due) {
			fetch(source);
		}
		return due.size();
	}

	/** Fetches one source now, stores its new items and its health. Never throws. */
	public Outcome fetch(Source source) {
		Instant now = Instant.now(clock);
		try {
			Fetcher.Fetched fetched = fetcher.get(source.url(), source.allowInternal(), source.etag(), source.lastModified());
			if (fetched.notModified()) {
				succeeded(source, now, source.etag(), source.lastModified(), "304 未更新", 0);
				return new Outcome(true, 0, 0, "304");
			}
			List<Items.Incoming> incoming = parse(source, fetched);
			int added = items.ingest(new Items.Origin(source.id(), source.name(), source.tier()), incoming);
			succeeded(source, now, fetched.etag(), fetched.lastModified(),
					"成功：" + incoming.size() + " 条，新增 " + added + " 条（" + fetched.charset() + "）", added);
			return new Outcome(true, incoming.size(), added, "200");
		}
		catch (Fetcher.FetchFailed failed) {
			return failed(source, now, failed.getMessage());
		}
		catch (Exception malformed) {
			log.warn("Source {} ({}) skipped: {}", source.id(), source.url(), malformed.toString());
			return failed(source, now, "内容无法解析：" + malformed.getClass().getSimpleName());
		}
	}

	/** What the source would give now, nothing stored, with the items as parsed. */
	public List<Items.Incoming> preview(Source source) throws Exception {
		Fetcher.Fetched fetched = fetcher.get(source.url(), source.allowInternal(), null, null);
		return parse(source, fetched);
	}

	private static List<Items.Incoming> parse(Source source, Fetcher.Fetched fetched) throws Exception {
		return source.format() == Source.Format.FEED ? SourceParser.feed(fetched.text())
				: SourceParser.listPage(fetched.text(), fetched.finalUri().toString(), source.itemSelector(),
						source.dateSelector(), source.summarySelector());
	}

	private void succeeded(Source source, Instant now, String etag, String lastModified, String status, int added) {
		jdbc.update("update mon_source set etag = ?, last_modified = ?, last_fetched_at = ?, next_fetch_at = ?, failures = 0, "
				+ "healthy = true, last_status = ?, last_new_items = ? where id = ?", Items.clip(etag == null ? "" : etag, 300),
				lastModified, JdbcTime.utc(now), JdbcTime.utc(now.plus(Duration.ofMinutes(source.intervalMinutes()))),
				Items.clip(status, 200), added, source.id());
	}

	private Outcome failed(Source source, Instant now, String message) {
		int failures = source.failures() + 1;
		long factor = 1L << Math.min(failures, 5);
		Instant next = now.plus(Duration.ofMinutes(source.intervalMinutes() * factor));
		boolean healthy = failures < Source.UNHEALTHY_AFTER;
		jdbc.update("update mon_source set last_fetched_at = ?, next_fetch_at = ?, failures = ?, healthy = ?, last_status = ?, "
				+ "last_new_items = 0 where id = ?", JdbcTime.utc(now), JdbcTime.utc(next), failures, healthy,
				Items.clip("失败：" + message, 200), source.id());
		log.warn("Source {} ({}) failed {} time(s): {}", source.id(), source.name(), failures, message);
		return new Outcome(false, 0, 0, message);
	}

	static Source row(ResultSet rs, int n) throws SQLException {
		return new Source(rs.getLong("id"), rs.getString("name"), Source.Kind.valueOf(rs.getString("kind")),
				rs.getInt("tier"), rs.getString("region"), Source.Format.valueOf(rs.getString("format")),
				rs.getString("url"), rs.getString("item_selector"), rs.getString("date_selector"),
				rs.getString("summary_selector"), rs.getInt("interval_minutes"), rs.getBoolean("enabled"),
				rs.getBoolean("allow_internal"), empty(rs.getString("etag")), rs.getString("last_modified"),
				instant(rs, "last_fetched_at"), instant(rs, "next_fetch_at"), rs.getInt("failures"),
				rs.getBoolean("healthy"), rs.getString("last_status"), rs.getInt("last_new_items"));
	}

	private static String empty(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
