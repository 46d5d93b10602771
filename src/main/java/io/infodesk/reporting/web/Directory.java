package io.infodesk.reporting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.DataScope;

/** Names of units and the people to choose as authors, read from the organisation for the pages. */
@Component
public class Directory {

	/** A unit with its active people, for the author choice (grouped by unit). */
	record UnitPeople(Unit unit, List<Person> people) {

	}

	private final Organization organization;

	Directory(Organization organization) {
		this.organization = organization;
	}

	/** Unit id → name, for the active units and (looked up one by one) any other unit asked for. */
	public Map<Long, String> unitNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		organization.activeUnits().forEach(unit -> names.put(unit.getId(), unit.getName()));
		return new LinkedHashMap<>(names) {

			@Override
			public String get(Object key) {
				if (key instanceof Long id && !containsKey(id)) {
					put(id, organization.unit(id).map(Unit::getName).orElse(String.valueOf(id)));
				}
				return super.get(key);
			}

		};
	}

	public java.util.Optional<Unit> unit(Long id) {
		return id == null ? java.util.Optional.empty() : organization.unit(id);
	}

	public List<Unit> unitsIn(DataScope scope) {
		return organization.activeUnits().stream().filter(unit -> scope.includes(unit.getId())).toList();
	}

	public List<UnitPeople> peopleByUnit() {
		return organization.activeUnits()
			.stream()
			.map(unit -> new UnitPeople(unit, organization.peopleOf(unit.getId()).stream().filter(Person::isActive).toList()))
			.filter(group -> !group.people().isEmpty())
			.toList();
	}

}
