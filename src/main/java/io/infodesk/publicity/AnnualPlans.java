package io.infodesk.publicity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Accounts;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.internal.AnnualPlanRepository;
import io.infodesk.review.TextDiff;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Annual publicity key-point plans (S3.2-a): the unit drafts its points, its head submits them to 组织人事科, which
 * files (备案) the plan or returns it with comments; each submission is a revision kept as text, compared with the
 * previous one (the diff of {@link TextDiff}). A filed plan edited becomes a draft again (an amendment). The filing
 * deadline of a year (31 January unless 组织人事科 sets another) is a deadline of each unit head ({@link Deadlines}),
 * completed when the plan is filed. Bad input — a node outside the plan's year, a month outside 1–12, a day whose month
 * is not the node's, a point without form or tier, a return without a comment, a transition from the wrong state — is
 * refused in Chinese and nothing is saved. Every change audited.
 * <p>
 * Over ~350 lines because the plan's workflow, its revisions and its two kinds of deadline change together: filing
 * completes the unit head's filing deadline, saving and filing re-register the reminders of the plan's time nodes.
 */
@Service
@Transactional
public class AnnualPlans {

	static final String ENTITY = "AnnualPlan";

	static final MonthDay DEFAULT_DEADLINE = MonthDay.of(1, 31);

	/** The state of a unit's plan for the year as 组织人事科 sees it (MISSING: no plan yet). */
	public enum State {

		FILED, SUBMITTED, RETURNED, DRAFT, MISSING

	}

	/** A unit's line of the year's filing status. */
	public record UnitStatus(Unit unit, AnnualPlan plan, State state, boolean overdue) {

	}

	/** A revision of a plan: its number, snapshot, who submitted it and when, and the diff to the previous one. */
	public record Revision(int revision, String snapshot, String actor, Instant at, List<TextDiff.Segment> diff) {

	}

	private final AnnualPlanRepository plans;

	private final Organization organization;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	AnnualPlans(AnnualPlanRepository plans, Organization organization, Accounts accounts, Deadlines deadlines,
			JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock) {
		this.plans = plans;
		this.organization = organization;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** Saves the points of the unit's plan of the year (creating it), within the data scope. */
	public AnnualPlan save(long unitId, int year, PlanForm form, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_PLAN_EDIT);
		Unit unit = unit(unitId, scope);
		checkYear(year);
		List<AnnualPlan.Point> points = points(form, year);
		AnnualPlan plan = plans.findByUnitIdAndYear(unitId, year).orElse(null);
		if (plan != null && plan.getStatus() == AnnualPlan.Status.SUBMITTED) {
			throw PublicityException.of("publicity.plan.locked");
		}
		boolean amendment = plan != null && plan.getStatus() == AnnualPlan.Status.FILED;
		Instant now = Instant.now(clock);
		if (plan == null) {
			plan = new AnnualPlan(unitId, year, now);
		}
		else {
			cancelNodeReminders(plan);
		}
		plan.replacePoints(points, now);
		plan = plans.saveAndFlush(plan);
		audit.record(amendment ? "PUBLICITY_PLAN_AMENDED" : "PUBLICITY_PLAN_SAVED", ENTITY, plan.getId(),
				texts.get("publicity.audit.planSaved", unit.getName(), year, points.size()));
		return plan;
	}

	public AnnualPlan submit(long planId, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_PLAN_SUBMIT);
		AnnualPlan plan = get(planId);
		Unit unit = unit(plan.getUnitId(), scope);
		if (plan.getStatus() != AnnualPlan.Status.DRAFT && plan.getStatus() != AnnualPlan.Status.RETURNED) {
			throw PublicityException.of("publicity.plan.notSubmittable");
		}
		if (plan.getPoints().isEmpty()) {
			throw PublicityException.of("publicity.plan.points.required");
		}
		Instant now = Instant.now(clock);
		plan.submit(actor.displayName(), now);
		plans.saveAndFlush(plan);
		jdbc.update("insert into pub_plan_revision (plan_id, revision, snapshot, actor_name, recorded_at) values (?, ?, ?, ?, ?)",
				plan.getId(), plan.getRevision(), snapshot(plan), actor.displayName(),
				java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
		audit.record("PUBLICITY_PLAN_SUBMITTED", ENTITY, plan.getId(),
				texts.get("publicity.audit.planSubmitted", unit.getName(), plan.getYear(), plan.getRevision()));
		return plan;
	}

	public AnnualPlan file(long planId, AuthenticatedUser actor) {
		return decide(planId, true, null, actor);
	}

	public AnnualPlan returnPlan(long planId, String comment, AuthenticatedUser actor) {
		if (comment == null || comment.isBlank()) {
			throw new PublicityException("comment", "publicity.plan.comment.required");
		}
		if (comment.strip().length() > 2000) {
			throw new PublicityException("comment", "publicity.plan.comment.size");
		}
		return decide(planId, false, comment.strip(), actor);
	}

	private AnnualPlan decide(long planId, boolean filed, String comment, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_PLAN_FILE);
		AnnualPlan plan = get(planId);
		if (plan.getStatus() != AnnualPlan.Status.SUBMITTED) {
			throw PublicityException.of("publicity.plan.notSubmitted");
		}
		plan.decide(filed, actor.displayName(), comment, Instant.now(clock));
		plans.saveAndFlush(plan);
		String unit = organization.unit(plan.getUnitId()).map(Unit::getName).orElse("");
		if (filed) {
			deadlines.complete(deadlineKey(plan.getYear(), plan.getUnitId()));
			registerNodeReminders(plan, unit);
			audit.record("PUBLICITY_PLAN_FILED", ENTITY, plan.getId(),
					texts.get("publicity.audit.planFiled", unit, plan.getYear(), plan.getRevision()));
		}
		else {
			audit.record("PUBLICITY_PLAN_RETURNED", ENTITY, plan.getId(),
					texts.get("publicity.audit.planReturned", unit, plan.getYear(), comment));
		}
		return plan;
	}

	@Transactional(readOnly = true)
	public AnnualPlan get(long planId) {
		return plans.findById(planId).orElseThrow(() -> PublicityException.of("publicity.plan.notFound", planId));
	}

	@Transactional(readOnly = true)
	public Optional<AnnualPlan> find(long unitId, int year) {
		return plans.findByUnitIdAndYear(unitId, year);
	}

	@Transactional(readOnly = true)
	public List<AnnualPlan> ofYear(int year) {
		return plans.findByYear(year);
	}

	/** Every active unit of the scope with its plan's state for the year, overdue when not filed after the deadline. */
	@Transactional(readOnly = true)
	public List<UnitStatus> status(int year, DataScope scope) {
		Map<Long, AnnualPlan> byUnit = plans.findByYear(year).stream()
			.collect(Collectors.toMap(AnnualPlan::getUnitId, Function.identity()));
		boolean pastDeadline = LocalDate.now(clock).isAfter(deadline(year));
		List<UnitStatus> lines = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			if (!scope.includes(unit.getId())) {
				continue;
			}
			AnnualPlan plan = byUnit.get(unit.getId());
			State state = plan == null ? State.MISSING : State.valueOf(plan.getStatus().name());
			lines.add(new UnitStatus(unit, plan, state, pastDeadline && state != State.FILED));
		}
		return lines;
	}

	/** The revisions of a plan, newest first, each with its diff to the one before. */
	@Transactional(readOnly = true)
	public List<Revision> revisions(long planId) {
		List<Revision> oldestFirst = new ArrayList<>();
		String[] previous = { "" };
		jdbc.query("select revision, snapshot, actor_name, recorded_at from pub_plan_revision where plan_id = ? order by revision",
				rs -> {
					String snapshot = rs.getString(2);
					oldestFirst.add(new Revision(rs.getInt(1), snapshot, rs.getString(3),
							rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
							TextDiff.between(previous[0], snapshot)));
					previous[0] = snapshot;
				}, planId);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** The filing deadline of the year: 31 January unless set otherwise. */
	@Transactional(readOnly = true)
	public LocalDate deadline(int year) {
		List<LocalDate> set = jdbc.queryForList("select due_on from pub_plan_deadline where plan_year = ?",
				LocalDate.class, year);
		return set.isEmpty() ? DEFAULT_DEADLINE.atYear(year) : set.get(0);
	}

	/**
	 * Sets the filing deadline of the year (a day of that year, not before today) and registers it as a deadline of
	 * the head of every unit whose plan is not filed yet (reminded by the notification module).
	 */
	public LocalDate setDeadline(int year, LocalDate dueOn, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.PUBLICITY_PLAN_FILE);
		checkYear(year);
		if (dueOn == null) {
			throw new PublicityException("dueOn", "publicity.plan.deadline.required");
		}
		if (dueOn.getYear() != year) {
			throw new PublicityException("dueOn", "publicity.plan.deadline.year", year);
		}
		jdbc.update("delete from pub_plan_deadline where plan_year = ?", year);
		jdbc.update("insert into pub_plan_deadline (plan_year, due_on) values (?, ?)", year, dueOn);
		registerDeadlines(year);
		audit.record("PUBLICITY_PLAN_DEADLINE_SET", ENTITY, "YEAR:" + year,
				texts.get("publicity.audit.deadlineSet", year, dueOn));
		return dueOn;
	}

	/** Registers the year's filing deadline for the head of every active unit whose plan is not filed. */
	public void registerDeadlines(int year) {
		Instant due = deadline(year).atTime(17, 30).atZone(TimeConfiguration.ZONE).toInstant();
		Map<Long, AnnualPlan> byUnit = plans.findByYear(year).stream()
			.collect(Collectors.toMap(AnnualPlan::getUnitId, Function.identity()));
		for (Unit unit : organization.activeUnits()) {
			AnnualPlan plan = byUnit.get(unit.getId());
			if ((plan != null && plan.getStatus() == AnnualPlan.Status.FILED) || unit.getHeadId() == null) {
				continue;
			}
			List<Long> owners = accounts.userIdsOfPersons(List.of(unit.getHeadId()));
			if (!owners.isEmpty()) {
				deadlines.register(deadlineKey(year, unit.getId()), owners, due, NotificationType.PLAN_DUE,
						texts.get("publicity.plan.deadline.title", year, unit.getName()),
						"/publicity/plans/" + unit.getId() + "/" + year);
			}
		}
	}

	/**
	 * The time nodes of a filed plan, each a deadline of the unit's head and current publicists (type
	 * {@code CALENDAR_NODE}, also of every unit-head account of the unit): due at 09:00 of the node's day (a month node: of the month's first day), reminded
	 * {@link #NODE_LEAD_DAYS} days before; nodes already passed are skipped. Cancelled when the plan is edited again.
	 */
	void registerNodeReminders(AnnualPlan plan, String unitName) {
		java.util.Set<Long> persons = new java.util.LinkedHashSet<>(organization.currentPublicistsOf(plan.getUnitId()));
		organization.unit(plan.getUnitId()).map(Unit::getHeadId).ifPresent(persons::add);
		java.util.Set<Long> owners = new java.util.LinkedHashSet<>(accounts.userIdsOfPersons(List.copyOf(persons)));
		for (io.infodesk.account.UserAccount head : accounts.enabledHolders(io.infodesk.account.Role.UNIT_HEAD)) {
			if (head.getPersonId() != null && organization.person(head.getPersonId())
				.map(p -> plan.getUnitId().equals(p.getUnitId())).orElse(false)) {
				owners.add(head.getId());
			}
		}
		if (owners.isEmpty()) {
			return;
		}
		Instant now = Instant.now(clock);
		List<AnnualPlan.Point> points = plan.getPoints();
		for (int i = 0; i < points.size(); i++) {
			AnnualPlan.Point point = points.get(i);
			LocalDate on = point.getNodeDate() != null ? point.getNodeDate()
					: LocalDate.of(plan.getYear(), point.getNodeMonth(), 1);
			Instant due = on.atTime(9, 0).atZone(TimeConfiguration.ZONE).toInstant();
			if (due.isBefore(now)) {
				continue;
			}
			deadlines.register(nodeKey(plan.getId(), i), owners, due, NotificationType.CALENDAR_NODE,
					texts.get("publicity.plan.node.reminder", unitName, point.getWork(), node(point)),
					"/publicity/plans/" + plan.getUnitId() + "/" + plan.getYear(),
					List.of(java.time.Duration.ofDays(NODE_LEAD_DAYS)));
		}
	}

	/** The plan changes: the reminders of its nodes are dropped (registered again when it is filed anew). */
	private void cancelNodeReminders(AnnualPlan plan) {
		for (int i = 0; i < plan.getPoints().size(); i++) {
			deadlines.complete(nodeKey(plan.getId(), i));
		}
	}

	static final int NODE_LEAD_DAYS = 7;

	static String nodeKey(long planId, int position) {
		return "publicity:plan:" + planId + ":node:" + position;
	}

	static String deadlineKey(int year, long unitId) {
		return "publicity:plan:" + year + ":" + unitId;
	}

	/** The plan as the text of a revision: one line per point. */
	public String snapshot(AnnualPlan plan) {
		return plan.snapshot(p -> texts.get("publicity.plan.snapshotLine", node(p), p.getWork(),
				texts.get("publicity.form." + p.getForm()), texts.get("publicity.tier." + p.getTargetTier())));
	}

	/** The time node as shown: the day, or the month. */
	public String node(AnnualPlan.Point point) {
		return point.getNodeDate() != null ? point.getNodeDate().toString()
				: texts.get("publicity.plan.month", point.getNodeMonth());
	}

	private List<AnnualPlan.Point> points(PlanForm form, int year) {
		List<PlanForm.PointEntry> named = form.named();
		if (named.isEmpty()) {
			throw new PublicityException("points", "publicity.plan.points.required");
		}
		if (named.size() > 100) {
			throw new PublicityException("points", "publicity.plan.points.tooMany");
		}
		List<AnnualPlan.Point> points = new ArrayList<>();
		int row = 0;
		for (PlanForm.PointEntry entry : named) {
			row++;
			if (entry.work().strip().length() > 300) {
				throw new PublicityException("points", "publicity.plan.work.size", row);
			}
			if (entry.form() == null || entry.targetTier() == null) {
				throw new PublicityException("points", "publicity.plan.formTier.required", row);
			}
			Integer month = entry.month();
			if (entry.date() != null) {
				if (entry.date().getYear() != year) {
					throw new PublicityException("points", "publicity.plan.node.outsideYear", row, year);
				}
				if (month != null && month != entry.date().getMonthValue()) {
					throw new PublicityException("points", "publicity.plan.node.monthMismatch", row);
				}
				month = entry.date().getMonthValue();
			}
			if (month == null) {
				throw new PublicityException("points", "publicity.plan.node.required", row);
			}
			if (month < 1 || month > 12) {
				throw new PublicityException("points", "publicity.plan.node.month", row);
			}
			points.add(new AnnualPlan.Point(entry.work().strip(), entry.form(), entry.targetTier(), month, entry.date()));
		}
		return points;
	}

	private void checkYear(int year) {
		int now = LocalDate.now(clock).getYear();
		if (year < now - 1 || year > now + 1) {
			throw new PublicityException("year", "publicity.plan.year.range", now - 1, now + 1);
		}
	}

	private Unit unit(long unitId, DataScope scope) {
		Unit unit = organization.unit(unitId)
			.filter(Unit::isActive)
			.orElseThrow(() -> PublicityException.of("publicity.plan.unit.unknown"));
		if (!scope.includes(unitId)) {
			throw new AccessDeniedException("超出数据权限范围");
		}
		return unit;
	}

}
