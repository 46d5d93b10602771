package io.infodesk.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.PublicistDesignationRepository;
import io.infodesk.organization.internal.UnitRepository;

/** Read access to the organisation for other modules (accounts, data scope, dashboards). */
@Service
@Transactional(readOnly = true)
public class Organization {

	private final UnitRepository units;

	private final PersonRepository people;

	private final LeaderAssignmentRepository leaderAssignments;

	private final PublicistDesignationRepository publicists;

	private final Clock clock;

	Organization(UnitRepository units, PersonRepository people, LeaderAssignmentRepository leaderAssignments,
			PublicistDesignationRepository publicists, Clock clock) {
		this.units = units;
		this.people = people;
		this.leaderAssignments = leaderAssignments;
		this.publicists = publicists;
		this.clock = clock;
	}

	public Optional<Unit> unit(long id) {
		return units.findById(id);
	}

	public Optional<Person> person(long id) {
		return people.findById(id);
	}

	/** Many people at once (ids without a person are left out). */
	public List<Person> people(java.util.Collection<Long> ids) {
		return people.findAllById(ids);
	}

	/** Names and units of these people, read without loading their records (thousands at a time). */
	public List<PersonName> names(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : people.findNamesByIdIn(ids);
	}

	/** The person of that name in the unit of that name, if any (used by demo data and imports). */
	public Optional<Person> personNamed(String unitName, String personName) {
		return units.findByName(unitName)
			.flatMap(unit -> people.findByUnitIdAndName(unit.getId(), personName).stream().findFirst());
	}

	public List<Unit> activeUnits() {
		return units.findByActiveTrueOrderBySortOrderAscIdAsc();
	}

	public List<Person> peopleOf(long unitId) {
		return people.findByUnitIdOrderBySortOrderAscIdAsc(unitId);
	}

	/** The units a leader is in charge of (分管) today; none once the leader is deactivated. */
	public Set<Long> unitsInChargeOf(long leaderPersonId) {
		if (!people.findById(leaderPersonId).map(Person::isActive).orElse(false)) {
			return Set.of();
		}
		LocalDate today = LocalDate.now(clock);
		return leaderAssignments.findByLeaderId(leaderPersonId)
			.stream()
			.filter(assignment -> assignment.activeOn(today))
			.map(LeaderAssignment::getUnitId)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The active people designated as the unit's information publicists today. */
	public List<Long> currentPublicistsOf(long unitId) {
		LocalDate today = LocalDate.now(clock);
		return publicists.findByUnitId(unitId)
			.stream()
			.filter(designation -> designation.activeOn(today))
			.map(PublicistDesignation::getPersonId)
			.filter(personId -> people.findById(personId).map(Person::isActive).orElse(false))
			.toList();
	}

	public long activeUnitCount() {
		return units.findByActiveTrueOrderBySortOrderAscIdAsc().size();
	}

	public long activePersonCount() {
		return people.countByActiveTrue();
	}

}
