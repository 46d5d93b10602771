package io.infodesk.publicity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Topic planning (重大题材新闻报道策划, S3.2-b): the office plans a major news topic with the media, links plan points
 * and a calendar day, assigns coverage (a person, a medium, an outlet, a due day — a deadline of that person through
 * {@link Deadlines}), records planning meetings and marks an assignment fulfilled by a coverage record; the coverage
 * then also counts for the topic's linked plan points (the plan's follow-through). Read within the data scope of the
 * owner unit. Bad input — an assignment due before the item was created, an unknown person or outlet, a meeting in
 * the future, a coverage record outside the scope — refused in Chinese, nothing saved. Every change audited.
 * <p>
 * Over ~350 lines because the assignments' deadlines and the plan points' coverage follow the topic in every
 * change (closing a topic completes its open deadlines; fulfilling one counts for the linked points), under the
 * same scope and input checks.
 */
@Service("publicityTopics")
@Transactional
public class Topics {

	static final String ENTITY = "Topic";

	private final JdbcTemplate jdbc;

	private final AnnualPlans plans;

	private final Coverages coverages;

	private final Outlets outlets;

	private final Organization organization;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Topics(JdbcTemplate jdbc, AnnualPlans plans, Coverages coverages, Outlets outlets, Organization organization,
			Accounts accounts, Deadlines deadlines, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.coverages = coverages;
		this.outlets = outlets;
		this.organization = organization;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** A planning item's fields as checked, before any write. */
	private record Checked(String title, String rationale, String media, Unit unit, Set<Long> people,
			List<Topic.PointRef> points) {

	}

	/** Creates a planning item (state 策划中). */
	public long create(TopicForm form, AuthenticatedUser actor) {
		requireManage(actor);
		Checked checked = check(form);
		OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.update("insert into pub_topic (title, rationale, owner_unit_id, status, target_tier, target_media, calendar_on, "
				+ "created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", checked.title(),
				Strings.blankToNull(checked.rationale()), checked.unit().getId(), Topic.Status.PLANNING.name(),
				form.targetTier() == null ? null : form.targetTier().name(), Strings.blankToNull(checked.media()),
				form.calendarOn(), actor.displayName(), at, at);
		long id = jdbc.queryForObject("select max(id) from pub_topic", Long.class);
		writeLinks(id, checked);
		audit.record("PUBLICITY_TOPIC_CREATED", ENTITY, id,
				texts.get("publicity.audit.topicCreated", checked.title(), checked.unit().getName()));
		return id;
	}

	/**
	 * Edits a planning item (topic planning, S3.2-b): title, rationale, owner unit, people in charge, target tier and
	 * media, calendar day and linked plan points — checked as on creation, nothing saved when refused. The
	 * assignments, meetings and state stay; coverage already linked to a point stays linked. A closed item (done or
	 * cancelled) is not edited.
	 */
	public void update(long topicId, TopicForm form, AuthenticatedUser actor) {
		requireManage(actor);
		Topic topic = get(topicId, DataScope.all());
		if (topic.status() == Topic.Status.CANCELLED || topic.status() == Topic.Status.DONE) {
			throw PublicityException.of("publicity.topic.closed");
		}
		Checked checked = check(form);
		jdbc.update("update pub_topic set title = ?, rationale = ?, owner_unit_id = ?, target_tier = ?, target_media = ?, "
				+ "calendar_on = ?, updated_at = ? where id = ?", checked.title(), Strings.blankToNull(checked.rationale()),
				checked.unit().getId(), form.targetTier() == null ? null : form.targetTier().name(),
				Strings.blankToNull(checked.media()), form.calendarOn(),
				OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), topicId);
		jdbc.update("delete from pub_topic_person where topic_id = ?", topicId);
		jdbc.update("delete from pub_topic_point where topic_id = ?", topicId);
		writeLinks(topicId, checked);
		audit.record("PUBLICITY_TOPIC_UPDATED", ENTITY, topicId,
				texts.get("publicity.audit.topicUpdated", checked.title(), checked.unit().getName()));
	}

	private Checked check(TopicForm form) {
		String title = strip(form.title());
		if (title.isEmpty()) {
			throw new PublicityException("title", "publicity.topic.title.required");
		}
		if (title.length() > 200) {
			throw new PublicityException("title", "publicity.topic.title.size");
		}
		String rationale = strip(form.rationale());
		if (rationale.length() > 2000) {
			throw new PublicityException("rationale", "publicity.topic.rationale.size");
		}
		String media = strip(form.targetMedia());
		if (media.length() > 500) {
			throw new PublicityException("targetMedia", "publicity.topic.media.size");
		}
		if (form.ownerUnitId() == null) {
			throw new PublicityException("ownerUnitId", "publicity.topic.unit.required");
		}
		Unit unit = organization.unit(form.ownerUnitId()).filter(Unit::isActive)
			.orElseThrow(() -> new PublicityException("ownerUnitId", "publicity.plan.unit.unknown"));
		Set<Long> people = new LinkedHashSet<>(form.personIds() == null ? List.of() : form.personIds());
		for (Long id : people) {
			organization.person(id).filter(Person::isActive)
				.orElseThrow(() -> new PublicityException("personIds", "publicity.coverage.person.unknown"));
		}
		List<Topic.PointRef> points = new ArrayList<>();
		for (String ref : form.points() == null ? List.<String>of() : form.points()) {
			points.add(point(ref));
		}
		int now = LocalDate.now(clock).getYear();
		if (form.calendarOn() != null && (form.calendarOn().getYear() < now - 1 || form.calendarOn().getYear() > now + 1)) {
			throw new PublicityException("calendarOn", "publicity.topic.calendarOn.range", now - 1, now + 1);
		}
		return new Checked(title, rationale, media, unit, people, points.stream().distinct().toList());
	}

	private void writeLinks(long id, Checked checked) {
		for (Long person : checked.people()) {
			jdbc.update("insert into pub_topic_person (topic_id, person_id) values (?, ?)", id, person);
		}
		for (Topic.PointRef p : checked.points()) {
			jdbc.update("insert into pub_topic_point (topic_id, plan_id, work) values (?, ?, ?)", id, p.planId(), p.work());
		}
	}

	/** Moves the item to another state (the office). */
	public void setStatus(long topicId, Topic.Status status, AuthenticatedUser actor) {
		requireManage(actor);
		Topic topic = get(topicId, DataScope.all());
		if (status == null) {
			throw new PublicityException("status", "publicity.topic.status.required");
		}
		jdbc.update("update pub_topic set status = ?, updated_at = ? where id = ?", status.name(),
				OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), topicId);
		if (status == Topic.Status.CANCELLED || status == Topic.Status.DONE) {
			topic.assignments().stream().filter(a -> !a.done()).forEach(a -> deadlines.complete(assignmentKey(a.id())));
		}
		audit.record("PUBLICITY_TOPIC_STATUS", ENTITY, topicId, texts.get("publicity.audit.topicStatus", topic.title(),
				texts.get("publicity.topic.status." + status)));
	}

	/** Assigns coverage to a person: medium, outlet (optional), due day (not before the item was created). */
	public long assign(long topicId, long personId, Topic.Medium medium, Long outletId, LocalDate dueOn, String note,
			AuthenticatedUser actor) {
		requireManage(actor);
		Topic topic = get(topicId, DataScope.all());
		if (topic.status() == Topic.Status.CANCELLED || topic.status() == Topic.Status.DONE) {
			throw PublicityException.of("publicity.topic.closed");
		}
		Person person = organization.person(personId).filter(Person::isActive)
			.orElseThrow(() -> new PublicityException("personId", "publicity.coverage.person.unknown"));
		if (medium == null) {
			throw new PublicityException("medium", "publicity.topic.medium.required");
		}
		if (outletId != null && outlets.find(outletId).isEmpty()) {
			throw new PublicityException("outletId", "publicity.coverage.outlet.unknown");
		}
		if (dueOn == null) {
			throw new PublicityException("dueOn", "publicity.topic.dueOn.required");
		}
		LocalDate created = topic.createdAt().atZone(TimeConfiguration.ZONE).toLocalDate();
		if (dueOn.isBefore(created)) {
			throw new PublicityException("dueOn", "publicity.topic.dueOn.beforeCreated", created);
		}
		String text = strip(note);
		if (text.length() > 500) {
			throw new PublicityException("note", "publicity.topic.note.size");
		}
		jdbc.update("insert into pub_topic_assignment (topic_id, person_id, medium, outlet_id, due_on, note, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", topicId, personId, medium.name(), outletId, dueOn,
				text.isEmpty() ? null : text, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
		long id = jdbc.queryForObject("select max(id) from pub_topic_assignment", Long.class);
		if (topic.status() == Topic.Status.PLANNING) {
			jdbc.update("update pub_topic set status = ? where id = ?", Topic.Status.IN_PROGRESS.name(), topicId);
		}
		List<Long> owners = accounts.userIdsOfPersons(List.of(personId));
		if (!owners.isEmpty()) {
			deadlines.register(assignmentKey(id), owners, dueOn.atTime(17, 30).atZone(TimeConfiguration.ZONE).toInstant(),
					NotificationType.SOLICITATION_DUE, texts.get("publicity.topic.deadline", topic.title(),
							texts.get("publicity.topic.medium." + medium)), "/publicity/topics/" + topicId);
		}
		audit.record("PUBLICITY_TOPIC_ASSIGNED", ENTITY, topicId, texts.get("publicity.audit.topicAssigned", topic.title(),
				person.getName(), texts.get("publicity.topic.medium." + medium), dueOn));
		return id;
	}

	/**
	 * Marks an assignment fulfilled by a coverage record of the scope; the record also counts for the item's linked plan
	 * points. When every assignment is fulfilled the item is done.
	 */
	public void fulfil(long topicId, long assignmentId, Long coverageId, AuthenticatedUser actor, DataScope scope) {
		requireManage(actor);
		Topic topic = get(topicId, DataScope.all());
		Topic.Assignment assignment = topic.assignments().stream().filter(a -> a.id() == assignmentId).findFirst()
			.orElseThrow(() -> PublicityException.of("publicity.topic.assignment.notFound", assignmentId));
		if (coverageId == null) {
			throw new PublicityException("coverageId", "publicity.topic.coverage.required");
		}
		Coverage coverage = coverages.get(coverageId);
		if (!Coverages.visible(coverage, scope)) {
			throw PublicityException.of("publicity.coverage.notFound", coverageId);
		}
		jdbc.update("update pub_topic_assignment set coverage_id = ? where id = ?", coverageId, assignment.id());
		for (Topic.PointRef point : topic.points()) {
			linkPoint(point.planId(), point.work(), coverageId);
		}
		deadlines.complete(assignmentKey(assignment.id()));
		boolean allDone = topic.assignments().stream().allMatch(a -> a.id() == assignmentId || a.done());
		if (allDone) {
			jdbc.update("update pub_topic set status = ? where id = ?", Topic.Status.DONE.name(), topicId);
		}
		audit.record("PUBLICITY_TOPIC_FULFILLED", ENTITY, topicId, texts.get("publicity.audit.topicFulfilled",
				topic.title(), assignment.personName(), coverage.getTitle()));
	}

	/** Records a planning meeting (held today or before). */
	public long recordMeeting(long topicId, LocalDate heldOn, String attendees, String decisions, AuthenticatedUser actor) {
		requireManage(actor);
		Topic topic = get(topicId, DataScope.all());
		if (heldOn == null) {
			throw new PublicityException("heldOn", "publicity.topic.meeting.heldOn.required");
		}
		if (heldOn.isAfter(LocalDate.now(clock))) {
			throw new PublicityException("heldOn", "publicity.topic.meeting.heldOn.future");
		}
		String who = strip(attendees);
		String what = strip(decisions);
		if (who.isEmpty() || what.isEmpty()) {
			throw new PublicityException("decisions", "publicity.topic.meeting.required");
		}
		if (who.length() > 500 || what.length() > 2000) {
			throw new PublicityException("decisions", "publicity.topic.meeting.size");
		}
		jdbc.update("insert into pub_topic_meeting (topic_id, held_on, attendees, decisions, recorded_by) values (?, ?, ?, ?, ?)",
				topicId, heldOn, who, what, actor.displayName());
		long id = jdbc.queryForObject("select max(id) from pub_topic_meeting", Long.class);
		audit.record("PUBLICITY_TOPIC_MEETING", ENTITY, topicId, texts.get("publicity.audit.topicMeeting", topic.title(), heldOn));
		return id;
	}

	/**
	 * Links a coverage record of the scope to a point of a plan of the scope (the point is then done): from the plan's
	 * page, by whoever records coverage.
	 */
	public void linkPointCoverage(long planId, int position, Long coverageId, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_COVERAGE_RECORD);
		AnnualPlan plan = plans.get(planId);
		if (!scope.includes(plan.getUnitId())) {
			throw PublicityException.of("publicity.plan.notFound", planId);
		}
		if (position < 1 || position > plan.getPoints().size()) {
			throw new PublicityException("position", "publicity.plan.point.unknown");
		}
		if (coverageId == null) {
			throw new PublicityException("coverageId", "publicity.topic.coverage.required");
		}
		Coverage coverage = coverages.get(coverageId);
		if (!Coverages.visible(coverage, scope)) {
			throw PublicityException.of("publicity.coverage.notFound", coverageId);
		}
		String work = plan.getPoints().get(position - 1).getWork();
		linkPoint(planId, work, coverageId);
		audit.record("PUBLICITY_PLAN_POINT_COVERED", AnnualPlans.ENTITY, planId,
				texts.get("publicity.audit.pointCovered", work, coverage.getTitle()));
	}

	private void linkPoint(long planId, String work, long coverageId) {
		Integer existing = jdbc.queryForObject("select count(*) from pub_plan_point_coverage where plan_id = ? and work = ? "
				+ "and coverage_id = ?", Integer.class, planId, work, coverageId);
		if (existing == 0) {
			jdbc.update("insert into pub_plan_point_coverage (plan_id, work, coverage_id) values (?, ?, ?)", planId, work,
					coverageId);
		}
	}

	/** The items whose owner unit is in the scope, newest first. */
	@Transactional(readOnly = true)
	public List<Topic> list(DataScope scope) {
		List<Long> ids = jdbc.queryForList("select id from pub_topic order by created_at desc, id desc", Long.class);
		List<Topic> topics = new ArrayList<>();
		for (Long id : ids) {
			find(id).filter(t -> scope.includes(t.ownerUnitId())).ifPresent(topics::add);
		}
		return topics;
	}

	/** The item if its owner unit is in the scope; otherwise as if it did not exist. */
	@Transactional(readOnly = true)
	public Topic get(long id, DataScope scope) {
		return find(id).filter(t -> scope.includes(t.ownerUnitId()))
			.orElseThrow(() -> PublicityException.of("publicity.topic.notFound", id));
	}

	@Transactional(readOnly = true)
	public Optional<Topic> find(long id) {
		List<Topic> found = jdbc.query("select id, title, rationale, owner_unit_id, status, target_tier, target_media, "
				+ "calendar_on, created_by, created_at from pub_topic where id = ?", (rs, n) -> {
					long unitId = rs.getLong(4);
					return new Topic(rs.getLong(1), rs.getString(2), rs.getString(3), unitId,
							organization.unit(unitId).map(Unit::getName).orElse(""), Topic.Status.valueOf(rs.getString(5)),
							rs.getString(6) == null ? null : MediaTier.valueOf(rs.getString(6)), rs.getString(7),
							rs.getObject(8, LocalDate.class), rs.getString(9),
							rs.getObject(10, OffsetDateTime.class).toInstant(), List.of(), List.of(), List.of(), List.of());
				}, id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Topic t = found.get(0);
		List<Topic.Named> people = jdbc.queryForList("select person_id from pub_topic_person where topic_id = ? order by person_id",
				Long.class, id).stream()
			.map(p -> new Topic.Named(p, organization.person(p).map(Person::getName).orElse(""))).toList();
		List<Topic.PointRef> points = jdbc.query("select plan_id, work from pub_topic_point where topic_id = ? order by plan_id, work",
				(rs, n) -> {
					AnnualPlan plan = plans.get(rs.getLong(1));
					return new Topic.PointRef(plan.getId(), plan.getUnitId(),
							organization.unit(plan.getUnitId()).map(Unit::getName).orElse(""), plan.getYear(), rs.getString(2));
				}, id);
		Map<Long, Outlet> outletsById = outlets.byId();
		LocalDate today = LocalDate.now(clock);
		List<Topic.Assignment> assignments = jdbc.query("select id, person_id, medium, outlet_id, due_on, note, coverage_id "
				+ "from pub_topic_assignment where topic_id = ? order by due_on, id", (rs, n) -> {
					long person = rs.getLong(2);
					Long outlet = rs.getObject(4, Long.class);
					Long coverage = rs.getObject(7, Long.class);
					LocalDate due = rs.getObject(5, LocalDate.class);
					return new Topic.Assignment(rs.getLong(1), person,
							organization.person(person).map(Person::getName).orElse(""), Topic.Medium.valueOf(rs.getString(3)),
							outlet, outlet == null || !outletsById.containsKey(outlet) ? null : outletsById.get(outlet).getName(),
							due, rs.getString(6), coverage, coverage == null ? null : coverages.get(coverage).getTitle(),
							coverage == null && due.isBefore(today));
				}, id);
		List<Topic.Meeting> meetings = jdbc.query("select id, held_on, attendees, decisions, recorded_by from pub_topic_meeting "
				+ "where topic_id = ? order by held_on, id", (rs, n) -> new Topic.Meeting(rs.getLong(1),
						rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5)), id);
		return Optional.of(new Topic(t.id(), t.title(), t.rationale(), t.ownerUnitId(), t.ownerUnitName(), t.status(),
				t.targetTier(), t.targetMedia(), t.calendarOn(), t.createdBy(), t.createdAt(), people, points, assignments,
				meetings));
	}

	/** "planId:position" → the point of a plan (its work identifies it). */
	private Topic.PointRef point(String ref) {
		String[] parts = ref == null ? new String[0] : ref.split(":");
		try {
			long planId = Long.parseLong(parts[0]);
			int position = Integer.parseInt(parts[1]);
			AnnualPlan plan = plans.get(planId);
			AnnualPlan.Point point = plan.getPoints().get(position - 1);
			return new Topic.PointRef(planId, plan.getUnitId(), "", plan.getYear(), point.getWork());
		}
		catch (RuntimeException unknown) {
			throw new PublicityException("points", "publicity.plan.point.unknown");
		}
	}

	static String assignmentKey(long assignmentId) {
		return "publicity:topic:assignment:" + assignmentId;
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	private static void requireManage(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_TOPIC_MANAGE);
	}

}
