package io.infodesk.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditTrail;
import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.time.JdbcTime;

/**
 * Opinion cases (舆情处置, S3.6-a, issue 14 point 9), opened from an alert (a monitored item and its cluster) or by
 * hand. The deadlines follow the national norms summarised in ../shared/PRACTICE.md ("Public-opinion response norms"):
 * 国办发〔2016〕80号 — authoritative information within 5 hours and a press event within 24 hours for a major case
 * (重大, 特别重大); 国办发〔2016〕61号 — a response within 48 hours otherwise. The hours are editable
 * ({@link Hours}). Each deadline is declared to {@link Deadlines} (urgent type {@code CASE_DEADLINE}, reminded an
 * hour before, at the moment, and escalated two hours after) for the office, the responsible section's head and its
 * leader in charge; logging the action that meets it (发布权威信息, 新闻发布, 回应) completes it. Closing needs a
 * summary and a review (复盘) and completes every deadline. Every change is audited.
 * <p>
 * Over ~350 lines because a case's deadlines are declared when it is opened or assigned and completed by the
 * action that meets them and by closing: every change of a case is here, so that none forgets its deadlines;
 * the guidance tasks are deadlines of the same case.
 */
@Service
public class Cases {

	/** The editable deadline hours. */
	public record Hours(int info, int press, int response) {

		public void validate() {
			if (info < 1 || info > 72 || press < 1 || press > 168 || response < 1 || response > 240 || info > press) {
				throw new SchemeInvalid("monitoring.case.error.hours");
			}
		}

	}

	/** A new case as entered. */
	public record Opening(String title, String summary, AlertLevel level, Topic topic, Long itemId, Long unitId) {

	}

	/** One logged action. */
	public record ActionEntry(long id, OpinionCase.Action kind, String note, Instant actedAt, String actorName) {

	}

	/** A linked monitored item. */
	public record LinkedItem(long id, String title, String url, String sourceName, String level) {

	}

	/** A commentator's guidance task on a case (S3.6-c). */
	public record Guidance(long id, long caseId, long personId, String platform, String guidance, Instant createdAt,
			Instant doneAt, String doneNote) {

	}

	/** The month's figures (monthly statistics). */
	public record MonthFigures(YearMonth month, int opened, int closed, int open, int overdue, int major,
			java.util.Map<String, Integer> byTopic) {

	}

	static final List<Duration> OFFSETS = List.of(Duration.ofHours(1), Duration.ZERO, Duration.ofHours(-2));

	private final JdbcTemplate jdbc;

	private final Deadlines deadlines;

	private final Notifications notifications;

	private final Organization organization;

	private final Leadership leadership;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	Cases(JdbcTemplate jdbc, Deadlines deadlines, Notifications notifications, Organization organization,
			Leadership leadership, Accounts accounts, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.organization = organization;
		this.leadership = leadership;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reading ----------------------------------------------------------------------------------

	public Hours hours() {
		return jdbc.queryForObject("select * from mon_case_setting where id = 1",
				(rs, n) -> new Hours(rs.getInt("info_hours"), rs.getInt("press_hours"), rs.getInt("response_hours")));
	}

	/** The cases the user may see, newest first. */
	public List<OpinionCase> visible(DataScope scope, AuthenticatedUser user, OpinionCase.Status status) {
		String order = " order by opened_at desc, id desc fetch first 1000 rows only";
		List<OpinionCase> all = status == null ? jdbc.query("select * from mon_case" + order, Cases::row)
				: jdbc.query("select * from mon_case where status = ?" + order, Cases::row, status.name());
		return all.stream().filter(c -> canSee(c, scope, user)).toList();
	}

	public OpinionCase visible(long id, DataScope scope, AuthenticatedUser user) {
		OpinionCase c = find(id);
		if (!canSee(c, scope, user)) {
			throw new AccessDeniedException("超出数据权限范围");
		}
		return c;
	}

	/** The office sees every case; the others those of a unit in their scope (and, with view, unassigned ones). */
	static boolean canSee(OpinionCase c, DataScope scope, AuthenticatedUser user) {
		if (user.can(Permissions.MONITORING_MANAGE)) {
			return true;
		}
		if (c.unitId() == null) {
			return user.can(Permissions.MONITORING_VIEW);
		}
		return scope.includes(c.unitId());
	}

	/** Whether the user may log actions on the case: the office, or the responsible section within scope. */
	public static boolean canHandle(OpinionCase c, DataScope scope, AuthenticatedUser user) {
		return user.can(Permissions.MONITORING_MANAGE) || (user.can(Permissions.MONITORING_CASE_HANDLE)
				&& c.unitId() != null && scope.includes(c.unitId()));
	}

	OpinionCase find(long id) {
		return jdbc.query("select * from mon_case where id = ?", Cases::row, id).stream().findFirst()
			.orElseThrow(() -> new SchemeInvalid("monitoring.case.error.notFound"));
	}

	public List<ActionEntry> actions(long caseId) {
		return jdbc.query("select * from mon_case_action where case_id = ? order by acted_at, id",
				(rs, n) -> new ActionEntry(rs.getLong("id"), OpinionCase.Action.valueOf(rs.getString("kind")),
						rs.getString("note"), instant(rs, "acted_at"), rs.getString("actor_name")), caseId);
	}

	public List<LinkedItem> items(long caseId) {
		return jdbc.query("select i.id, i.title, i.url, i.source_name, i.alert_level from mon_case_item ci join mon_item i "
				+ "on i.id = ci.item_id where ci.case_id = ? order by i.published_at, i.id",
				(rs, n) -> new LinkedItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
				caseId);
	}

	public List<Guidance> guidance(long caseId) {
		return jdbc.query("select * from mon_guidance_task where case_id = ? order by id", Cases::guidanceRow, caseId);
	}

	/** Every guidance task, newest first (the commentators' page). */
	public List<Guidance> allGuidance() {
		return jdbc.query("select * from mon_guidance_task order by id desc fetch first 500 rows only", Cases::guidanceRow);
	}

	/** Figures of a month: opened, closed, still open, with a missed deadline, major, by hot spot. */
	public MonthFigures month(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
		Instant now = Instant.now(clock);
		List<OpinionCase> opened = jdbc.query("select * from mon_case where opened_at >= ? and opened_at < ?", Cases::row,
				JdbcTime.utc(from), JdbcTime.utc(to));
		int closed = jdbc.queryForObject("select count(*) from mon_case where closed_at >= ? and closed_at < ?",
				Integer.class, JdbcTime.utc(from), JdbcTime.utc(to));
		java.util.Map<String, Integer> byTopic = new java.util.LinkedHashMap<>();
		for (Topic t : Topic.values()) {
			byTopic.put(t.name(), (int) opened.stream().filter(c -> c.topic() == t).count());
		}
		return new MonthFigures(month, opened.size(), closed,
				(int) opened.stream().filter(c -> c.status() != OpinionCase.Status.CLOSED).count(),
				(int) opened.stream().filter(c -> c.overdue(c.closedAt() != null ? c.closedAt() : now)).count(),
				(int) opened.stream().filter(c -> OpinionCase.major(c.level())).count(), byTopic);
	}

	// ---- writing ----------------------------------------------------------------------------------

	/** Opens a case (from an item, its cluster joining, or by hand) and declares its deadlines by level. */
	@Transactional
	public long open(Opening opening, AuthenticatedUser actor) {
		String title = Clues.required(opening.title(), 200, "monitoring.case.error.title");
		String summary = Clues.required(opening.summary(), 5000, "monitoring.case.error.summary");
		if (opening.level() == null) {
			throw new SchemeInvalid("monitoring.case.error.level");
		}
		Long clusterId = null;
		if (opening.itemId() != null) {
			clusterId = jdbc.query("select cluster_id from mon_item where id = ?", (rs, n) -> {
				long v = rs.getLong(1);
				return rs.wasNull() ? null : v;
			}, opening.itemId()).stream().findFirst()
				.orElseThrow(() -> new SchemeInvalid("monitoring.item.error.notFound"));
		}
		if (opening.unitId() != null) {
			requireUnit(opening.unitId());
		}
		Instant now = Instant.now(clock);
		Hours hours = hours();
		boolean major = OpinionCase.major(opening.level());
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		Object[] args = { title, summary, opening.level().name(), opening.topic() == null ? null : opening.topic().name(),
				clusterId, OpinionCase.Status.OPEN.name(), JdbcTime.utc(now), Items.clip(actor.displayName(), 100),
				major ? JdbcTime.utc(now.plus(Duration.ofHours(hours.info()))) : null,
				major ? JdbcTime.utc(now.plus(Duration.ofHours(hours.press()))) : null,
				major ? null : JdbcTime.utc(now.plus(Duration.ofHours(hours.response()))) };
		jdbc.update(connection -> {
			java.sql.PreparedStatement statement = connection.prepareStatement("insert into mon_case (title, summary, "
					+ "alert_level, topic, cluster_id, status, opened_at, opened_by, info_due_at, press_due_at, "
					+ "response_due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		if (opening.itemId() != null) {
			List<Long> linked = clusterId == null ? List.of(opening.itemId())
					: jdbc.queryForList("select id from mon_item where cluster_id = ?", Long.class, clusterId);
			for (Long item : linked) {
				jdbc.update("insert into mon_case_item (case_id, item_id) values (?, ?)", id, item);
			}
		}
		audit.record("MONITORING_CASE_OPENED", "MonitoringCase", id,
				title + "（" + opening.level().label() + "）");
		if (opening.unitId() != null) {
			assign(id, opening.unitId(), actor);
		}
		else {
			declareDeadlines(find(id));
		}
		return id;
	}

	/** Assigns the case to a functional section; its leader in charge (分管领导) follows from the organisation. */
	@Transactional
	public void assign(long id, Long unitId, AuthenticatedUser actor) {
		OpinionCase c = find(id);
		if (c.status() == OpinionCase.Status.CLOSED) {
			throw new SchemeInvalid("monitoring.case.error.closed");
		}
		if (unitId == null) {
			throw new SchemeInvalid("monitoring.case.error.unit");
		}
		Unit unit = requireUnit(unitId);
		Long leader = leadership.current().stream().filter(a -> unitId.equals(a.getUnitId()))
			.map(LeaderAssignment::getLeaderId).findFirst().orElse(null);
		jdbc.update("update mon_case set unit_id = ?, leader_person_id = ?, status = ? where id = ?", unitId, leader,
				OpinionCase.Status.HANDLING.name(), id);
		OpinionCase assigned = find(id);
		audit.record("MONITORING_CASE_ASSIGNED", "MonitoringCase", id, c.title() + " → " + unit.getName());
		List<Long> owners = owners(assigned);
		notifications.notifyAll(owners, NotificationType.CASE_DEADLINE, "舆情事件已分办：" + c.title(),
				"请" + unit.getName() + "按时限核实处置并记录处置情况。", link(id));
		declareDeadlines(assigned);
	}

	/** Logs an action; the action that meets a deadline completes it (the first time). */
	@Transactional
	public void act(long id, OpinionCase.Action kind, String note, AuthenticatedUser actor) {
		OpinionCase c = find(id);
		if (c.status() == OpinionCase.Status.CLOSED) {
			throw new SchemeInvalid("monitoring.case.error.closed");
		}
		if (kind == null) {
			throw new SchemeInvalid("monitoring.case.error.action");
		}
		String text = Clues.required(note, 2000, "monitoring.case.error.note");
		Instant now = Instant.now(clock);
		jdbc.update("insert into mon_case_action (case_id, kind, note, acted_at, actor_user_id, actor_name) "
				+ "values (?, ?, ?, ?, ?, ?)", id, kind.name(), text, JdbcTime.utc(now), actor.userId(),
				Items.clip(actor.displayName(), 100));
		if (kind == OpinionCase.Action.PUBLISH && c.infoDueAt() != null && c.infoAt() == null) {
			jdbc.update("update mon_case set info_at = ? where id = ?", JdbcTime.utc(now), id);
			deadlines.complete(key(id, "info"));
		}
		if (kind == OpinionCase.Action.PRESS && c.pressDueAt() != null && c.pressAt() == null) {
			jdbc.update("update mon_case set press_at = ? where id = ?", JdbcTime.utc(now), id);
			deadlines.complete(key(id, "press"));
		}
		if ((kind == OpinionCase.Action.RESPOND || kind == OpinionCase.Action.PUBLISH) && c.responseDueAt() != null
				&& c.responseAt() == null) {
			jdbc.update("update mon_case set response_at = ? where id = ?", JdbcTime.utc(now), id);
			deadlines.complete(key(id, "response"));
		}
		audit.record("MONITORING_CASE_ACTION", "MonitoringCase", id, kind.name() + "：" + Items.clip(text, 200));
	}

	/** Closes the case with its summary and review (复盘); no more reminders. */
	@Transactional
	public void close(long id, String summary, String review, AuthenticatedUser actor) {
		OpinionCase c = find(id);
		if (c.status() == OpinionCase.Status.CLOSED) {
			throw new SchemeInvalid("monitoring.case.error.closed");
		}
		String s = Clues.required(summary, 5000, "monitoring.case.error.closingSummary");
		String r = Clues.required(review, 5000, "monitoring.case.error.review");
		jdbc.update("update mon_case set status = ?, closed_at = ?, closing_summary = ?, review = ? where id = ?",
				OpinionCase.Status.CLOSED.name(), JdbcTime.utc(Instant.now(clock)), s, r, id);
		for (String which : new String[] { "info", "press", "response" }) {
			deadlines.complete(key(id, which));
		}
		audit.record("MONITORING_CASE_CLOSED", "MonitoringCase", id, c.title());
	}

	@Transactional
	public void updateHours(Hours hours) {
		hours.validate();
		jdbc.update("update mon_case_setting set info_hours = ?, press_hours = ?, response_hours = ? where id = 1",
				hours.info(), hours.press(), hours.response());
		audit.record("MONITORING_CASE_HOURS_UPDATED", "MonitoringCaseSetting", 1,
				hours.info() + "/" + hours.press() + "/" + hours.response());
	}

	/** A guidance task for an online commentator (S3.6-c): what to answer where. */
	@Transactional
	public long guide(long caseId, Long personId, String platform, String guidance, AuthenticatedUser actor) {
		OpinionCase c = find(caseId);
		if (c.status() == OpinionCase.Status.CLOSED) {
			throw new SchemeInvalid("monitoring.case.error.closed");
		}
		if (personId == null || !organization.person(personId).map(p -> p.isOnlineCommentator() && p.isActive())
			.orElse(false)) {
			throw new SchemeInvalid("monitoring.case.error.commentator");
		}
		String where = Clues.required(platform, 200, "monitoring.case.error.platform");
		String what = Clues.required(guidance, 2000, "monitoring.case.error.guidance");
		jdbc.update("insert into mon_guidance_task (case_id, person_id, platform, guidance, created_at) values (?, ?, ?, ?, ?)",
				caseId, personId, where, what, JdbcTime.utc(Instant.now(clock)));
		long id = jdbc.queryForObject("select max(id) from mon_guidance_task where case_id = ?", Long.class, caseId);
		audit.record("MONITORING_GUIDANCE_ASSIGNED", "MonitoringCase", caseId,
				organization.person(personId).map(p -> p.getName()).orElse("") + "：" + where);
		List<Long> users = accounts.userIdsOfPersons(List.of(personId));
		notifications.notifyAll(users, NotificationType.CASE_DEADLINE, "评论引导任务：" + c.title(), where + "：" + what,
				link(caseId));
		return id;
	}

	@Transactional
	public void guidanceDone(long caseId, long taskId, String note, AuthenticatedUser actor) {
		Guidance task = guidance(caseId).stream().filter(g -> g.id() == taskId).findFirst()
			.orElseThrow(() -> new SchemeInvalid("monitoring.case.error.notFound"));
		if (task.doneAt() != null) {
			throw new SchemeInvalid("monitoring.case.error.guidanceDone");
		}
		String text = Clues.required(note, 1000, "monitoring.case.error.note");
		jdbc.update("update mon_guidance_task set done_at = ?, done_note = ? where id = ?", JdbcTime.utc(Instant.now(clock)),
				text, taskId);
		audit.record("MONITORING_GUIDANCE_DONE", "MonitoringCase", caseId, text);
	}

	// ---- deadlines ------------------------------------------------------------------------------------

	private void declareDeadlines(OpinionCase c) {
		List<Long> owners = owners(c);
		String link = link(c.id());
		if (c.infoDueAt() != null && c.infoAt() == null) {
			deadlines.register(key(c.id(), "info"), owners, c.infoDueAt(), NotificationType.CASE_DEADLINE,
					"舆情事件须发布权威信息：" + c.title(), link, OFFSETS);
		}
		if (c.pressDueAt() != null && c.pressAt() == null) {
			deadlines.register(key(c.id(), "press"), owners, c.pressDueAt(), NotificationType.CASE_DEADLINE,
					"舆情事件须举行新闻发布：" + c.title(), link, OFFSETS);
		}
		if (c.responseDueAt() != null && c.responseAt() == null) {
			deadlines.register(key(c.id(), "response"), owners, c.responseDueAt(), NotificationType.CASE_DEADLINE,
					"舆情事件须作出回应：" + c.title(), link, OFFSETS);
		}
	}

	/** The office editors, the responsible section's head and its leader in charge. */
	private List<Long> owners(OpinionCase c) {
		Set<Long> owners = new LinkedHashSet<>();
		accounts.enabledHolders(Role.OFFICE_EDITOR).stream().map(UserAccount::getId).forEach(owners::add);
		List<Long> people = new ArrayList<>();
		if (c.unitId() != null) {
			organization.unit(c.unitId()).map(Unit::getHeadId).ifPresent(people::add);
		}
		if (c.leaderPersonId() != null) {
			people.add(c.leaderPersonId());
		}
		owners.addAll(accounts.userIdsOfPersons(people));
		return List.copyOf(owners);
	}

	public static String key(long id, String which) {
		return "monitoring:case:" + id + ":" + which;
	}

	private static String link(long id) {
		return "/monitoring/cases/" + id;
	}

	private Unit requireUnit(long unitId) {
		return organization.unit(unitId).filter(Unit::isActive)
			.orElseThrow(() -> new SchemeInvalid("monitoring.case.error.unit"));
	}

	// ---- rows -----------------------------------------------------------------------------------------

	static OpinionCase row(ResultSet rs, int n) throws SQLException {
		String topic = rs.getString("topic");
		return new OpinionCase(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
				AlertLevel.valueOf(rs.getString("alert_level")), topic == null ? null : Topic.valueOf(topic),
				longOrNull(rs, "cluster_id"), longOrNull(rs, "unit_id"), longOrNull(rs, "leader_person_id"),
				OpinionCase.Status.valueOf(rs.getString("status")), instant(rs, "opened_at"), rs.getString("opened_by"),
				instant(rs, "info_due_at"), instant(rs, "info_at"), instant(rs, "press_due_at"), instant(rs, "press_at"),
				instant(rs, "response_due_at"), instant(rs, "response_at"), instant(rs, "closed_at"),
				rs.getString("closing_summary"), rs.getString("review"));
	}

	static Guidance guidanceRow(ResultSet rs, int n) throws SQLException {
		return new Guidance(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("person_id"), rs.getString("platform"),
				rs.getString("guidance"), instant(rs, "created_at"), instant(rs, "done_at"), rs.getString("done_note"));
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
