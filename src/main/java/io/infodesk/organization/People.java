package io.infodesk.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.infodesk.shared.crypto.KeyedHash;
import io.infodesk.organization.internal.Changes;
import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.PublicistDesignationRepository;
import io.infodesk.organization.internal.Specs;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Strings;

/**
 * Creates, edits, deactivates and reactivates people (S2-a, S3.6-c): a name unique within the
 * unit, a valid phone, an active unit. People are never deleted; deactivating a person ends their
 * publicist designations and leader assignments and removes them as unit head, each audited.
 * Every change is announced as {@link PersonChanged}.
 */
@Service
@Validated
@Transactional
public class People {

	static final Sort ORDER = Sort.by("unitId", "sortOrder", "id");

	private final PersonRepository people;

	private final UnitRepository units;

	private final PublicistDesignationRepository designations;

	private final LeaderAssignmentRepository leaderAssignments;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final KeyedHash keyedHash;

	People(PersonRepository people, UnitRepository units, PublicistDesignationRepository designations,
			LeaderAssignmentRepository leaderAssignments, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, KeyedHash keyedHash) {
		this.keyedHash = keyedHash;
		this.people = people;
		this.units = units;
		this.designations = designations;
		this.leaderAssignments = leaderAssignments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Person get(long id) {
		return people.findById(id).orElseThrow(() -> new RecordNotFound("Person", id));
	}

	/** The people with these ids, by id (for names in lists). */
	@Transactional(readOnly = true)
	public Map<Long, Person> byIds(Collection<Long> ids) {
		return people.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Person::getId, Function.identity()));
	}

	@Transactional(readOnly = true)
	public long activeCountOf(long unitId) {
		return people.countByUnitIdAndActiveTrue(unitId);
	}

	@Transactional(readOnly = true)
	public List<Person> activeOf(long unitId) {
		return people.findByUnitIdAndActiveTrueOrderBySortOrderAscIdAsc(unitId);
	}

	/** The active people of the units in scope, for selects (grouped by unit in the page). */
	@Transactional(readOnly = true)
	public List<Person> activeIn(DataScope scope) {
		return people.findAll(Specification.<Person>where(scope.on("unitId")).and(Specs.equal("active", true)),
				ORDER);
	}

	@Transactional(readOnly = true)
	public Page<Person> search(PersonFilter filter, DataScope scope, Pageable pageable) {
		Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER);
		return people.findAll(specification(filter, scope), ordered);
	}

	/** Every person matching the filter within the scope, for the export. */
	@Transactional(readOnly = true)
	public List<Person> list(PersonFilter filter, DataScope scope) {
		return people.findAll(specification(filter, scope), ORDER);
	}

	private Specification<Person> specification(PersonFilter filter, DataScope scope) {
		return Specification.<Person>where(scope.on("unitId"))
			.and(keyword(filter.keyword()))
			.and(Specs.equal("unitId", filter.unitId()))
			.and(Specs.equal("partyMember", filter.partyMember()))
			.and(Specs.equal("sectionLevelCadre", filter.sectionLevelCadre()))
			.and(Specs.equal("onlineCommentator", filter.onlineCommentator()))
			.and(Specs.equal("active", filter.status().flag()));
	}

	/** The phone is stored encrypted: a keyword that is a whole phone number finds it through its keyed hash. */
	private Specification<Person> keyword(String keyword) {
		Specification<Person> text = Specs.containing(keyword, "name", "position");
		if (keyword == null || !keyword.strip().matches("[0-9-]{7,20}")) {
			return text;
		}
		String hash = keyedHash.of(keyword.strip());
		return text.or((root, query, cb) -> cb.equal(root.get("phoneHash"), hash));
	}

	public Person create(@Valid PersonForm form) {
		Unit unit = activeUnit(form.unitId());
		String name = form.name().strip();
		checkNameFree(unit, name, null);
		Person person = new Person(name, unit.getId(), Instant.now(clock));
		apply(person, form);
		people.save(person);
		audit.record("PERSON_CREATED", "Person", person.getId(), "新增人员「" + name + "」（" + unit.getName()
				+ (person.getPosition() == null ? "" : "，" + person.getPosition()) + "）");
		events.publishEvent(new PersonChanged(person.getId(), person.getUnitId(), true));
		return person;
	}

	public Person update(long id, @Valid PersonForm form) {
		Person person = get(id);
		Unit oldUnit = units.findById(person.getUnitId()).orElseThrow();
		Unit newUnit = Objects.equals(form.unitId(), oldUnit.getId()) ? oldUnit : activeUnit(form.unitId());
		String name = form.name().strip();
		checkNameFree(newUnit, name, id);
		Changes changes = new Changes().field("姓名", person.getName(), name)
			.field("单位", oldUnit.getName(), newUnit.getName())
			.field("职务", person.getPosition(), Strings.blankToNull(form.position()))
			.personal("手机号", person.getPhone(), Strings.blankToNull(form.phone()))
			.field("党员", person.isPartyMember(), form.partyMember())
			.field("科级干部", person.isSectionLevelCadre(), form.sectionLevelCadre())
			.field("网络评论员", person.isOnlineCommentator(), form.onlineCommentator())
			.field("排序", person.getSortOrder(), form.sortOrder());
		if (changes.isEmpty()) {
			return person;
		}
		String before = person.getName();
		person.setName(name);
		person.setUnitId(newUnit.getId());
		apply(person, form);
		audit.record("PERSON_UPDATED", "Person", id, "修改人员「" + before + "」：" + changes);
		if (!newUnit.getId().equals(oldUnit.getId())) {
			leaveUnit(person, oldUnit, "调离「" + oldUnit.getName() + "」");
			if (oldUnit.getType() == UnitType.LEADERSHIP && newUnit.getType() != UnitType.LEADERSHIP) {
				endLeaderAssignments(person, "调离局领导班子");
			}
		}
		events.publishEvent(new PersonChanged(id, person.getUnitId(), person.isActive()));
		return person;
	}

	/** Deactivates a person: their designations and assignments end today, and they stop being head. */
	public void deactivate(long id) {
		Person person = get(id);
		if (!person.isActive()) {
			return;
		}
		person.setActive(false);
		person.touch(Instant.now(clock));
		Unit unit = units.findById(person.getUnitId()).orElseThrow();
		audit.record("PERSON_DEACTIVATED", "Person", id, "停用人员「" + person.getName() + "」（" + unit.getName() + "）");
		leaveUnit(person, unit, "人员停用");
		endLeaderAssignments(person, "人员停用");
		events.publishEvent(new PersonChanged(id, person.getUnitId(), false));
	}

	public void activate(long id) {
		Person person = get(id);
		if (person.isActive()) {
			return;
		}
		Unit unit = units.findById(person.getUnitId()).orElseThrow();
		if (!unit.isActive()) {
			throw RuleViolation.of("person.error.unitInactive", unit.getName());
		}
		person.setActive(true);
		person.touch(Instant.now(clock));
		audit.record("PERSON_REACTIVATED", "Person", id, "启用人员「" + person.getName() + "」（" + unit.getName() + "）");
		events.publishEvent(new PersonChanged(id, person.getUnitId(), true));
	}

	/** Ends the person's publicist designations for the unit and removes them as its head. */
	private void leaveUnit(Person person, Unit unit, String reason) {
		LocalDate today = LocalDate.now(clock);
		for (PublicistDesignation designation : designations.findByPersonIdAndUnitId(person.getId(), unit.getId())) {
			if (designation.endIfRunning(today)) {
				audit.record("PUBLICIST_ENDED", "PublicistDesignation", designation.getId(),
						reason + "，结束「" + person.getName() + "」在「" + unit.getName() + "」的信息宣传员指定（截至 "
								+ designation.getEndDate() + "）");
			}
		}
		if (person.getId().equals(unit.getHeadId())) {
			unit.setHeadId(null);
			unit.touch(Instant.now(clock));
			audit.record("UNIT_UPDATED", "Unit", unit.getId(),
					reason + "，单位「" + unit.getName() + "」负责人：" + person.getName() + " → （空）");
			events.publishEvent(new UnitChanged(unit.getId(), unit.isActive()));
		}
	}

	private void endLeaderAssignments(Person person, String reason) {
		LocalDate today = LocalDate.now(clock);
		for (LeaderAssignment assignment : leaderAssignments.findByLeaderId(person.getId())) {
			if (assignment.endIfRunning(today)) {
				String unitName = units.findById(assignment.getUnitId()).map(Unit::getName).orElse("");
				audit.record("LEADER_ASSIGNMENT_ENDED", "LeaderAssignment", assignment.getId(),
						reason + "，「" + person.getName() + "」不再分管「" + unitName + "」（截至 " + assignment.getEndDate()
								+ "）");
			}
		}
	}

	private Unit activeUnit(Long unitId) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new RuleViolation("unitId", "person.error.unitMissing"));
		if (!unit.isActive()) {
			throw new RuleViolation("unitId", "person.error.unitInactive", unit.getName());
		}
		return unit;
	}

	private void checkNameFree(Unit unit, String name, Long self) {
		boolean taken = people.findByUnitIdAndName(unit.getId(), name)
			.stream()
			.anyMatch(other -> !other.getId().equals(self));
		if (taken) {
			throw new RuleViolation("name", "person.error.nameTaken", unit.getName(), name);
		}
	}

	private void apply(Person person, PersonForm form) {
		person.setPosition(Strings.blankToNull(form.position()));
		person.setPhone(Strings.blankToNull(form.phone()));
		person.setPartyMember(form.partyMember());
		person.setSectionLevelCadre(form.sectionLevelCadre());
		person.setOnlineCommentator(form.onlineCommentator());
		person.setSortOrder(form.sortOrder() == null ? 0 : form.sortOrder());
		person.touch(Instant.now(clock));
	}

}
