package io.infodesk.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.People;
import io.infodesk.organization.PeriodStatus;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;
import io.infodesk.shared.excel.ExcelColumn;
import io.infodesk.shared.text.Texts;

/**
 * Turns the organisation's records into the rows of its list pages and Excel exports; the page and
 * the export show the same columns.
 */
@Component
class OrgRows {

	record UnitRow(long id, boolean active, UnitType typeCode, @ExcelColumn(header = "单位名称", order = 1) String name,
			@ExcelColumn(header = "简称", order = 2) String shortName,
			@ExcelColumn(header = "单位类型", order = 3) String type,
			@ExcelColumn(header = "上级单位", order = 4) String parent,
			@ExcelColumn(header = "负责人", order = 5) String head,
			@ExcelColumn(header = "分管领导", order = 6) String leaders,
			@ExcelColumn(header = "在用人数", order = 7) long people,
			@ExcelColumn(header = "信息宣传员", order = 8) String publicists,
			@ExcelColumn(header = "排序", order = 9) int sortOrder,
			@ExcelColumn(header = "状态", order = 10) String status) {

		/** Sections and institutions need a publicist; the leadership group does not. */
		public boolean withoutPublicist() {
			return active && typeCode != UnitType.LEADERSHIP && publicists.isEmpty();
		}

	}

	record PersonRow(long id, boolean active, @ExcelColumn(header = "姓名", order = 1) String name,
			@ExcelColumn(header = "单位", order = 2) String unit,
			@ExcelColumn(header = "职务", order = 3) String position,
			@ExcelColumn(header = "手机号", order = 4) String phone,
			@ExcelColumn(header = "党员", order = 5) boolean partyMember,
			@ExcelColumn(header = "科级干部", order = 6) boolean sectionLevelCadre,
			@ExcelColumn(header = "网络评论员", order = 7) boolean onlineCommentator,
			@ExcelColumn(header = "信息宣传员", order = 8) boolean publicist,
			@ExcelColumn(header = "状态", order = 9) String status) {

	}

	record LeaderRow(long id, PeriodStatus period, @ExcelColumn(header = "分管领导", order = 1) String leader,
			@ExcelColumn(header = "职务", order = 2) String position,
			@ExcelColumn(header = "分管单位", order = 3) String unit,
			@ExcelColumn(header = "开始日期", order = 4) LocalDate startDate,
			@ExcelColumn(header = "结束日期", order = 5) LocalDate endDate,
			@ExcelColumn(header = "状态", order = 6) String status) {

		public boolean endable() {
			return period != PeriodStatus.ENDED;
		}

	}

	record PublicistRow(long id, PeriodStatus period, @ExcelColumn(header = "单位", order = 1) String unit,
			@ExcelColumn(header = "信息宣传员", order = 2) String person,
			@ExcelColumn(header = "职务", order = 3) String position,
			@ExcelColumn(header = "手机号", order = 4) String phone,
			@ExcelColumn(header = "开始日期", order = 5) LocalDate startDate,
			@ExcelColumn(header = "结束日期", order = 6) LocalDate endDate,
			@ExcelColumn(header = "状态", order = 7) String status) {

		public boolean endable() {
			return period != PeriodStatus.ENDED;
		}

	}

	private final Units units;

	private final People people;

	private final Leadership leadership;

	private final Publicists publicists;

	private final Texts texts;

	private final Clock clock;

	OrgRows(Units units, People people, Leadership leadership, Publicists publicists, Texts texts,
			Clock clock) {
		this.units = units;
		this.people = people;
		this.leadership = leadership;
		this.publicists = publicists;
		this.texts = texts;
		this.clock = clock;
	}

	List<UnitRow> units(List<Unit> list) {
		Map<Long, Unit> all = units.byId();
		List<LeaderAssignment> inCharge = leadership.current();
		List<PublicistDesignation> current = publicists.current();
		Set<Long> personIds = new HashSet<>();
		list.forEach(unit -> {
			if (unit.getHeadId() != null) {
				personIds.add(unit.getHeadId());
			}
		});
		inCharge.forEach(assignment -> personIds.add(assignment.getLeaderId()));
		current.forEach(designation -> personIds.add(designation.getPersonId()));
		Map<Long, Person> persons = people.byIds(personIds);
		Map<Long, String> leaders = names(inCharge.stream()
			.collect(Collectors.groupingBy(LeaderAssignment::getUnitId, LinkedHashMap::new,
					Collectors.mapping(LeaderAssignment::getLeaderId, Collectors.toList()))), persons);
		Map<Long, String> publicistNames = names(current.stream()
			.collect(Collectors.groupingBy(PublicistDesignation::getUnitId, LinkedHashMap::new,
					Collectors.mapping(PublicistDesignation::getPersonId, Collectors.toList()))), persons);
		return list.stream()
			.map(unit -> new UnitRow(unit.getId(), unit.isActive(), unit.getType(), unit.getName(), unit.getShortName(),
					texts.get("unit.type." + unit.getType()),
					unit.getParentId() == null ? null : all.get(unit.getParentId()).getName(),
					unit.getHeadId() == null ? null : persons.get(unit.getHeadId()).getName(),
					leaders.getOrDefault(unit.getId(), ""), people.activeCountOf(unit.getId()),
					publicistNames.getOrDefault(unit.getId(), ""), unit.getSortOrder(), status(unit.isActive())))
			.toList();
	}

	List<PersonRow> people(List<Person> list) {
		Map<Long, Unit> all = units.byId();
		Set<Long> currentPublicists = publicists.current()
			.stream()
			.map(PublicistDesignation::getPersonId)
			.collect(Collectors.toSet());
		return list.stream()
			.map(person -> new PersonRow(person.getId(), person.isActive(), person.getName(),
					all.get(person.getUnitId()).getName(), person.getPosition(), person.getPhone(),
					person.isPartyMember(), person.isSectionLevelCadre(), person.isOnlineCommentator(),
					currentPublicists.contains(person.getId()), status(person.isActive())))
			.toList();
	}

	List<LeaderRow> leaders(List<LeaderAssignment> list) {
		Map<Long, Unit> all = units.byId();
		Map<Long, Person> persons = people
			.byIds(list.stream().map(LeaderAssignment::getLeaderId).collect(Collectors.toSet()));
		LocalDate today = LocalDate.now(clock);
		return list.stream().map(assignment -> {
			Person leader = persons.get(assignment.getLeaderId());
			PeriodStatus period = assignment.statusOn(today);
			return new LeaderRow(assignment.getId(), period, leader.getName(), leader.getPosition(),
					all.get(assignment.getUnitId()).getName(), assignment.getStartDate(), assignment.getEndDate(),
					texts.get("org.period." + period));
		}).toList();
	}

	List<PublicistRow> publicists(List<PublicistDesignation> list) {
		Map<Long, Unit> all = units.byId();
		Map<Long, Person> persons = people
			.byIds(list.stream().map(PublicistDesignation::getPersonId).collect(Collectors.toSet()));
		LocalDate today = LocalDate.now(clock);
		return list.stream().map(designation -> {
			Person person = persons.get(designation.getPersonId());
			PeriodStatus period = designation.statusOn(today);
			return new PublicistRow(designation.getId(), period, all.get(designation.getUnitId()).getName(),
					person.getName(), person.getPosition(), person.getPhone(), designation.getStartDate(),
					designation.getEndDate(), texts.get("org.period." + period));
		}).toList();
	}

	private static Map<Long, String> names(Map<Long, List<Long>> idsByUnit, Map<Long, Person> persons) {
		Map<Long, String> result = new LinkedHashMap<>();
		idsByUnit.forEach((unitId, ids) -> result.put(unitId,
				ids.stream().distinct().map(id -> persons.get(id).getName()).collect(Collectors.joining("、"))));
		return result;
	}

	private String status(boolean active) {
		return texts.get(active ? "common.active" : "common.inactive");
	}

}
