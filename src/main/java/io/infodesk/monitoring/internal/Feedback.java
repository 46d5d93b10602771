package io.infodesk.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.time.JdbcTime;

/**
 * The office's marks on matched items (有效 valid / 误报 false positive, issue 14 point 7) and what they say of each
 * scheme: its precision (valid ÷ marked) per month and overall, and the words that produced the most 误报.
 */
@Service
public class Feedback {

	/** A mark. Labels: {@code monitoring.feedback.<NAME>}. */
	public enum Mark {

		VALID, FALSE_POSITIVE

	}

	/** Precision of one scheme over the marked items. */
	public record Precision(int valid, int falsePositive, List<String> falseWords) {

		public static final Precision NONE = new Precision(0, 0, List.of());

		public int marked() {
			return valid + falsePositive;
		}

		/** "83%（10/12）", or "—" before any mark. */
		public String text() {
			return marked() == 0 ? "—" : Math.round(100.0 * valid / marked()) + "%（" + valid + "/" + marked() + "）";
		}

	}

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Feedback(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public void mark(long itemId, Mark mark) {
		List<String> titles = jdbc.queryForList("select title from mon_item where id = ? and matched = true", String.class,
				itemId);
		if (titles.isEmpty()) {
			throw new SchemeInvalid("monitoring.item.error.notFound");
		}
		jdbc.update("update mon_item set feedback = ?, feedback_by = ?, feedback_at = ? where id = ?", mark.name(),
				CurrentUser.actorName(), JdbcTime.utc(Instant.now(clock)), itemId);
		audit.record("MONITORING_ITEM_MARKED", "MonitoringItem", itemId,
				(mark == Mark.VALID ? "有效：" : "误报：") + titles.get(0));
	}

	/** Per scheme name: the marks of the items it matched and its five words most often behind a 误报. */
	public Map<String, Precision> precisionBySchemeName() {
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, Map<String, Integer>> falseWords = new HashMap<>();
		jdbc.query("select s.scheme_name, s.words, i.feedback from mon_item_scheme s join mon_item i on i.id = s.item_id "
				+ "where i.feedback is not null", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					String name = rs.getString(1);
					boolean valid = Mark.VALID.name().equals(rs.getString(3));
					counts.computeIfAbsent(name, n -> new int[2])[valid ? 0 : 1]++;
					if (!valid) {
						for (String word : Scheme.words(rs.getString(2))) {
							falseWords.computeIfAbsent(name, n -> new HashMap<>()).merge(word, 1, Integer::sum);
						}
					}
				});
		Map<String, Precision> result = new LinkedHashMap<>();
		counts.forEach((name, c) -> {
			List<Map.Entry<String, Integer>> words = new ArrayList<>(falseWords.getOrDefault(name, Map.of()).entrySet());
			words.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
			result.put(name, new Precision(c[0], c[1], words.stream().limit(5).map(e -> e.getKey() + "×" + e.getValue()).toList()));
		});
		return result;
	}

	/** Precision per month (yyyy-MM → precision) of one scheme, oldest first. */
	public Map<String, Precision> monthlyPrecision(String schemeName) {
		Map<String, int[]> counts = new java.util.TreeMap<>();
		jdbc.query("select i.feedback_at, i.feedback from mon_item_scheme s join mon_item i on i.id = s.item_id "
				+ "where i.feedback is not null and s.scheme_name = ?", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					String month = rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(clock.getZone())
						.toLocalDate().toString().substring(0, 7);
					counts.computeIfAbsent(month, m -> new int[2])[Mark.VALID.name().equals(rs.getString(2)) ? 0 : 1]++;
				}, schemeName);
		Map<String, Precision> result = new LinkedHashMap<>();
		counts.forEach((month, c) -> result.put(month, new Precision(c[0], c[1], List.of())));
		return result;
	}

}
