package io.infodesk.monitoring.internal;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditTrail;
import io.infodesk.monitoring.Topic;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.JdbcTime;

/**
 * Clues of major information (S3.5-a/b, issue 14 point 8): anyone reports one (the URL is validated and stored, never
 * fetched by the server, so a clue cannot make InfoDesk call an internal address); the office is notified at once
 * (urgent type {@code MAJOR_INFORMATION}), edits it a second time (二次整理) and turns it into a draft information
 * item through reporting's public {@link InformationItems} (linked back), or archives it with a reason. The
 * designated watchers (the units' current publicists) who reported nothing for N working days are listed.
 */
@Service
public class Clues {

	/** The report as entered. */
	public record Report(String title, String url, String summary, Integer classNo, Topic topic) {

	}

	/** A watcher who reported nothing recently. */
	public record IdleWatcher(long personId, String name, String unitName, LocalDate lastReported) {

	}

	/** Working days without a clue after which a watcher is listed (the list page's default). */
	public static final int IDLE_DAYS = 5;

	private final JdbcTemplate jdbc;

	private final FileStore files;

	private final InformationItems informationItems;

	private final Organization organization;

	private final Publicists publicists;

	private final Accounts accounts;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	Clues(JdbcTemplate jdbc, FileStore files, InformationItems informationItems, Organization organization,
			Publicists publicists, Accounts accounts, Notifications notifications, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.informationItems = informationItems;
		this.organization = organization;
		this.publicists = publicists;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reading ----------------------------------------------------------------------------------

	/** The clues the user may see (their data scope, or reported by them), newest first. */
	public List<Clue> visible(DataScope scope, AuthenticatedUser user, Clue.Status status) {
		String order = " order by reported_at desc, id desc fetch first 1000 rows only";
		List<Clue> all = status == null ? jdbc.query("select * from mon_clue" + order, Clues::row)
				: jdbc.query("select * from mon_clue where status = ?" + order, Clues::row, status.name());
		return all.stream().filter(c -> canSee(c, scope, user)).toList();
	}

	public Clue visible(long id, DataScope scope, AuthenticatedUser user) {
		Clue clue = find(id);
		if (!canSee(clue, scope, user)) {
			throw new AccessDeniedException("超出数据权限范围");
		}
		return clue;
	}

	static boolean canSee(Clue clue, DataScope scope, AuthenticatedUser user) {
		return clue.reporterUserId() == user.userId() || scope.includes(clue.unitId());
	}

	Clue find(long id) {
		return jdbc.query("select * from mon_clue where id = ?", Clues::row, id).stream().findFirst()
			.orElseThrow(() -> new SchemeInvalid("monitoring.clue.error.notFound"));
	}

	// ---- writing ----------------------------------------------------------------------------------

	/** Reports a clue; everything is checked before anything is stored. */
	@Transactional
	public long report(Report report, String screenshotName, long screenshotSize, InputStream screenshot,
			AuthenticatedUser reporter) {
		String title = required(report.title(), 200, "monitoring.clue.error.title");
		String summary = required(report.summary(), 5000, "monitoring.clue.error.summary");
		String url = url(report.url());
		if (report.classNo() != null && (report.classNo() < 1 || report.classNo() > 6)) {
			throw new SchemeInvalid("monitoring.clue.error.classNo");
		}
		StoredContent stored = null;
		if (screenshot != null && screenshotSize > 0) {
			stored = files.store(screenshot, screenshotSize);
			if (!stored.type().isImage()) {
				throw new SchemeInvalid("monitoring.clue.error.screenshot");
			}
		}
		Instant now = Instant.now(clock);
		long id = insert(title, url, summary, report.classNo(), report.topic(), stored, reporter, now);
		audit.record("MONITORING_CLUE_REPORTED", "MonitoringClue", id, title);
		List<Long> office = accounts.enabledHolders(Role.OFFICE_EDITOR).stream().map(UserAccount::getId)
			.filter(u -> u != reporter.userId()).toList();
		notifications.notifyAll(office, NotificationType.MAJOR_INFORMATION, "重要信息线索：" + title,
				reporter.displayName() + (reporter.unitName() == null ? "" : "（" + reporter.unitName() + "）") + "报送："
						+ (summary.length() > 80 ? summary.substring(0, 80) + "…" : summary),
				"/monitoring/clues/" + id);
		return id;
	}

	private long insert(String title, String url, String summary, Integer classNo, Topic topic, StoredContent stored,
			AuthenticatedUser reporter, Instant now) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		Object[] args = { title, url, summary, classNo, topic == null ? null : topic.name(),
				stored == null ? null : stored.sha256(), stored == null ? null : stored.type().name(), reporter.unitId(),
				reporter.userId(), reporter.personId(), Items.clip(reporter.displayName(), 100), JdbcTime.utc(now),
				Clue.Status.REPORTED.name() };
		jdbc.update(connection -> {
			java.sql.PreparedStatement statement = connection.prepareStatement("insert into mon_clue (title, url, summary, "
					+ "class_no, topic, screenshot_sha256, screenshot_type, unit_id, reporter_user_id, reporter_person_id, "
					+ "reporter_name, reported_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** The office's second edit (二次整理); the clue stays open. */
	@Transactional
	public void edit(long id, String title, String body, AuthenticatedUser actor) {
		Clue clue = open(id);
		saveEdit(clue, title, body, actor);
		audit.record("MONITORING_CLUE_EDITED", "MonitoringClue", id, required(title, 200, "monitoring.clue.error.title"));
	}

	/**
	 * Turns the (edited) clue into a draft information item of reporting, in the reporter's unit (or the office's
	 * when the reporter has none) with the reporter as author; returns the item's id. One transaction: a refusal of
	 * reporting leaves the clue as it was.
	 */
	@Transactional
	public long toDraft(long id, String title, String body, ItemKind kind, AuthenticatedUser actor, DataScope scope) {
		Clue clue = open(id);
		saveEdit(clue, title, body, actor);
		Long unitId = clue.unitId() != null ? clue.unitId() : actor.unitId();
		if (unitId == null) {
			throw new SchemeInvalid("monitoring.clue.error.noUnit");
		}
		Long author = clue.reporterPersonId() != null
				&& organization.person(clue.reporterPersonId()).map(p -> unitId.equals(p.getUnitId())).orElse(false)
						? clue.reporterPersonId() : actor.personId();
		List<ItemForm.AuthorEntry> authors = new ArrayList<>();
		if (author != null) {
			authors.add(new ItemForm.AuthorEntry(author, null));
		}
		InformationItem item = informationItems.create(new ItemForm(title.strip(), kind == null ? ItemKind.GOVERNMENT : kind,
				unitId, html(body), Set.of(), Set.of(), authors, 0), actor, scope);
		jdbc.update("update mon_clue set status = ?, info_item_id = ?, closed_at = ? where id = ?",
				Clue.Status.DRAFTED.name(), item.getId(), JdbcTime.utc(Instant.now(clock)), id);
		audit.record("MONITORING_CLUE_DRAFTED", "MonitoringClue", id, title.strip() + " → 信息 " + item.getId());
		return item.getId();
	}

	@Transactional
	public void archive(long id, String reason, AuthenticatedUser actor) {
		Clue clue = open(id);
		String why = required(reason, 500, "monitoring.clue.error.reason");
		jdbc.update("update mon_clue set status = ?, archive_reason = ?, closed_at = ?, edited_by = coalesce(edited_by, ?) "
				+ "where id = ?", Clue.Status.ARCHIVED.name(), why, JdbcTime.utc(Instant.now(clock)), actor.displayName(), id);
		audit.record("MONITORING_CLUE_ARCHIVED", "MonitoringClue", id, clue.workingTitle() + "：" + why);
	}

	private Clue open(long id) {
		Clue clue = find(id);
		if (!clue.status().open()) {
			throw new SchemeInvalid("monitoring.clue.error.closed");
		}
		return clue;
	}

	private void saveEdit(Clue clue, String title, String body, AuthenticatedUser actor) {
		String t = required(title, 200, "monitoring.clue.error.title");
		String b = required(body, 20_000, "monitoring.clue.error.body");
		jdbc.update("update mon_clue set edited_title = ?, edited_body = ?, edited_by = ?, edited_at = ?, status = ? "
				+ "where id = ?", t, b, Items.clip(actor.displayName(), 100), JdbcTime.utc(Instant.now(clock)),
				Clue.Status.EDITED.name(), clue.id());
	}

	/** The designated watchers (current publicists) in the scope without a clue in the last N working days. */
	public List<IdleWatcher> idleWatchers(int workingDays, DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		LocalDate since = minusWorkingDays(today, workingDays);
		Map<Long, LocalDate> last = new HashMap<>();
		jdbc.query("select reporter_person_id, max(reported_at) from mon_clue where reporter_person_id is not null "
				+ "group by reporter_person_id", (org.springframework.jdbc.core.RowCallbackHandler) rs -> last
					.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate()));
		Map<Long, IdleWatcher> idle = new java.util.LinkedHashMap<>();
		for (PublicistDesignation d : publicists.current()) {
			if (!scope.includes(d.getUnitId()) || idle.containsKey(d.getPersonId())) {
				continue;
			}
			LocalDate lastReported = last.get(d.getPersonId());
			if (lastReported == null || lastReported.isBefore(since)) {
				String name = organization.person(d.getPersonId()).map(Person::getName).orElse("");
				String unit = organization.unit(d.getUnitId()).map(Unit::getName).orElse("");
				idle.put(d.getPersonId(), new IdleWatcher(d.getPersonId(), name, unit, lastReported));
			}
		}
		return List.copyOf(idle.values());
	}

	/** The day N working days (Monday to Friday) before the given one. */
	public static LocalDate minusWorkingDays(LocalDate day, int n) {
		LocalDate d = day;
		int left = n;
		while (left > 0) {
			d = d.minusDays(1);
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return d;
	}

	public org.springframework.core.io.Resource screenshot(Clue clue) {
		if (clue.screenshotSha256() == null) {
			throw new SchemeInvalid("monitoring.clue.error.notFound");
		}
		return files.open(clue.screenshotSha256());
	}

	// ---- rules --------------------------------------------------------------------------------------

	static String required(String text, int max, String key) {
		if (text == null || text.isBlank() || text.strip().length() > max) {
			throw new SchemeInvalid(key, max);
		}
		return text.strip();
	}

	/** An optional http(s) address without credentials; {@code javascript:} and the like are refused. */
	static String url(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String url = text.strip();
		if (url.length() > 1000 || !url.matches("(?i)https?://[^\\s/@]+(/[^\\s]*)?")) {
			throw new SchemeInvalid("monitoring.clue.error.url");
		}
		try {
			java.net.URI uri = new java.net.URI(url);
			if (uri.getHost() == null) {
				throw new SchemeInvalid("monitoring.clue.error.url");
			}
		}
		catch (java.net.URISyntaxException invalid) {
			throw new SchemeInvalid("monitoring.clue.error.url");
		}
		return url;
	}

	static String html(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.strip().split("\\R+")) {
			if (!paragraph.isBlank()) {
				html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip())).append("</p>");
			}
		}
		return html.toString();
	}

	static Clue row(ResultSet rs, int n) throws SQLException {
		int classNo = rs.getInt("class_no");
		Integer classValue = rs.wasNull() ? null : classNo;
		long unit = rs.getLong("unit_id");
		Long unitValue = rs.wasNull() ? null : unit;
		long person = rs.getLong("reporter_person_id");
		Long personValue = rs.wasNull() ? null : person;
		long item = rs.getLong("info_item_id");
		Long itemValue = rs.wasNull() ? null : item;
		String topic = rs.getString("topic");
		return new Clue(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("summary"), classValue,
				topic == null ? null : Topic.valueOf(topic), rs.getString("screenshot_sha256"),
				rs.getString("screenshot_type"), unitValue, rs.getLong("reporter_user_id"), personValue,
				rs.getString("reporter_name"), instant(rs, "reported_at"), Clue.Status.valueOf(rs.getString("status")),
				rs.getString("edited_title"), rs.getString("edited_body"), rs.getString("edited_by"),
				instant(rs, "edited_at"), rs.getString("archive_reason"), itemValue, instant(rs, "closed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
