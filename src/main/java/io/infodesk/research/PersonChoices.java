package io.infodesk.research;

import java.util.ArrayList;
import java.util.List;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;

/**
 * The people of the active units as the pickers of research's and training's forms list them (group members, judges,
 * the invited): pairs of the person's id and "name（unit）", unit by unit.
 */
public final class PersonChoices {

	private PersonChoices() {
	}

	public static List<List<String>> of(Organization organization) {
		List<List<String>> people = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			for (Person person : organization.peopleOf(unit.getId())) {
				people.add(List.of(Long.toString(person.getId()), person.getName() + "（" + unit.getName() + "）"));
			}
		}
		return people;
	}

}
