package io.infodesk.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.infodesk.account.Role;
import io.infodesk.shared.security.AuthenticatedUser;

/** Creates units, people and assignments with unique names through the real services, and test users. */
public class OrgFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Units units;

	private final People people;

	private final Leadership leadership;

	private final Publicists publicists;

	OrgFixtures(Units units, People people, Leadership leadership, Publicists publicists) {
		this.units = units;
		this.people = people;
		this.leadership = leadership;
		this.publicists = publicists;
	}

	/** A name not used before in this JVM: "物业管理科" → "物业管理科7". */
	public static String unique(String name) {
		return name + SEQUENCE.incrementAndGet();
	}

	public Unit unit(String name) {
		return unit(name, UnitType.SECTION);
	}

	public Unit unit(String name, UnitType type) {
		return units.create(new UnitForm(unique(name), null, type, null, null, 500));
	}

	public Person person(Unit unit, String name, String position) {
		return people.create(new PersonForm(name, unit.getId(), position, "13912345678", true, false, false, 0));
	}

	public Person person(Unit unit, String name) {
		return person(unit, name, "科员");
	}

	public PublicistDesignation publicist(Unit unit, Person person, LocalDate since) {
		return publicists.designate(new PublicistForm(unit.getId(), person.getId(), since, null));
	}

	public LeaderAssignment inCharge(Person leader, Unit unit, LocalDate since) {
		return leadership.assign(new LeaderAssignmentForm(leader.getId(), List.of(unit.getId()), since, null)).get(0);
	}

	/** A logged-in user holding the role, linked to the person (or to no person). */
	public static AuthenticatedUser user(String username, Role role, Person person, Unit unit) {
		return user(username, Set.of(role), person, unit);
	}

	public static AuthenticatedUser user(String username, Set<Role> roles, Person person, Unit unit) {
		Set<String> roleNames = roles.stream().map(Role::name).collect(java.util.stream.Collectors.toSet());
		Set<String> permissions = roles.stream()
			.flatMap(role -> role.permissions().stream())
			.collect(java.util.stream.Collectors.toSet());
		return new AuthenticatedUser(SEQUENCE.incrementAndGet(), username, "{noop}x", username,
				person == null ? null : person.getId(), unit == null ? null : unit.getId(),
				unit == null ? null : unit.getName(), roleNames, permissions, true, false, false);
	}

	/** An administrator linked to no person: sees and edits everything. */
	public static AuthenticatedUser admin() {
		return user("admin", Role.ADMIN, null, null);
	}

}
