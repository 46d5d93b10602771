package io.infodesk.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.infodesk.audit.AuditTrail;
import io.infodesk.monitoring.Topic;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.time.JdbcTime;

/**
 * The stored schemes and level thresholds: installs the defaults into an empty table, validates every change before
 * writing it (one transaction, audited), and rebuilds the automaton after the commit.
 */
@Service
public class Schemes {

	/** Most words of all enabled schemes together. */
	public static final int MAX_TOTAL_WORDS = 50_000;

	private final JdbcTemplate jdbc;

	private final Matching matching;

	private final AuditTrail audit;

	private final Clock clock;

	Schemes(JdbcTemplate jdbc, Matching matching, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.matching = matching;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void installDefaultsAndLoad() {
		Integer count = jdbc.queryForObject("select count(*) from mon_scheme", Integer.class);
		if (count != null && count == 0) {
			for (Scheme scheme : DefaultSchemes.all()) {
				insert(scheme, "system");
			}
		}
		rebuild();
	}

	public List<Scheme> all() {
		return jdbc.query("select * from mon_scheme order by id", Schemes::row);
	}

	public Optional<Scheme> find(long id) {
		return jdbc.query("select * from mon_scheme where id = ?", Schemes::row, id).stream().findFirst();
	}

	public AlertLevels levels() {
		return jdbc.queryForObject("select * from mon_level_setting where id = 1",
				(rs, n) -> new AlertLevels(rs.getInt("larger_points"), rs.getInt("major_points"),
						rs.getInt("severe_points")));
	}

	@Transactional
	public long create(Scheme scheme) {
		check(scheme, null);
		long id = insert(scheme, CurrentUser.actorName());
		audit.record("MONITORING_SCHEME_CREATED", "MonitoringScheme", id, scheme.name());
		rebuildAfterCommit();
		return id;
	}

	@Transactional
	public void update(long id, Scheme scheme) {
		find(id).orElseThrow(() -> new SchemeInvalid("monitoring.scheme.error.notFound"));
		check(scheme, id);
		jdbc.update("update mon_scheme set code = ?, name = ?, relevant = ?, topic = ?, class_no = ?, logic = ?, "
				+ "proximity = ?, weight = ?, region_words = ?, subject_words = ?, event_words = ?, exclusion_words = ?, "
				+ "enabled = ?, updated_at = ?, updated_by = ? where id = ?", values(scheme, CurrentUser.actorName(), id));
		audit.record("MONITORING_SCHEME_UPDATED", "MonitoringScheme", id, scheme.name());
		rebuildAfterCommit();
	}

	@Transactional
	public void updateLevels(AlertLevels levels) {
		jdbc.update("update mon_level_setting set larger_points = ?, major_points = ?, severe_points = ? where id = 1",
				levels.larger(), levels.major(), levels.severe());
		audit.record("MONITORING_LEVELS_UPDATED", "MonitoringLevels", 1,
				levels.larger() + "/" + levels.major() + "/" + levels.severe());
		rebuildAfterCommit();
	}

	/** Compiles the stored enabled schemes into a new automaton and swaps it in. */
	public void rebuild() {
		List<Scheme> schemes = new java.util.ArrayList<>(all());
		schemes.addAll(watchSchemes());
		matching.rebuild(schemes, levels());
	}

	/**
	 * One scheme per hot spot from the active watch-list entries (issue 14 point 10): their project, community and
	 * company names as subject words (OR), weight 3, relevant, so that the lists make monitoring proactive.
	 */
	List<Scheme> watchSchemes() {
		java.util.Map<io.infodesk.monitoring.Topic, java.util.LinkedHashSet<String>> words = new java.util.EnumMap<>(
				io.infodesk.monitoring.Topic.class);
		jdbc.query("select topic, name, party from mon_watch_entry where active = true order by id",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					var set = words.computeIfAbsent(io.infodesk.monitoring.Topic.valueOf(rs.getString(1)),
							t -> new java.util.LinkedHashSet<>());
					for (String name : new String[] { rs.getString(2), rs.getString(3) }) {
						if (name != null && name.strip().length() >= 2) {
							set.add(name.strip());
						}
					}
				});
		List<Scheme> schemes = new java.util.ArrayList<>();
		words.forEach((topic, names) -> schemes.add(new Scheme(null, "WATCH_" + topic.name(), WATCH_PREFIX + topic.label(),
				true, topic, null, Scheme.Logic.OR, null, 3, List.of(), List.copyOf(names), List.of(), List.of(), true)));
		return schemes;
	}

	/** The name of a watch-list scheme: this prefix and the hot spot's label. */
	public static final String WATCH_PREFIX = "关注清单·";

	private void check(Scheme scheme, Long id) {
		scheme.validate();
		List<Long> sameCode = jdbc.queryForList("select id from mon_scheme where code = ?", Long.class, scheme.code());
		if (sameCode.stream().anyMatch(other -> !other.equals(id))) {
			throw new SchemeInvalid("monitoring.scheme.error.codeTaken", scheme.code());
		}
		int others = all().stream().filter(s -> s.enabled() && !s.id().equals(id)).mapToInt(Scheme::wordCount).sum();
		if (scheme.enabled() && others + scheme.wordCount() > MAX_TOTAL_WORDS) {
			throw new SchemeInvalid("monitoring.scheme.error.totalTooMany", MAX_TOTAL_WORDS);
		}
	}

	public void rebuildAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					rebuild();
				}
			});
		}
		else {
			rebuild();
		}
	}

	private long insert(Scheme scheme, String by) {
		jdbc.update("insert into mon_scheme (code, name, relevant, topic, class_no, logic, proximity, weight, "
				+ "region_words, subject_words, event_words, exclusion_words, enabled, updated_at, updated_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(scheme, by, null));
		return jdbc.queryForObject("select id from mon_scheme where code = ?", Long.class, scheme.code());
	}

	private Object[] values(Scheme s, String by, Long id) {
		Object[] base = { s.code(), s.name(), s.relevant(), s.topic() == null ? null : s.topic().name(), s.classNo(),
				s.logic().name(), s.proximity(), s.weight(), Scheme.joined(s.region()), Scheme.joined(s.subject()),
				Scheme.joined(s.event()), Scheme.joined(s.exclusion()), s.enabled(),
				JdbcTime.utc(Instant.now(clock)), by };
		if (id == null) {
			return base;
		}
		Object[] withId = java.util.Arrays.copyOf(base, base.length + 1);
		withId[base.length] = id;
		return withId;
	}

	static Scheme row(ResultSet rs, int n) throws SQLException {
		String topic = rs.getString("topic");
		int classNo = rs.getInt("class_no");
		Integer classValue = rs.wasNull() ? null : classNo;
		int proximity = rs.getInt("proximity");
		Integer proximityValue = rs.wasNull() ? null : proximity;
		return new Scheme(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getBoolean("relevant"),
				topic == null ? null : Topic.valueOf(topic), classValue, Scheme.Logic.valueOf(rs.getString("logic")),
				proximityValue, rs.getInt("weight"), Scheme.words(rs.getString("region_words")),
				Scheme.words(rs.getString("subject_words")), Scheme.words(rs.getString("event_words")),
				Scheme.words(rs.getString("exclusion_words")), rs.getBoolean("enabled"));
	}

}
