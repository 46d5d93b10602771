package io.infodesk.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.DataScope;

/**
 * The plans' follow-through (S3.2-a/d, issue 12 point 6): for each point of a unit's annual plan, done (a coverage
 * record is linked to it — from the plan's page, or through a planning item's fulfilled assignment), pending (its
 * time node is still ahead: the day, or the end of the month) or overdue; per unit and bureau-wide within the scope.
 */
@Service
@Transactional(readOnly = true)
public class FollowThrough {

	/** A point's state. */
	public enum State {

		DONE, PENDING, OVERDUE

	}

	/** One point of a plan with its state and the titles of the coverage records linked to it. */
	public record PointProgress(int position, AnnualPlan.Point point, State state, List<String> coverages) {

	}

	/** A unit's line: its plan's state and the counts of its points. */
	public record UnitProgress(Unit unit, AnnualPlans.State planState, int points, long done, long pending, long overdue) {

	}

	/** The sums over the units of the scope. */
	public record Summary(int year, int units, int points, long done, long pending, long overdue) {

	}

	private final AnnualPlans plans;

	private final Organization organization;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FollowThrough(AnnualPlans plans, Organization organization, JdbcTemplate jdbc, Clock clock) {
		this.plans = plans;
		this.organization = organization;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<PointProgress> points(AnnualPlan plan) {
		Map<String, List<String>> linked = new java.util.HashMap<>();
		jdbc.query("select l.work, c.title from pub_plan_point_coverage l join pub_coverage c on c.id = l.coverage_id "
				+ "where l.plan_id = ? order by c.published_on, c.id",
				rs -> { linked.computeIfAbsent(rs.getString(1), w -> new ArrayList<>()).add(rs.getString(2)); }, plan.getId());
		LocalDate today = LocalDate.now(clock);
		List<PointProgress> progress = new ArrayList<>();
		int position = 0;
		for (AnnualPlan.Point point : plan.getPoints()) {
			position++;
			List<String> titles = linked.getOrDefault(point.getWork(), List.of());
			LocalDate end = point.getNodeDate() != null ? point.getNodeDate()
					: YearMonth.of(plan.getYear(), point.getNodeMonth()).atEndOfMonth();
			State state = !titles.isEmpty() ? State.DONE : end.isBefore(today) ? State.OVERDUE : State.PENDING;
			progress.add(new PointProgress(position, point, state, titles));
		}
		return progress;
	}

	/** Every unit of the scope with its plan's follow-through for the year. */
	public List<UnitProgress> units(int year, DataScope scope) {
		Map<Long, AnnualPlan> byUnit = plans.ofYear(year).stream()
			.collect(Collectors.toMap(AnnualPlan::getUnitId, p -> p));
		List<UnitProgress> lines = new ArrayList<>();
		for (AnnualPlans.UnitStatus status : plans.status(year, scope)) {
			AnnualPlan plan = byUnit.get(status.unit().getId());
			List<PointProgress> points = plan == null ? List.of() : points(plan);
			lines.add(new UnitProgress(status.unit(), status.state(), points.size(),
					points.stream().filter(p -> p.state() == State.DONE).count(),
					points.stream().filter(p -> p.state() == State.PENDING).count(),
					points.stream().filter(p -> p.state() == State.OVERDUE).count()));
		}
		return lines;
	}

	public Summary summary(int year, DataScope scope) {
		List<UnitProgress> lines = units(year, scope);
		return new Summary(year, lines.size(), lines.stream().mapToInt(UnitProgress::points).sum(),
				lines.stream().mapToLong(UnitProgress::done).sum(), lines.stream().mapToLong(UnitProgress::pending).sum(),
				lines.stream().mapToLong(UnitProgress::overdue).sum());
	}

}
