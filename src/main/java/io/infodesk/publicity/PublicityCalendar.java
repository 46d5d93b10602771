package io.infodesk.publicity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The publicity calendar (宣传日历, S3.2-c): the built-in, editable list of holidays, commemorations and themed days
 * ({@link CalendarDay}, lunar and solar-term days computed for any year), the time nodes of the units' annual plans
 * and the bureau's events and milestones, within the reader's data scope (a unit's plan nodes and events only to
 * those whose scope includes the unit). Reminders {@code leadDays} before a node (default 7) through
 * {@link Deadlines}: holidays and bureau-wide events to the office, a unit's event to its head. Every change audited.
 * <p>
 * A little over ~350 lines because the built-in days, the plans' nodes and the events are merged into one calendar
 * within the reader's scope, and each entry's reminder is registered or completed where the entry changes.
 */
@Service
@Transactional
public class PublicityCalendar {

	static final String DAY_ENTITY = "CalendarDay";

	static final String EVENT_ENTITY = "CalendarEvent";

	/** The time of day a node's reminder counts from (Beijing time). */
	static final LocalTime NODE_TIME = LocalTime.of(9, 0);

	private final JdbcTemplate jdbc;

	private final AnnualPlans plans;

	private final Organization organization;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	PublicityCalendar(JdbcTemplate jdbc, AnnualPlans plans, Organization organization, Accounts accounts,
			Deadlines deadlines, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.organization = organization;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** The list of holidays and themed days, in the order of the year. */
	@Transactional(readOnly = true)
	public List<CalendarDay> days() {
		return jdbc.query("select id, name, rule, month_no, day_no, weekday, theme, lead_days, active, builtin "
				+ "from pub_calendar_day order by position, id",
				(rs, n) -> new CalendarDay(rs.getLong(1), rs.getString(2), CalendarDay.Rule.valueOf(rs.getString(3)),
						rs.getInt(4), rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7), rs.getInt(8),
						rs.getBoolean(9), rs.getBoolean(10)));
	}

	@Transactional(readOnly = true)
	public Optional<CalendarDay> day(long id) {
		return days().stream().filter(d -> d.id() == id).findFirst();
	}

	/** Every node from {@code from} to {@code to} (inclusive) the scope may see, by day. */
	@Transactional(readOnly = true)
	public List<CalendarEntry> entries(LocalDate from, LocalDate to, DataScope scope) {
		List<CalendarEntry> entries = new ArrayList<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			for (CalendarDay day : days()) {
				if (!day.active()) {
					continue;
				}
				LocalDate start = day.startIn(year);
				LocalDate end = day.endIn(year);
				if (end.isBefore(from) || start.isAfter(to)) {
					continue;
				}
				CalendarEntry.Kind kind = day.rule() == CalendarDay.Rule.MONTH ? CalendarEntry.Kind.THEMED_MONTH
						: CalendarEntry.Kind.HOLIDAY;
				entries.add(new CalendarEntry("day-" + day.id() + "-" + year, kind, day.name(), start, end, null, null,
						day.theme() == null ? "" : day.theme(), null, null,
						"/publicity/calendar?month=" + YearMonth.from(start), day.leadDays()));
			}
			for (AnnualPlan plan : plans.ofYear(year)) {
				if (!scope.includes(plan.getUnitId())) {
					continue;
				}
				String unit = organization.unit(plan.getUnitId()).map(Unit::getName).orElse("");
				String state = texts.get("publicity.plan.state." + plan.getStatus());
				int position = 0;
				for (AnnualPlan.Point point : plan.getPoints()) {
					position++;
					LocalDate start = point.getNodeDate() != null ? point.getNodeDate()
							: YearMonth.of(year, point.getNodeMonth()).atDay(1);
					LocalDate end = point.getNodeDate() != null ? point.getNodeDate()
							: YearMonth.of(year, point.getNodeMonth()).atEndOfMonth();
					if (end.isBefore(from) || start.isAfter(to)) {
						continue;
					}
					entries.add(new CalendarEntry("plan-" + plan.getId() + "-" + position,
							point.getNodeDate() != null ? CalendarEntry.Kind.PLAN_NODE : CalendarEntry.Kind.PLAN_MONTH,
							texts.get("publicity.calendar.planTitle", unit, point.getWork()), start, end, null, null,
							texts.get("publicity.calendar.planDetail", texts.get("publicity.form." + point.getForm()),
									texts.get("publicity.tier." + point.getTargetTier()), state),
							plan.getUnitId(), unit, "/publicity/plans/" + plan.getUnitId() + "/" + year, null));
				}
			}
		}
		jdbc.query("select id, title, kind, starts_on, ends_on, start_time, end_time, unit_id, note, lead_days "
				+ "from pub_calendar_event where starts_on <= ? and ends_on >= ? order by starts_on, id", rs -> {
					Long unitId = (Long) rs.getObject(8, Long.class);
					if (unitId != null && !scope.includes(unitId)) {
						return;
					}
					String unit = unitId == null ? null : organization.unit(unitId).map(Unit::getName).orElse("");
					LocalDate start = rs.getObject(4, LocalDate.class);
					entries.add(new CalendarEntry("event-" + rs.getLong(1), CalendarEntry.Kind.valueOf(rs.getString(3)),
							rs.getString(2), start, rs.getObject(5, LocalDate.class),
							rs.getObject(6, LocalTime.class), rs.getObject(7, LocalTime.class),
							rs.getString(9) == null ? "" : rs.getString(9), unitId, unit,
							"/publicity/calendar?month=" + YearMonth.from(start), rs.getInt(10)));
				}, to, from);
		entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(e -> e.kind().ordinal())
			.thenComparing(CalendarEntry::title));
		return entries;
	}

	/** Adds a bureau event or milestone (the office) and registers its reminder. */
	public long addEvent(CalendarEventForm form, AuthenticatedUser actor) {
		requireManage(actor);
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty()) {
			throw new PublicityException("title", "publicity.calendar.event.title.required");
		}
		if (title.length() > 200) {
			throw new PublicityException("title", "publicity.calendar.event.title.size");
		}
		if (form.kind() != CalendarEntry.Kind.EVENT && form.kind() != CalendarEntry.Kind.MILESTONE) {
			throw new PublicityException("kind", "publicity.calendar.event.kind.required");
		}
		if (form.startsOn() == null) {
			throw new PublicityException("startsOn", "publicity.calendar.event.start.required");
		}
		int now = LocalDate.now(clock).getYear();
		if (form.startsOn().getYear() < now - 1 || form.startsOn().getYear() > now + 2) {
			throw new PublicityException("startsOn", "publicity.calendar.event.start.range", now - 1, now + 2);
		}
		LocalDate end = form.endsOn() == null ? form.startsOn() : form.endsOn();
		if (end.isBefore(form.startsOn())) {
			throw new PublicityException("endsOn", "publicity.calendar.event.end.before");
		}
		if (end.toEpochDay() - form.startsOn().toEpochDay() > 366) {
			throw new PublicityException("endsOn", "publicity.calendar.event.end.long");
		}
		if (form.startTime() == null && form.endTime() != null) {
			throw new PublicityException("startTime", "publicity.calendar.event.time.start");
		}
		if (form.startTime() != null) {
			if (!end.equals(form.startsOn())) {
				throw new PublicityException("endsOn", "publicity.calendar.event.time.oneDay");
			}
			if (form.endTime() != null && !form.endTime().isAfter(form.startTime())) {
				throw new PublicityException("endTime", "publicity.calendar.event.time.order");
			}
		}
		if (form.unitId() != null && organization.unit(form.unitId()).filter(Unit::isActive).isEmpty()) {
			throw new PublicityException("unitId", "publicity.plan.unit.unknown");
		}
		String note = form.note() == null ? "" : form.note().strip();
		if (note.length() > 1000) {
			throw new PublicityException("note", "publicity.calendar.event.note.size");
		}
		int lead = leadDays(form.leadDays());
		jdbc.update("insert into pub_calendar_event (title, kind, starts_on, ends_on, start_time, end_time, unit_id, note, "
				+ "lead_days, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", title, form.kind().name(),
				form.startsOn(), end, form.startTime(), form.startTime() == null ? null : form.endTime(), form.unitId(),
				note.isEmpty() ? null : note, lead, actor.displayName(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
		long id = jdbc.queryForObject("select max(id) from pub_calendar_event", Long.class);
		registerEventReminder(id, title, form.startsOn(), form.startTime(), form.unitId(), lead);
		audit.record("PUBLICITY_CALENDAR_EVENT_ADDED", EVENT_ENTITY, id,
				texts.get("publicity.audit.eventAdded", title, form.startsOn()));
		return id;
	}

	/** Removes a bureau event (the office); its reminder is dropped. */
	public void deleteEvent(long id, AuthenticatedUser actor) {
		requireManage(actor);
		List<String> titles = jdbc.queryForList("select title from pub_calendar_event where id = ?", String.class, id);
		if (titles.isEmpty()) {
			throw PublicityException.of("publicity.calendar.event.notFound", id);
		}
		jdbc.update("delete from pub_calendar_event where id = ?", id);
		deadlines.complete("publicity:calendar:event:" + id);
		audit.record("PUBLICITY_CALENDAR_EVENT_DELETED", EVENT_ENTITY, id,
				texts.get("publicity.audit.eventDeleted", titles.get(0)));
	}

	/** Adds ({@code id} null) or changes a holiday or themed day of the list (the office). */
	public long saveDay(Long id, CalendarDayForm form, AuthenticatedUser actor) {
		requireManage(actor);
		CalendarDay existing = id == null ? null
				: day(id).orElseThrow(() -> PublicityException.of("publicity.calendar.day.notFound", id));
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			throw new PublicityException("name", "publicity.calendar.day.name.required");
		}
		if (name.length() > 50) {
			throw new PublicityException("name", "publicity.calendar.day.name.size");
		}
		CalendarDay.Rule rule = form.rule();
		if (rule == null) {
			throw new PublicityException("rule", "publicity.calendar.day.rule.required");
		}
		int month = form.month() == null ? 0 : form.month();
		int dayNo = form.day() == null ? (rule == CalendarDay.Rule.MONTH ? 1 : 0) : form.day();
		Integer weekday = rule == CalendarDay.Rule.NTH_WEEKDAY ? form.weekday() : null;
		if (month < 1 || month > 12) {
			throw new PublicityException("month", "publicity.calendar.day.month");
		}
		boolean valid = switch (rule) {
			case FIXED -> dayNo >= 1 && dayNo <= java.time.Month.of(month).length(false);
			case LUNAR -> dayNo >= 1 && dayNo <= 30;
			case SOLAR_TERM -> dayNo >= 0 && dayNo < 360 && dayNo % 15 == 0;
			case NTH_WEEKDAY -> dayNo >= 1 && dayNo <= 4 && weekday != null && weekday >= 1 && weekday <= 7;
			case MONTH -> true;
		};
		if (!valid) {
			throw new PublicityException("day", "publicity.calendar.day.day." + rule);
		}
		String theme = form.theme() == null ? "" : form.theme().strip();
		if (theme.length() > 300) {
			throw new PublicityException("theme", "publicity.calendar.day.theme.size");
		}
		int lead = leadDays(form.leadDays());
		CalendarDay candidate = new CalendarDay(0, name, rule, month, dayNo, weekday, theme, lead, form.active(), false);
		if (rule == CalendarDay.Rule.SOLAR_TERM
				&& candidate.startIn(LocalDate.now(clock).getYear()).getMonthValue() != month) {
			throw new PublicityException("day", "publicity.calendar.day.day.SOLAR_TERM");
		}
		long savedId;
		try {
			if (existing == null) {
				Integer last = jdbc.queryForObject("select coalesce(max(position), 0) from pub_calendar_day", Integer.class);
				jdbc.update("insert into pub_calendar_day (name, rule, month_no, day_no, weekday, theme, lead_days, active, "
						+ "builtin, position) values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)", name, rule.name(), month, dayNo,
						weekday, theme.isEmpty() ? null : theme, lead, form.active(), last + 10);
				savedId = jdbc.queryForObject("select id from pub_calendar_day where name = ?", Long.class, name);
			}
			else {
				jdbc.update("update pub_calendar_day set name = ?, rule = ?, month_no = ?, day_no = ?, weekday = ?, theme = ?, "
						+ "lead_days = ?, active = ? where id = ?", name, rule.name(), month, dayNo, weekday,
						theme.isEmpty() ? null : theme, lead, form.active(), existing.id());
				savedId = existing.id();
			}
		}
		catch (DuplicateKeyException taken) {
			throw new PublicityException("name", "publicity.calendar.day.name.taken", name);
		}
		int year = LocalDate.now(clock).getYear();
		if (!form.active()) {
			deadlines.complete(dayKey(savedId, year));
			deadlines.complete(dayKey(savedId, year + 1));
		}
		registerReminders(year);
		audit.record(existing == null ? "PUBLICITY_CALENDAR_DAY_ADDED" : "PUBLICITY_CALENDAR_DAY_UPDATED", DAY_ENTITY,
				savedId, texts.get("publicity.audit.daySaved", name, candidate.startIn(year)));
		return savedId;
	}

	/**
	 * Registers (or moves) the reminders of the year's holidays and themed days still ahead: a deadline of the office
	 * due on the day, reminded {@code leadDays} before. Idempotent; run daily and whenever the list changes.
	 */
	public void registerReminders(int year) {
		LocalDate today = LocalDate.now(clock);
		List<Long> office = officeUserIds();
		if (office.isEmpty()) {
			return;
		}
		for (CalendarDay day : days()) {
			if (!day.active()) {
				continue;
			}
			LocalDate on = day.startIn(year);
			if (on.isBefore(today)) {
				continue;
			}
			deadlines.register(dayKey(day.id(), year), office, on.atTime(NODE_TIME).atZone(TimeConfiguration.ZONE).toInstant(),
					NotificationType.CALENDAR_NODE, texts.get("publicity.calendar.reminder", day.name(), on),
					"/publicity/calendar?month=" + YearMonth.from(on), List.of(Duration.ofDays(day.leadDays())));
		}
	}

	static String dayKey(long dayId, int year) {
		return "publicity:calendar:day:" + dayId + ":" + year;
	}

	private void registerEventReminder(long id, String title, LocalDate on, LocalTime at, Long unitId, int lead) {
		Set<Long> owners = new LinkedHashSet<>(officeUserIds());
		if (unitId != null) {
			organization.unit(unitId).map(Unit::getHeadId).ifPresent(head -> owners.addAll(accounts.userIdsOfPersons(List.of(head))));
		}
		Instant due = on.atTime(at == null ? NODE_TIME : at).atZone(TimeConfiguration.ZONE).toInstant();
		if (owners.isEmpty() || due.isBefore(Instant.now(clock))) {
			return;
		}
		deadlines.register("publicity:calendar:event:" + id, owners, due, NotificationType.CALENDAR_NODE,
				texts.get("publicity.calendar.reminder", title, on), "/publicity/calendar?month=" + YearMonth.from(on),
				List.of(Duration.ofDays(lead)));
	}

	private List<Long> officeUserIds() {
		return accounts.enabledHolders(Role.OFFICE_EDITOR).stream().map(UserAccount::getId).toList();
	}

	private static int leadDays(Integer leadDays) {
		int lead = leadDays == null ? 7 : leadDays;
		if (lead < 0 || lead > 60) {
			throw new PublicityException("leadDays", "publicity.calendar.leadDays.range");
		}
		return lead;
	}

	private static void requireManage(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_CALENDAR_MANAGE);
	}

}
