package io.infodesk.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.internal.Changes;
import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.Specs;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Strings;

/**
 * Creates, edits, deactivates and reactivates units (S2-a): unique names, a parent that is neither
 * the unit itself nor one of its descendants, a head chosen among the unit's own people. Every
 * change is audited and announced as {@link UnitChanged}.
 */
@Service
@Validated
@Transactional
public class Units {

	static final Sort ORDER = Sort.by("sortOrder", "id");

	private final UnitRepository units;

	private final PersonRepository people;

	private final LeaderAssignmentRepository leaderAssignments;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Units(UnitRepository units, PersonRepository people, LeaderAssignmentRepository leaderAssignments, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.people = people;
		this.leaderAssignments = leaderAssignments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Unit get(long id) {
		return units.findById(id).orElseThrow(() -> new RecordNotFound("Unit", id));
	}

	/** All units in display order (for selects and name look-ups). */
	@Transactional(readOnly = true)
	public List<Unit> all() {
		return units.findAllByOrderBySortOrderAscIdAsc();
	}

	/** All units the scope includes, in display order. */
	@Transactional(readOnly = true)
	public List<Unit> in(DataScope scope) {
		return all().stream().filter(unit -> scope.includes(unit.getId())).toList();
	}

	/**
	 * The units within the scope that leaders are put in charge of and publicists designated for:
	 * sections and institutions, not the leadership group.
	 */
	@Transactional(readOnly = true)
	public List<Unit> assignableIn(DataScope scope) {
		return in(scope).stream().filter(unit -> unit.getType() != UnitType.LEADERSHIP).toList();
	}

	@Transactional(readOnly = true)
	public List<Unit> active() {
		return units.findByActiveTrueOrderBySortOrderAscIdAsc();
	}

	@Transactional(readOnly = true)
	public Map<Long, Unit> byId() {
		return all().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Page<Unit> search(UnitFilter filter, DataScope scope, Pageable pageable) {
		Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER);
		return units.findAll(specification(filter, scope), ordered);
	}

	/** Every unit matching the filter within the scope, for the export. */
	@Transactional(readOnly = true)
	public List<Unit> list(UnitFilter filter, DataScope scope) {
		return units.findAll(specification(filter, scope), ORDER);
	}

	private static Specification<Unit> specification(UnitFilter filter, DataScope scope) {
		return Specification.<Unit>where(scope.on("id"))
			.and(Specs.containing(filter.keyword(), "name", "shortName"))
			.and(Specs.equal("type", filter.type()))
			.and(Specs.equal("active", filter.status().flag()));
	}

	/** The units a unit may take as parent: every other unit except its descendants. */
	@Transactional(readOnly = true)
	public List<Unit> possibleParents(Long unitId) {
		if (unitId == null) {
			return all();
		}
		Set<Long> excluded = descendantsOf(unitId);
		excluded.add(unitId);
		return all().stream().filter(unit -> !excluded.contains(unit.getId())).toList();
	}

	public Unit create(@Valid UnitForm form) {
		String name = form.name().strip();
		checkNameFree(name, null);
		checkParent(null, form.parentId());
		if (form.headId() != null) {
			throw new RuleViolation("headId", "unit.error.headNotMember");
		}
		Instant now = Instant.now(clock);
		Unit unit = new Unit(name, form.type(), now);
		unit.setShortName(Strings.blankToNull(form.shortName()));
		unit.setParentId(form.parentId());
		unit.setSortOrder(form.sortOrder());
		units.save(unit);
		audit.record("UNIT_CREATED", "Unit", unit.getId(),
				"新增单位「" + name + "」（" + typeLabel(unit.getType()) + "）" + parentSuffix(unit.getParentId()));
		events.publishEvent(new UnitChanged(unit.getId(), true));
		return unit;
	}

	public Unit update(long id, @Valid UnitForm form) {
		Unit unit = get(id);
		String name = form.name().strip();
		checkNameFree(name, id);
		checkParent(id, form.parentId());
		checkHead(id, form.headId());
		Changes changes = new Changes().field("名称", unit.getName(), name)
			.field("简称", unit.getShortName(), Strings.blankToNull(form.shortName()))
			.field("类型", typeLabel(unit.getType()), typeLabel(form.type()))
			.field("上级单位", unitName(unit.getParentId()), unitName(form.parentId()))
			.field("负责人", personName(unit.getHeadId()), personName(form.headId()))
			.field("排序", unit.getSortOrder(), form.sortOrder());
		if (changes.isEmpty()) {
			return unit;
		}
		String before = unit.getName();
		unit.setName(name);
		unit.setShortName(Strings.blankToNull(form.shortName()));
		unit.setType(form.type());
		unit.setParentId(form.parentId());
		unit.setHeadId(form.headId());
		unit.setSortOrder(form.sortOrder());
		unit.touch(Instant.now(clock));
		audit.record("UNIT_UPDATED", "Unit", id, "修改单位「" + before + "」：" + changes);
		events.publishEvent(new UnitChanged(id, unit.isActive()));
		return unit;
	}

	/**
	 * Deactivates a unit that no longer has active people or active sub-units; the leaders in
	 * charge of it stop being in charge today.
	 */
	public void deactivate(long id) {
		Unit unit = get(id);
		if (!unit.isActive()) {
			return;
		}
		long activePeople = people.countByUnitIdAndActiveTrue(id);
		if (activePeople > 0) {
			throw RuleViolation.of("unit.error.hasActivePeople", unit.getName(), activePeople);
		}
		if (units.findByParentId(id).stream().anyMatch(Unit::isActive)) {
			throw RuleViolation.of("unit.error.hasActiveChildren", unit.getName());
		}
		LocalDate today = LocalDate.now(clock);
		for (LeaderAssignment assignment : leaderAssignments.findByUnitId(id)) {
			if (assignment.endIfRunning(today)) {
				audit.record("LEADER_ASSIGNMENT_ENDED", "LeaderAssignment", assignment.getId(),
						"单位「" + unit.getName() + "」停用，" + personName(assignment.getLeaderId()) + "不再分管该单位（截至 "
								+ assignment.getEndDate() + "）");
			}
		}
		unit.setActive(false);
		unit.touch(Instant.now(clock));
		audit.record("UNIT_DEACTIVATED", "Unit", id, "停用单位「" + unit.getName() + "」");
		events.publishEvent(new UnitChanged(id, false));
	}

	public void activate(long id) {
		Unit unit = get(id);
		if (unit.isActive()) {
			return;
		}
		unit.setActive(true);
		unit.touch(Instant.now(clock));
		audit.record("UNIT_REACTIVATED", "Unit", id, "启用单位「" + unit.getName() + "」");
		events.publishEvent(new UnitChanged(id, true));
	}

	/** The ids of every unit below the given one (children, their children, …). */
	@Transactional(readOnly = true)
	public Set<Long> descendantsOf(long id) {
		Map<Long, List<Long>> children = all().stream()
			.filter(unit -> unit.getParentId() != null)
			.collect(Collectors.groupingBy(Unit::getParentId, Collectors.mapping(Unit::getId, Collectors.toList())));
		Set<Long> found = new HashSet<>();
		Deque<Long> todo = new ArrayDeque<>(children.getOrDefault(id, List.of()));
		while (!todo.isEmpty()) {
			Long next = todo.pop();
			if (found.add(next)) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return found;
	}

	private void checkNameFree(String name, Long self) {
		units.findByName(name).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
			throw new RuleViolation("name", "unit.error.nameTaken", name);
		});
	}

	private void checkParent(Long self, Long parentId) {
		if (parentId == null) {
			return;
		}
		if (units.findById(parentId).isEmpty()) {
			throw new RuleViolation("parentId", "unit.error.parentMissing");
		}
		if (self != null && (parentId.equals(self) || descendantsOf(self).contains(parentId))) {
			throw new RuleViolation("parentId", "unit.error.parentCycle");
		}
	}

	private void checkHead(long unitId, Long headId) {
		if (headId == null) {
			return;
		}
		boolean member = people.findById(headId)
			.filter(person -> person.isActive() && person.getUnitId().equals(unitId))
			.isPresent();
		if (!member) {
			throw new RuleViolation("headId", "unit.error.headNotMember");
		}
	}

	private String unitName(Long unitId) {
		return unitId == null ? null : units.findById(unitId).map(Unit::getName).orElse(String.valueOf(unitId));
	}

	private String personName(Long personId) {
		return personId == null ? null : people.findById(personId).map(Person::getName).orElse(String.valueOf(personId));
	}

	private String parentSuffix(Long parentId) {
		return parentId == null ? "" : "，上级单位「" + unitName(parentId) + "」";
	}

	static String typeLabel(UnitType type) {
		return switch (type) {
			case LEADERSHIP -> "局领导班子";
			case SECTION -> "科室";
			case INSTITUTION -> "直属事业单位";
			case OTHER -> "其他";
		};
	}

}
