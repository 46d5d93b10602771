package io.infodesk.assessment.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.LedgerKey;
import io.infodesk.assessment.PlannedEntry;
import io.infodesk.assessment.ScoreKind;

/**
 * The one place of the ledger's SQL ({@code asm_entry}, its monthly sums {@code asm_entry_month}, the stamp row,
 * the late items and the recomputation runs): the ledger, the recomputation, the rankings and the overview read and
 * write through it, so that a query such as the cap sum exists once. Placeholders only; callers own the
 * transactions.
 */
@Repository
public class LedgerStore {

	/** The categories whose entries are credit for an item (the late-item deduction halves them). */
	private static final List<String> ITEM_CREDIT = Arrays.stream(ScoreKind.values())
		.filter(ScoreKind::itemCredit)
		.map(ScoreKind::name)
		.toList();

	private final JdbcTemplate jdbc;

	LedgerStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// ---- writing

	/** Whether the ledger holds an entry of the key (any revision). */
	public boolean has(LedgerKey key) {
		return jdbc.queryForObject("""
				select count(*) from asm_entry where source_type = ? and source_id = ? and rule_key = ? and recipient_key = ?""",
				Integer.class, key.sourceType(), key.sourceId(), key.ruleKey(), key.recipientKey()) > 0;
	}

	/** The highest revision of the key, or null when the ledger has none. */
	public Integer maxRevision(LedgerKey key) {
		return jdbc.queryForObject("""
				select max(revision) from asm_entry where source_type = ? and source_id = ? and rule_key = ?
				and recipient_key = ?""", Integer.class, key.sourceType(), key.sourceId(), key.ruleKey(),
				key.recipientKey());
	}

	/**
	 * What a source scored under a rule, net per recipient (columns recipient_key, unit_id, person_id, category,
	 * points, revision, period_date, item_id, source_label, source_link).
	 */
	public void netPerRecipient(String sourceType, String sourceId, String ruleKey, RowCallbackHandler row) {
		jdbc.query("""
				select recipient_key, min(unit_id) as unit_id, min(person_id) as person_id, min(category) as category,
				  sum(points) as points, max(revision) as revision, min(period_date) as period_date, min(item_id) as item_id,
				  max(source_label) as source_label, max(source_link) as source_link
				from asm_entry where source_type = ? and source_id = ? and rule_key = ? group by recipient_key""", row,
				sourceType, sourceId, ruleKey);
	}

	/**
	 * The credit entries of an item ({@link ScoreKind#itemCredit()}), net per source, rule and recipient, ordered by
	 * source and recipient.
	 */
	public void creditOfItem(long itemId, RowCallbackHandler row) {
		List<Object> args = new ArrayList<>();
		args.add(itemId);
		args.addAll(ITEM_CREDIT);
		jdbc.query("""
				select source_type, source_id, rule_key, recipient_key, unit_id, person_id, category, sum(points) as points,
				       min(period_date) as period_date, max(source_label) as source_label, max(source_link) as source_link
				from asm_entry where item_id = ? and category in (%s)
				group by source_type, source_id, rule_key, recipient_key, unit_id, person_id, category
				order by source_type, source_id, recipient_key""".formatted(placeholders(ITEM_CREDIT.size())), row,
				args.toArray());
	}

	/**
	 * Changes the ledger's stamp (the rankings reuse their sums while it stands still); changed before an insert, it
	 * also orders the ledger's writers, which all lock this one row first.
	 */
	public void touchStamp(long stamp) {
		jdbc.update("update asm_ledger_stamp set stamp = ? where id = 1", stamp);
	}

	public long stamp() {
		return jdbc.queryForObject("select stamp from asm_ledger_stamp where id = 1", Long.class);
	}

	/** Takes the stamp row for the transaction: the writers queue on it. */
	public void lockStamp() {
		jdbc.queryForObject("select stamp from asm_ledger_stamp where id = 1 for update", Long.class);
	}

	/** Appends one entry at the revision. */
	public void insert(PlannedEntry entry, String origin, int revision, Long recomputeId, String createdBy,
			OffsetDateTime createdAt) {
		LedgerKey key = entry.key();
		jdbc.update("""
				insert into asm_entry (unit_id, person_id, recipient_key, points, category, rule_key, rule_id, rule_version,
				  source_type, source_id, item_id, source_label, source_link, period_date, revision, origin, note,
				  recompute_id, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entry.unitId(), entry.personId(),
				key.recipientKey(), entry.points(), entry.category().name(), key.ruleKey(), entry.ruleId(),
				entry.ruleVersion(), key.sourceType(), key.sourceId(), entry.itemId(), truncate(entry.label(), 300),
				truncate(entry.link(), 300), entry.day(), revision, origin, truncate(entry.note(), 500), recomputeId,
				truncate(createdBy, 100), createdAt);
	}

	/** Adds points to the monthly sum of a recipient and category (person 0: the unit side). */
	public void addToMonth(LocalDate month, long person, long unitId, ScoreKind category, BigDecimal points) {
		int updated = jdbc.update("""
				update asm_entry_month set points = points + ? where month_start = ? and person_id = ? and unit_id = ?
				and category = ?""", points, month, person, unitId, category.name());
		if (updated == 0) {
			jdbc.update("insert into asm_entry_month (month_start, person_id, unit_id, category, points) values (?, ?, ?, ?, ?)",
					month, person, unitId, category.name(), points);
		}
	}

	/** The points a rule gave a recipient in [from, to] (the cap's usage). */
	public BigDecimal capSum(String ruleKey, String recipientKey, LocalDate from, LocalDate to) {
		return jdbc.queryForObject("""
				select coalesce(sum(points), 0) from asm_entry where rule_key = ? and recipient_key = ?
				and period_date between ? and ?""", BigDecimal.class, ruleKey, recipientKey, from, to);
	}

	public boolean isLate(long itemId) {
		return jdbc.queryForObject("select count(*) from asm_late_item where item_id = ?", Integer.class, itemId) > 0;
	}

	public void rememberLate(long itemId, long unitId, LocalDate submittedOn, OffsetDateTime at) {
		jdbc.update("insert into asm_late_item (item_id, unit_id, submitted_on, recorded_at) values (?, ?, ?, ?)",
				itemId, unitId, submittedOn, at);
	}

	/** Records a recomputation run; returns its id, as the insert generated it. */
	public long insertRun(LocalDate from, LocalDate to, int differences, BigDecimal delta, String appliedBy,
			OffsetDateTime appliedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("""
					insert into asm_recompute (period_from, period_to, differences, delta, applied_by, applied_at)
					values (?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			insert.setObject(1, from);
			insert.setObject(2, to);
			insert.setInt(3, differences);
			insert.setBigDecimal(4, delta);
			insert.setString(5, appliedBy);
			insert.setObject(6, appliedAt);
			return insert;
		}, keys);
		return keys.getKey().longValue();
	}

	// ---- reading

	/** Entries matching a where clause built with placeholders, newest first. */
	public List<LedgerEntry> entries(String where, Object[] args, int limit) {
		return jdbc.query("select * from asm_entry where " + where + " order by period_date desc, id desc limit "
				+ Math.max(1, Math.min(limit, 100_000)), ENTRY, args);
	}

	public BigDecimal total(String where, Object[] args) {
		return jdbc.queryForObject("select coalesce(sum(points), 0) from asm_entry where " + where, BigDecimal.class,
				args);
	}

	/** Net points per category (columns category, points). */
	public void byCategory(String where, Object[] args, RowCallbackHandler row) {
		jdbc.query("select category, sum(points) as points from asm_entry where " + where + " group by category", row,
				args);
	}

	/** How many standing unit-side keys each rule has in the period (columns rule_key, n). */
	public void countsByRule(LocalDate from, LocalDate to, RowCallbackHandler row) {
		jdbc.query("""
				select rule_key, count(*) as n from (
				  select rule_key, source_type, source_id, recipient_key from asm_entry
				  where person_id is null and period_date between ? and ?
				  group by rule_key, source_type, source_id, recipient_key
				  having max(revision) = 0 or sum(points) <> 0) scored
				group by rule_key""", row, from, to);
	}

	/**
	 * How many standing unit-side keys of the categories each source type and rule has in the period (columns
	 * source_type, rule_key, n).
	 */
	public void standingKeys(LocalDate from, LocalDate to, String[] categories, RowCallbackHandler row) {
		Object[] args = new Object[categories.length + 2];
		args[0] = from;
		args[1] = to;
		System.arraycopy(categories, 0, args, 2, categories.length);
		jdbc.query("""
				select source_type, rule_key, count(*) as n from (
				  select source_type, source_id, rule_key, recipient_key, sum(points) as net, max(revision) as last_revision
				  from asm_entry where person_id is null and period_date between ? and ? and category in (%s)
				  group by source_type, source_id, rule_key, recipient_key) k
				where net <> 0 or last_revision = 0
				group by source_type, rule_key""".formatted(placeholders(categories.length)), row, args);
	}

	/** First (revision 0) unit-side adoption entries of a source type per rule in the period (columns rule_key, n). */
	public void firstAdoptionsByRule(String sourceType, LocalDate from, LocalDate to, RowCallbackHandler row) {
		jdbc.query("""
				select rule_key, count(*) as n from asm_entry where person_id is null and category = 'ADOPTION'
				and source_type = ? and revision = 0 and period_date between ? and ? group by rule_key""", row,
				sourceType, from, to);
	}

	/**
	 * Net points per recipient (unit or person side) and category over the whole months [firstMonth, lastMonth] from
	 * the monthly sums {@code asm_entry_month} (columns id, category, points).
	 */
	public void monthSumsPerRecipient(boolean persons, LocalDate firstMonth, LocalDate lastMonth, RowCallbackHandler row) {
		String recipient = persons ? "person_id" : "unit_id";
		jdbc.query("select " + recipient + " as id, category, sum(points) as points from asm_entry_month where person_id "
				+ (persons ? "<> 0" : "= 0") + " and month_start between ? and ? group by " + recipient + ", category",
				row, firstMonth, lastMonth);
	}

	/** The unit side's net points per unit and month in [firstMonth, lastMonth] (columns unit_id, month_start, points). */
	public void unitMonthSums(LocalDate firstMonth, LocalDate lastMonth, RowCallbackHandler row) {
		jdbc.query("""
				select unit_id, month_start, sum(points) as points from asm_entry_month
				where person_id = 0 and month_start between ? and ? group by unit_id, month_start""", row, firstMonth,
				lastMonth);
	}

	/** Net points per recipient (unit or person side) and category in [from, to] (columns id, category, points). */
	public void sumsPerRecipient(boolean persons, LocalDate from, LocalDate to, RowCallbackHandler row) {
		String column = persons ? "person_id" : "unit_id";
		jdbc.query("select " + column + " as id, category, sum(points) as points from asm_entry where person_id is "
				+ (persons ? "not null" : "null") + " and period_date between ? and ? group by " + column + ", category",
				row, from, to);
	}

	/**
	 * The ledger of a period summed per key (columns by position: source_type, source_id, rule_key, recipient_key,
	 * unit_id, person_id, category, points, revision, first_id, period_date, item_id).
	 */
	public void sumsPerKey(LocalDate from, LocalDate to, RowCallbackHandler row) {
		jdbc.query("""
				select source_type, source_id, rule_key, recipient_key, min(unit_id) as unit_id, min(person_id) as person_id,
				  min(category) as category, sum(points) as points, max(revision) as revision, min(id) as first_id,
				  min(period_date) as period_date, min(item_id) as item_id
				from asm_entry where period_date between ? and ?
				group by source_type, source_id, rule_key, recipient_key""", row, from, to);
	}

	/** The label and link the ledger holds for sources of one type (columns source_id, label, link). */
	public void labels(String sourceType, List<String> sourceIds, LocalDate from, LocalDate to, RowCallbackHandler row) {
		List<Object> args = new ArrayList<>();
		args.add(sourceType);
		args.addAll(sourceIds);
		args.add(from);
		args.add(to);
		jdbc.query("select source_id, max(source_label), max(source_link) from asm_entry where source_type = ? "
				+ "and source_id in (" + placeholders(sourceIds.size()) + ") and period_date between ? and ? "
				+ "group by source_id", row, args.toArray());
	}

	public long count() {
		return jdbc.queryForObject("select count(*) from asm_entry", Long.class);
	}

	private static final RowMapper<LedgerEntry> ENTRY = (ResultSet rs, int row) -> new LedgerEntry(rs.getLong("id"),
			rs.getLong("unit_id"), rs.getObject("person_id", Long.class), rs.getString("recipient_key"),
			rs.getBigDecimal("points"), ScoreKind.valueOf(rs.getString("category")), rs.getString("rule_key"),
			rs.getObject("rule_id", Long.class), rs.getObject("rule_version", Integer.class),
			rs.getString("source_type"), rs.getString("source_id"), rs.getObject("item_id", Long.class),
			rs.getString("source_label"), rs.getString("source_link"), rs.getObject("period_date", LocalDate.class),
			rs.getInt("revision"), rs.getString("origin"), rs.getString("note"), rs.getString("created_by"),
			instant(rs, "created_at"));

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static String placeholders(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
