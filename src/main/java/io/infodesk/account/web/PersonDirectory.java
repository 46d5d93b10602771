package io.infodesk.account.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;

/** The people of the organisation as the account pages show them; looks each person and unit up once. */
final class PersonDirectory {

	/** A person as an account row shows them. */
	record PersonRef(long id, String name, String position, String unitName, boolean active) {
	}

	/** The people of one unit, for the grouped person picker. */
	record UnitPeople(String unitName, List<PersonRef> people) {
	}

	private final Organization organization;

	private final Map<Long, PersonRef> people = new HashMap<>();

	private final Map<Long, String> unitNames = new HashMap<>();

	PersonDirectory(Organization organization) {
		this.organization = organization;
	}

	PersonRef person(Long personId) {
		if (personId == null) {
			return null;
		}
		return people.computeIfAbsent(personId, id -> organization.person(id).map(this::ref).orElse(null));
	}

	/** The active people of each active unit; plus the given person wherever they are, if inactive. */
	List<UnitPeople> choices(Long current) {
		List<UnitPeople> groups = new ArrayList<>();
		boolean currentListed = current == null;
		for (Unit unit : organization.activeUnits()) {
			List<PersonRef> refs = new ArrayList<>();
			for (Person person : organization.peopleOf(unit.getId())) {
				if (person.isActive() || person.getId().equals(current)) {
					refs.add(ref(person));
					currentListed |= person.getId().equals(current);
				}
			}
			if (!refs.isEmpty()) {
				groups.add(new UnitPeople(unit.getName(), refs));
			}
		}
		if (!currentListed) {
			PersonRef ref = person(current);
			if (ref != null) {
				groups.add(new UnitPeople(ref.unitName(), List.of(ref)));
			}
		}
		return groups;
	}

	private PersonRef ref(Person person) {
		String unitName = unitNames.computeIfAbsent(person.getUnitId(),
				id -> organization.unit(id).map(Unit::getName).orElse(""));
		return new PersonRef(person.getId(), person.getName(), person.getPosition(), unitName, person.isActive());
	}

}
