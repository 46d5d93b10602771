package io.infodesk.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.monitoring.MatchResult;
import io.infodesk.monitoring.Topic;
import io.infodesk.shared.files.FileStore;
import static io.infodesk.shared.time.JdbcTime.utc;

/**
 * Stores what the sources carry: one item per canonical URL (a URL seen again is skipped), the same text under a
 * new URL is a verbatim reprint and joins its cluster, otherwise the item joins the cluster whose SimHash is within
 * {@link SimHash#NEAR} bits (clusters seen in the last {@link #WINDOW}) or opens one. Every item is matched against
 * the enabled schemes with its source's tier and its cluster's spread (distinct sources); when a cluster spreads to
 * a new source, the levels of its items are recomputed.
 */
@Service
public class Items {

	/** How long a cluster stays open to new reprints (the spread window). */
	public static final Duration WINDOW = Duration.ofDays(7);

	/** One text from a source. */
	public record Incoming(String url, String title, String body, Instant publishedAt) {

	}

	/** Where the texts come from. */
	public record Origin(Long sourceId, String name, Integer tier) {

	}

	private record OpenCluster(long id, long simhash) {

	}

	private final JdbcTemplate jdbc;

	private final Matching matching;

	private final Clock clock;

	Items(JdbcTemplate jdbc, Matching matching, Clock clock) {
		this.jdbc = jdbc;
		this.matching = matching;
		this.clock = clock;
	}

	/** Stores the new texts of one fetch in one transaction; returns how many were new. */
	@Transactional
	public int ingest(Origin origin, List<Incoming> incoming) {
		Instant now = Instant.now(clock);
		List<OpenCluster> open = new ArrayList<>(jdbc.query("select id, simhash from mon_cluster where last_seen > ?",
				(rs, n) -> new OpenCluster(rs.getLong(1), rs.getLong(2)), utc(now.minus(WINDOW))));
		int added = 0;
		for (Incoming item : incoming) {
			if (item.url() == null || item.title() == null || item.title().isBlank()) {
				continue;
			}
			String canonical = UrlCanonicaliser.canonical(item.url());
			String urlKey = sha256(canonical);
			Integer seen = jdbc.queryForObject("select count(*) from mon_item where url_key = ?", Integer.class, urlKey);
			if (seen != null && seen > 0) {
				continue;
			}
			String title = clip(item.title().strip(), 500);
			String body = item.body() == null ? "" : clip(item.body().strip(), 20_000);
			String contentKey = sha256((title + body).replaceAll("\\s+", ""));
			long simhash = SimHash.of(title + "\n" + body);
			Long clusterId = jdbc.query("select cluster_id from mon_item where content_key = ? and cluster_id is not null",
					(rs, n) -> rs.getLong(1), contentKey).stream().findFirst().orElse(null);
			if (clusterId == null) {
				int best = SimHash.NEAR + 1;
				for (OpenCluster cluster : open) {
					int distance = SimHash.distance(cluster.simhash(), simhash);
					if (distance < best) {
						best = distance;
						clusterId = cluster.id();
					}
				}
			}
			boolean newCluster = clusterId == null;
			if (newCluster) {
				clusterId = insertReturningId("insert into mon_cluster (simhash, title, first_source, first_seen, "
						+ "last_seen, item_count, source_count) values (?, ?, ?, ?, ?, 0, 0)", simhash, title,
						origin.name(), utc(now), utc(now));
				open.add(new OpenCluster(clusterId, simhash));
			}
			int sourcesBefore = jdbc.queryForObject("select count(distinct source_name) from mon_item where cluster_id = ?",
					Integer.class, clusterId);
			boolean newSource = jdbc.queryForObject(
					"select count(*) from mon_item where cluster_id = ? and source_name = ?", Integer.class, clusterId,
					origin.name()) == 0;
			int spread = sourcesBefore + (newSource ? 1 : 0);
			MatchResult result = matching.analysis().analyse(null, title, body, origin.tier(), spread);
			Instant published = item.publishedAt() == null ? now : item.publishedAt();
			jdbc.update("insert into mon_item (source_id, source_name, source_tier, url, url_key, content_key, title, body, "
					+ "published_at, fetched_at, simhash, cluster_id, relevant, matched, classes, topics, words, negativity, "
					+ "alert_level, weight) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					origin.sourceId(), origin.name(), origin.tier(), clip(canonical, 1000), urlKey, contentKey, title,
					body, utc(published), utc(now), simhash, clusterId, result.relevant(), result.matched(),
					result.classes().stream().map(String::valueOf).collect(Collectors.joining(",")),
					result.topics().stream().map(Topic::name).collect(Collectors.joining(",")),
					clip(String.join(" ", result.words()), 2000), result.negativity(),
					result.level() == null ? null : result.level().name(), result.weight());
			long itemId = jdbc.queryForObject("select id from mon_item where url_key = ?", Long.class, urlKey);
			storeSchemes(itemId, matching.analysis().matcher().match(title + "\n" + body));
			jdbc.update("update mon_cluster set item_count = item_count + 1, source_count = ?, last_seen = ?, "
					+ "first_item_id = coalesce(first_item_id, ?) where id = ?", spread, utc(now), itemId, clusterId);
			if (newSource && spread > 1) {
				relevel(clusterId, spread);
			}
			added++;
		}
		return added;
	}

	/** The levels of a cluster's items with its new spread. */
	private void relevel(long clusterId, int spread) {
		AlertLevels levels = matching.analysis().levels();
		jdbc.query("select id, weight, source_tier, negativity from mon_item where cluster_id = ? and matched = true",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					int tier = rs.getInt("source_tier");
					Integer tierValue = rs.wasNull() ? null : tier;
					String level = levels.level(rs.getInt("weight"), tierValue, rs.getDouble("negativity"), spread).name();
					jdbc.update("update mon_item set alert_level = ? where id = ?", level, rs.getLong("id"));
				}, clusterId);
	}

	/** A stored item as the list shows it, with its cluster's spread and first publisher. */
	public record StoredItem(long id, String sourceName, Integer tier, String url, String title, String body,
			Instant publishedAt, boolean relevant, String classes, String topics, List<String> words, double negativity,
			String level, String feedback, Long clusterId, int clusterItems, int spread, String firstSource) {

	}

	/** The filter of the matched items list; {@code day}: published on that day (Asia/Shanghai), null for any. */
	public record ItemFilter(String level, String topic, Integer classNo, String keyword, java.time.LocalDate day,
			boolean all) {

	}

	/**
	 * The matched items published on one day (the daily watch desk, S3.5-a): how many, how many relevant, by level
	 * (in {@link io.infodesk.monitoring.AlertLevel} order), by hot spot and by S3.5-b class (index 0 = class 1).
	 */
	public record DayFigures(java.time.LocalDate day, int matched, int relevant, int[] byLevel,
			java.util.Map<Topic, Integer> byTopic, int[] byClass) {

	}

	/** The figures of the matched items published on that day. */
	public DayFigures day(java.time.LocalDate day) {
		int[] byLevel = new int[io.infodesk.monitoring.AlertLevel.values().length];
		java.util.Map<Topic, Integer> byTopic = new java.util.EnumMap<>(Topic.class);
		for (Topic t : Topic.values()) {
			byTopic.put(t, 0);
		}
		int[] byClass = new int[6];
		int[] counts = new int[2];
		jdbc.query("select relevant, alert_level, topics, classes from mon_item where matched = true and published_at >= ? "
				+ "and published_at < ?", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					counts[0]++;
					if (rs.getBoolean(1)) {
						counts[1]++;
					}
					String level = rs.getString(2);
					if (level != null) {
						byLevel[io.infodesk.monitoring.AlertLevel.valueOf(level).ordinal()]++;
					}
					for (String t : csv(rs.getString(3))) {
						byTopic.merge(Topic.valueOf(t), 1, Integer::sum);
					}
					for (String c : csv(rs.getString(4))) {
						byClass[Integer.parseInt(c) - 1]++;
					}
				}, utc(start(day)), utc(start(day.plusDays(1))));
		return new DayFigures(day, counts[0], counts[1], byLevel, byTopic, byClass);
	}

	private static List<String> csv(String values) {
		return values == null || values.isBlank() ? List.of() : List.of(values.split(","));
	}

	private Instant start(java.time.LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}

	/** One stored item with its cluster's figures. */
	public java.util.Optional<StoredItem> find(long id) {
		return query(" and i.id = ?", List.of(id), 1).stream().findFirst();
	}

	/** The latest matched items (or all items with {@code all}), newest first, at most {@code limit}. */
	public List<StoredItem> recent(ItemFilter filter, int limit) {
		StringBuilder sql = new StringBuilder(BASE);
		List<Object> args = new ArrayList<>();
		if (!filter.all()) {
			sql.append(" and i.matched = true");
		}
		if (filter.level() != null && !filter.level().isBlank()) {
			sql.append(" and i.alert_level = ?");
			args.add(filter.level());
		}
		if (filter.topic() != null && !filter.topic().isBlank()) {
			sql.append(" and i.topics like ?");
			args.add("%" + filter.topic() + "%");
		}
		if (filter.classNo() != null) {
			sql.append(" and i.classes like ?");
			args.add("%" + filter.classNo() + "%");
		}
		if (filter.day() != null) {
			sql.append(" and i.published_at >= ? and i.published_at < ?");
			args.add(utc(start(filter.day())));
			args.add(utc(start(filter.day().plusDays(1))));
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			sql.append(" and (i.title like ? or i.body like ?)");
			String like = "%" + filter.keyword().strip().replace("%", "").replace("_", "") + "%";
			args.add(like);
			args.add(like);
		}
		return query(sql.substring(BASE.length()), args, limit);
	}

	private static final String BASE = "select i.*, c.item_count, c.source_count, c.first_source from mon_item i "
			+ "left join mon_cluster c on c.id = i.cluster_id where 1 = 1";

	private List<StoredItem> query(String conditions, List<Object> conditionArgs, int limit) {
		StringBuilder sql = new StringBuilder(BASE).append(conditions);
		List<Object> args = new ArrayList<>(conditionArgs);
		sql.append(" order by i.fetched_at desc, i.id desc");
		args.add(limit);
		sql.append(" fetch first ? rows only");
		return jdbc.query(sql.toString(), (rs, n) -> {
			int tier = rs.getInt("source_tier");
			Integer tierValue = rs.wasNull() ? null : tier;
			long cluster = rs.getLong("cluster_id");
			Long clusterValue = rs.wasNull() ? null : cluster;
			OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
			return new StoredItem(rs.getLong("id"), rs.getString("source_name"), tierValue, rs.getString("url"),
					rs.getString("title"), rs.getString("body"), published == null ? null : published.toInstant(),
					rs.getBoolean("relevant"), rs.getString("classes"), rs.getString("topics"),
					Scheme.words(rs.getString("words")), rs.getDouble("negativity"), rs.getString("alert_level"),
					rs.getString("feedback"), clusterValue, rs.getInt("item_count"), rs.getInt("source_count"),
					rs.getString("first_source"));
		}, args.toArray());
	}

	/** How many items are stored. */
	public int count() {
		Integer count = jdbc.queryForObject("select count(*) from mon_item", Integer.class);
		return count == null ? 0 : count;
	}

	/** How many stored items the given schemes would match (the preview before saving a scheme). */
	public int wouldMatch(List<Scheme> schemes) {
		SchemeMatcher matcher = SchemeMatcher.compile(schemes);
		int[] count = { 0 };
		jdbc.query("select title, body from mon_item", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
			if (!matcher.match(rs.getString(1) + "\n" + rs.getString(2)).isEmpty()) {
				count[0]++;
			}
		});
		return count[0];
	}

	/**
	 * Applies the enabled schemes again to every stored item (retroactive matching, after a scheme changed); returns
	 * how many items match now. The office's marks are kept.
	 */
	@Transactional
	public int rematchAll() {
		TextAnalysis analysis = matching.analysis();
		record Stored(long id, String title, String body, Integer tier, int spread) {
		}
		List<Stored> stored = jdbc.query("select i.id, i.title, i.body, i.source_tier, c.source_count from mon_item i "
				+ "left join mon_cluster c on c.id = i.cluster_id", (rs, n) -> {
					int tier = rs.getInt(4);
					Integer tierValue = rs.wasNull() ? null : tier;
					return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), tierValue, Math.max(1, rs.getInt(5)));
				});
		int matched = 0;
		for (Stored item : stored) {
			MatchResult result = analysis.analyse(null, item.title(), item.body(), item.tier(), item.spread());
			jdbc.update("update mon_item set relevant = ?, matched = ?, classes = ?, topics = ?, words = ?, negativity = ?, "
					+ "alert_level = ?, weight = ? where id = ?", result.relevant(), result.matched(),
					result.classes().stream().map(String::valueOf).collect(Collectors.joining(",")),
					result.topics().stream().map(Topic::name).collect(Collectors.joining(",")),
					clip(String.join(" ", result.words()), 2000), result.negativity(),
					result.level() == null ? null : result.level().name(), result.weight(), item.id());
			jdbc.update("delete from mon_item_scheme where item_id = ?", item.id());
			storeSchemes(item.id(), analysis.matcher().match(item.title() + "\n" + item.body()));
			if (result.matched()) {
				matched++;
			}
		}
		return matched;
	}

	private void storeSchemes(long itemId, List<SchemeMatcher.SchemeHit> hits) {
		java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
		for (SchemeMatcher.SchemeHit hit : hits) {
			byName.merge(hit.scheme().name(), String.join(" ", hit.words()), (a, b) -> a + " " + b);
		}
		byName.forEach((name, words) -> jdbc.update(
				"insert into mon_item_scheme (item_id, scheme_name, words) values (?, ?, ?)", itemId, name,
				clip(words, 1000)));
	}

	private long insertReturningId(String sql, Object... args) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.update(connection -> {
			java.sql.PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" });
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	static String sha256(String text) {
		return FileStore.sha256(text.getBytes(StandardCharsets.UTF_8));
	}

}
