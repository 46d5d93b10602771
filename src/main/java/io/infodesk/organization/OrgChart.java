package io.infodesk.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership chart (组织领导示意图, attachment 1; S4-a) drawn from today's data: the bureau
 * leadership at the root, each bureau leader with the units in their charge, each unit with its
 * head and current publicists (or the mark that it has none). Active units nobody is in charge of
 * hang directly under the root, so every active unit appears.
 */
@Service
@Transactional(readOnly = true)
public class OrgChart {

	public enum Kind {

		BUREAU, LEADER, UNIT, HEAD, PUBLICIST, NO_PUBLICIST

	}

	/** One box of the chart: a name, an optional detail (position, unit type) and its children. */
	public record Node(Kind kind, String name, String detail, List<Node> children) {

		public Node {
			children = List.copyOf(children);
		}

	}

	private final Units units;

	private final People people;

	private final Leadership leadership;

	private final Publicists publicists;

	OrgChart(Units units, People people, Leadership leadership, Publicists publicists) {
		this.units = units;
		this.people = people;
		this.leadership = leadership;
		this.publicists = publicists;
	}

	/**
	 * The tree; {@code rootName} names the root when there is no 局领导班子 unit.
	 */
	public Node tree(String rootName) {
		List<Unit> active = units.active();
		Map<Long, Unit> unitsById = active.stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
		Map<Long, List<String>> publicistsByUnit = new LinkedHashMap<>();
		for (PublicistDesignation designation : publicists.current()) {
			Person person = people.get(designation.getPersonId());
			publicistsByUnit.computeIfAbsent(designation.getUnitId(), id -> new ArrayList<>()).add(person.getName());
		}
		Map<Long, Set<Long>> unitsByLeader = new LinkedHashMap<>();
		for (LeaderAssignment assignment : leadership.current()) {
			if (unitsById.containsKey(assignment.getUnitId())) {
				unitsByLeader.computeIfAbsent(assignment.getLeaderId(), id -> new LinkedHashSet<>())
					.add(assignment.getUnitId());
			}
		}
		List<Node> top = new ArrayList<>();
		Set<Long> placed = new LinkedHashSet<>();
		for (Person leader : leadership.leaders()) {
			List<Node> inCharge = new ArrayList<>();
			// units in display order
			for (Unit unit : active) {
				if (unitsByLeader.getOrDefault(leader.getId(), Set.of()).contains(unit.getId())) {
					inCharge.add(unitNode(unit, publicistsByUnit));
					placed.add(unit.getId());
				}
			}
			top.add(new Node(Kind.LEADER, leader.getName(), leader.getPosition(), inCharge));
		}
		for (Unit unit : active) {
			if (unit.getType() != UnitType.LEADERSHIP && !placed.contains(unit.getId())) {
				top.add(unitNode(unit, publicistsByUnit));
			}
		}
		String name = active.stream()
			.filter(unit -> unit.getType() == UnitType.LEADERSHIP)
			.map(Unit::getName)
			.findFirst()
			.orElse(rootName);
		return new Node(Kind.BUREAU, name, null, top);
	}

	private Node unitNode(Unit unit, Map<Long, List<String>> publicistsByUnit) {
		List<Node> children = new ArrayList<>();
		if (unit.getHeadId() != null) {
			Person head = people.get(unit.getHeadId());
			if (head.isActive()) {
				children.add(new Node(Kind.HEAD, head.getName(), head.getPosition(), List.of()));
			}
		}
		List<String> names = publicistsByUnit.getOrDefault(unit.getId(), List.of());
		if (names.isEmpty()) {
			children.add(new Node(Kind.NO_PUBLICIST, null, null, List.of()));
		}
		names.forEach(name -> children.add(new Node(Kind.PUBLICIST, name, null, List.of())));
		return new Node(Kind.UNIT, unit.getName(), unit.getType().name(), children);
	}

}
