package io.infodesk.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.organization.AssignmentFilter;
import io.infodesk.organization.DatedAssignment;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.People;
import io.infodesk.organization.PeriodStatus;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonFilter;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.RecordNotFound;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitFilter;
import io.infodesk.organization.Units;
import io.infodesk.organization.web.OrganizationApiModels.LeaderJson;
import io.infodesk.organization.web.OrganizationApiModels.PersonJson;
import io.infodesk.organization.web.OrganizationApiModels.PersonRef;
import io.infodesk.organization.web.OrganizationApiModels.PublicistJson;
import io.infodesk.organization.web.OrganizationApiModels.UnitJson;
import io.infodesk.organization.web.OrganizationApiModels.UnitRef;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;
import io.infodesk.shared.web.ApiSupport.ApiPage;

/**
 * The organisation over the REST API (read only): units, people, leaders in charge and publicists, with the list
 * pages' filters and the same permission ({@code org:view}) and data scope as the pages — a publicist sees the own
 * unit, a leader in charge the units in charge. A record outside the scope is answered 404 like an unknown one.
 */
@RestController
@RequestMapping(path = "/api/org", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "组织机构", description = "单位、人员、分管领导和信息宣传员（只读）")
class OrganizationApiController {

	private final Units units;

	private final People people;

	private final Leadership leadership;

	private final Publicists publicists;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	OrganizationApiController(Units units, People people, Leadership leadership, Publicists publicists,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.units = units;
		this.people = people;
		this.leadership = leadership;
		this.publicists = publicists;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/units")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "listUnits", summary = "单位列表",
			description = "与单位管理页面相同的筛选（名称关键字、类型、状态，默认在用），按排序号分页；只含数据范围内的单位。")
	ApiPage<UnitJson> units(@ParameterObject UnitFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<Unit> result = units.search(filter, dataScopes.current(), ApiSupport.pageRequest(page, size));
		return ApiPage.of(result, unitJson(result.getContent()));
	}

	@GetMapping("/units/{unitId}")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "getUnit", summary = "一个单位")
	UnitJson unit(@Parameter(description = "单位编号") @PathVariable long unitId) {
		Unit unit = find(() -> units.get(unitId));
		visible(unit.getId());
		return unitJson(List.of(unit)).get(0);
	}

	@GetMapping("/people")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "listPeople", summary = "人员列表",
			description = "与人员管理页面相同的筛选（关键字、单位、党员、科级干部、网评员、状态，默认在职）；只含数据范围内单位的人员。")
	ApiPage<PersonJson> people(@ParameterObject PersonFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<Person> result = people.search(filter, dataScopes.current(), ApiSupport.pageRequest(page, size));
		return ApiPage.of(result, personJson(result.getContent()));
	}

	@GetMapping("/people/{personId}")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "getPerson", summary = "一名人员")
	PersonJson person(@Parameter(description = "人员编号") @PathVariable long personId) {
		Person person = find(() -> people.get(personId));
		visible(person.getUnitId());
		return personJson(List.of(person)).get(0);
	}

	@GetMapping("/leaders")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "listLeaderAssignments", summary = "分管领导",
			description = "分管关系（领导、单位、起止日期），筛选：人员、单位、期间状态（默认未结束）；只含数据范围内的单位。")
	ApiPage<LeaderJson> leaders(@ParameterObject AssignmentFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<LeaderAssignment> result = leadership.search(filter, dataScopes.current(),
				ApiSupport.pageRequest(page, size));
		Map<Long, Unit> all = units.byId();
		Map<Long, Person> persons = people
			.byIds(result.getContent().stream().map(LeaderAssignment::getLeaderId).collect(Collectors.toSet()));
		LocalDate today = LocalDate.now(clock);
		return ApiPage.of(result, result.getContent()
			.stream()
			.map(assignment -> new LeaderJson(assignment.getId(), personRef(persons.get(assignment.getLeaderId())),
					unitRef(all.get(assignment.getUnitId())), assignment.getStartDate(), assignment.getEndDate(),
					status(assignment, today), texts.label("org.period.", status(assignment, today))))
			.toList());
	}

	@GetMapping("/publicists")
	@PreAuthorize("hasAuthority('org:view')")
	@Operation(operationId = "listPublicists", summary = "信息宣传员",
			description = "各单位指定的信息宣传员（人员、单位、起止日期），筛选：人员、单位、期间状态（默认未结束）；只含数据范围内的单位。")
	ApiPage<PublicistJson> publicists(@ParameterObject AssignmentFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		Page<PublicistDesignation> result = publicists.search(filter, dataScopes.current(),
				ApiSupport.pageRequest(page, size));
		Map<Long, Unit> all = units.byId();
		Map<Long, Person> persons = people.byIds(
				result.getContent().stream().map(PublicistDesignation::getPersonId).collect(Collectors.toSet()));
		LocalDate today = LocalDate.now(clock);
		return ApiPage.of(result, result.getContent()
			.stream()
			.map(designation -> new PublicistJson(designation.getId(), personRef(persons.get(designation.getPersonId())),
					unitRef(all.get(designation.getUnitId())), designation.getStartDate(), designation.getEndDate(),
					status(designation, today), texts.label("org.period.", status(designation, today))))
			.toList());
	}

	private static PeriodStatus status(DatedAssignment assignment, LocalDate today) {
		return assignment.statusOn(today);
	}

	private List<UnitJson> unitJson(List<Unit> list) {
		Map<Long, Unit> all = units.byId();
		Set<Long> heads = list.stream().map(Unit::getHeadId).filter(id -> id != null).collect(Collectors.toSet());
		Map<Long, Person> persons = people.byIds(heads);
		return list.stream()
			.map(unit -> new UnitJson(unit.getId(), unit.getName(), unit.getShortName(), unit.getType(),
					texts.label("unit.type.", unit.getType()),
					unit.getParentId() == null ? null : unitRef(all.get(unit.getParentId())),
					unit.getHeadId() == null ? null : personRef(persons.get(unit.getHeadId())), unit.getSortOrder(),
					unit.isActive(), people.activeCountOf(unit.getId())))
			.toList();
	}

	private List<PersonJson> personJson(List<Person> list) {
		Map<Long, Unit> all = units.byId();
		Set<Long> current = new HashSet<>();
		publicists.current().forEach(designation -> current.add(designation.getPersonId()));
		return list.stream()
			.map(person -> new PersonJson(person.getId(), person.getName(), unitRef(all.get(person.getUnitId())),
					person.getPosition(), person.getPhone(), person.isPartyMember(), person.isSectionLevelCadre(),
					person.isOnlineCommentator(), person.getSortOrder(), person.isActive(),
					current.contains(person.getId())))
			.toList();
	}

	private static UnitRef unitRef(Unit unit) {
		return unit == null ? null : new UnitRef(unit.getId(), unit.getName());
	}

	private static PersonRef personRef(Person person) {
		return person == null ? null : new PersonRef(person.getId(), person.getName());
	}

	/** Outside the caller's data scope: 404, as for a record that does not exist. */
	private void visible(Long unitId) {
		DataScope scope = dataScopes.current();
		if (!scope.includes(unitId)) {
			throw new ApiNotFound();
		}
	}

	private static <T> T find(java.util.function.Supplier<T> lookup) {
		try {
			return lookup.get();
		}
		catch (RecordNotFound missing) {
			throw new ApiNotFound();
		}
	}

}
