package io.infodesk.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.Specs;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.DataScope;

/**
 * Which bureau leader is in charge (分管) of which units, over time (S2-a, S4-a): a leader in
 * charge must be an active person of a 局领导班子 unit; the same leader cannot be in charge of the
 * same unit twice over overlapping periods. Every change is audited.
 */
@Service
@Validated
@Transactional
public class Leadership {

	static final Sort ORDER = Sort.by("leaderId", "unitId", "startDate", "id");

	private final LeaderAssignmentRepository assignments;

	private final PersonRepository people;

	private final UnitRepository units;

	private final AuditTrail audit;

	private final Clock clock;

	Leadership(LeaderAssignmentRepository assignments, PersonRepository people, UnitRepository units,
			AuditTrail audit, Clock clock) {
		this.assignments = assignments;
		this.people = people;
		this.units = units;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public LeaderAssignment get(long id) {
		return assignments.findById(id).orElseThrow(() -> new RecordNotFound("LeaderAssignment", id));
	}

	/** The bureau leaders: active people of the 局领导班子 units, in display order. */
	@Transactional(readOnly = true)
	public List<Person> leaders() {
		List<Long> leadershipUnits = units.findByTypeAndActiveTrueOrderBySortOrderAscIdAsc(UnitType.LEADERSHIP)
			.stream()
			.map(Unit::getId)
			.toList();
		return leadershipUnits.isEmpty() ? List.of()
				: people.findByUnitIdInAndActiveTrueOrderBySortOrderAscIdAsc(leadershipUnits);
	}

	@Transactional(readOnly = true)
	public Page<LeaderAssignment> search(AssignmentFilter filter, DataScope scope, Pageable pageable) {
		Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER);
		return assignments.findAll(specification(filter, scope), ordered);
	}

	@Transactional(readOnly = true)
	public List<LeaderAssignment> list(AssignmentFilter filter, DataScope scope) {
		return assignments.findAll(specification(filter, scope), ORDER);
	}

	/** The assignments in force today (for the leadership chart). */
	@Transactional(readOnly = true)
	public List<LeaderAssignment> current() {
		LocalDate today = LocalDate.now(clock);
		return assignments.findAll(ORDER).stream().filter(assignment -> assignment.activeOn(today)).toList();
	}

	private Specification<LeaderAssignment> specification(AssignmentFilter filter, DataScope scope) {
		return Specification.<LeaderAssignment>where(scope.on("unitId"))
			.and(Specs.equal("leaderId", filter.personId()))
			.and(Specs.equal("unitId", filter.unitId()))
			.and(Specs.period(filter.status(), LocalDate.now(clock)));
	}

	/** Puts the leader in charge of each unit of the form; all or none. */
	public List<LeaderAssignment> assign(@Valid LeaderAssignmentForm form) {
		Person leader = people.findById(form.leaderId())
			.filter(Person::isActive)
			.orElseThrow(() -> new RuleViolation("leaderId", "leader.error.leaderMissing"));
		Unit leaderUnit = units.findById(leader.getUnitId()).orElseThrow();
		if (leaderUnit.getType() != UnitType.LEADERSHIP) {
			throw new RuleViolation("leaderId", "leader.error.notLeader", leader.getName());
		}
		if (form.endDate() != null && form.endDate().isBefore(form.startDate())) {
			throw new RuleViolation("endDate", "org.error.endBeforeStart");
		}
		Instant now = Instant.now(clock);
		List<LeaderAssignment> created = new ArrayList<>();
		for (Long unitId : new LinkedHashSet<>(form.unitIds())) {
			Unit unit = units.findById(unitId)
				.filter(Unit::isActive)
				.orElseThrow(() -> new RuleViolation("unitIds", "leader.error.unitMissing"));
			if (unit.getType() == UnitType.LEADERSHIP) {
				throw new RuleViolation("unitIds", "leader.error.unitIsLeadership", unit.getName());
			}
			boolean overlapping = assignments.findByLeaderIdAndUnitId(leader.getId(), unitId)
				.stream()
				.anyMatch(other -> other.overlaps(form.startDate(), form.endDate()));
			if (overlapping) {
				throw new RuleViolation("unitIds", "leader.error.overlap", leader.getName(), unit.getName());
			}
			LeaderAssignment assignment = new LeaderAssignment(leader.getId(), unitId, form.startDate(), now);
			if (form.endDate() != null) {
				assignment.end(form.endDate());
			}
			assignments.save(assignment);
			audit.record("LEADER_ASSIGNED", "LeaderAssignment", assignment.getId(),
					"「" + leader.getName() + "」分管「" + unit.getName() + "」，自 " + form.startDate() + " 起"
							+ (form.endDate() == null ? "" : "，至 " + form.endDate()));
			created.add(assignment);
		}
		return created;
	}

	/** Ends an assignment on the given day (its last day in charge). */
	public void end(long id, LocalDate endDate) {
		LeaderAssignment assignment = get(id);
		assignment.endOn(endDate, LocalDate.now(clock));
		audit.record("LEADER_ASSIGNMENT_ENDED", "LeaderAssignment", id,
				"「" + name(assignment.getLeaderId()) + "」不再分管「" + unitName(assignment.getUnitId()) + "」（截至 "
						+ endDate + "）");
	}

	/** The units the leader is in charge of today. */
	@Transactional(readOnly = true)
	public Set<Long> unitsInChargeOf(long leaderId) {
		LocalDate today = LocalDate.now(clock);
		Set<Long> result = new LinkedHashSet<>();
		assignments.findByLeaderId(leaderId)
			.stream()
			.filter(assignment -> assignment.activeOn(today))
			.forEach(assignment -> result.add(assignment.getUnitId()));
		return result;
	}

	private String name(Long personId) {
		return people.findById(personId).map(Person::getName).orElse(String.valueOf(personId));
	}

	private String unitName(Long unitId) {
		return units.findById(unitId).map(Unit::getName).orElse(String.valueOf(unitId));
	}

}
