package io.infodesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.internal.LeaderAssignmentRepository;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.PublicistDesignationRepository;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.support.TestUsers;

/**
 * Units, people, leaders in charge and publicist designations save and query alike on both databases,
 * including the data scope ({@link DataScope#on(String)}) as a JPA specification (S2-a, S4-a).
 */
@Transactional
abstract class OrganizationRepositoryContract extends DatabaseContract {

	@Autowired
	UnitRepository units;

	@Autowired
	PersonRepository people;

	@Autowired
	LeaderAssignmentRepository leaderAssignments;

	@Autowired
	PublicistDesignationRepository publicists;

	@Autowired
	Organization organization;

	@Autowired
	DataScopes dataScopes;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	Unit unit(String name) {
		Unit unit = new Unit(unique(name), UnitType.SECTION, now());
		return units.saveAndFlush(unit);
	}

	Person person(String name, Unit unit) {
		return people.saveAndFlush(new Person(name, unit.getId(), now()));
	}

	@Test
	void savesAUnitWithAllItsFieldsAndFindsItByName() {
		Unit parent = unit("局领导班子");
		Unit unit = new Unit(unique("物业管理科"), UnitType.SECTION, now());
		unit.setShortName("物业科");
		unit.setParentId(parent.getId());
		unit.setSortOrder(7);
		units.saveAndFlush(unit);
		Person head = person("孙伟", unit);
		unit.setHeadId(head.getId());
		units.flush();

		Unit found = units.findByName(unit.getName()).orElseThrow();
		assertThat(found.getId()).isEqualTo(unit.getId());
		assertThat(found.getShortName()).isEqualTo("物业科");
		assertThat(found.getType()).isEqualTo(UnitType.SECTION);
		assertThat(found.getParentId()).isEqualTo(parent.getId());
		assertThat(found.getHeadId()).isEqualTo(head.getId());
		assertThat(found.isActive()).isTrue();
		String storedType = jdbc.queryForObject("select type from org_unit where id = ?", String.class, unit.getId());
		assertThat(storedType).isEqualTo("SECTION");
	}

	@Test
	void unitNamesAreUnique() {
		Unit first = unit("办公室");
		assertThatThrownBy(() -> units.saveAndFlush(new Unit(first.getName(), UnitType.OTHER, now())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aPersonMustBelongToAnExistingUnit() {
		assertThatThrownBy(() -> people.saveAndFlush(new Person("无单位", 987_654_321L, now())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNameLongerThanItsColumnIsRefusedNotCut() {
		Unit unit = unit("住房保障科");
		assertThat(person("张".repeat(50), unit).getName()).hasSize(50);
		assertThatThrownBy(() -> person("张".repeat(51), unit)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void savesAPersonWithFlagsAndFindsPeopleOfAUnitInOrder() {
		Unit unit = unit("城建科");
		Person second = new Person("李四", unit.getId(), now());
		second.setSortOrder(2);
		second.setPosition("科员");
		second.setPhone("13800138000");
		second.setPartyMember(true);
		second.setSectionLevelCadre(false);
		second.setOnlineCommentator(true);
		people.save(second);
		Person first = new Person("张三", unit.getId(), now());
		first.setSortOrder(1);
		first.setSectionLevelCadre(true);
		people.saveAndFlush(first);

		List<Person> found = people.findByUnitIdOrderBySortOrderAscIdAsc(unit.getId());
		assertThat(found).extracting(Person::getName).containsExactly("张三", "李四");
		Person li = found.get(1);
		assertThat(li.getPhone()).isEqualTo("13800138000");
		assertThat(li.isPartyMember()).isTrue();
		assertThat(li.isOnlineCommentator()).isTrue();
		assertThat(found.get(0).isSectionLevelCadre()).isTrue();
		assertThat(people.findByUnitIdAndName(unit.getId(), "李四")).extracting(Person::getId).containsExactly(li.getId());
	}

	@Test
	void countsOnlyActivePeople() {
		long before = people.countByActiveTrue();
		Unit unit = unit("村镇建设科");
		person("在职", unit);
		Person gone = person("停用", unit);
		gone.setActive(false);
		people.flush();
		assertThat(people.countByActiveTrue()).isEqualTo(before + 1);
	}

	@Test
	void dataScopeSpecificationKeepsOnlyPeopleOfTheUnitsInScope() {
		Unit a = unit("甲科");
		Unit b = unit("乙科");
		Unit c = unit("丙科");
		Person inA = person("甲一", a);
		Person inB = person("乙一", b);
		Person inC = person("丙一", c);
		Specification<Person> created = (root, query, cb) -> root.get("id").in(inA.getId(), inB.getId(), inC.getId());

		assertThat(people.findAll(DataScope.units(Set.of(a.getId(), b.getId())).<Person>on("unitId").and(created)))
			.extracting(Person::getName)
			.containsExactlyInAnyOrder("甲一", "乙一");
		assertThat(people.findAll(DataScope.units(Set.of()).<Person>on("unitId").and(created))).isEmpty();
		assertThat(people.findAll(DataScope.all().<Person>on("unitId").and(created))).hasSize(3);
		// the same scope applied to units themselves (their own id)
		assertThat(units.findAll(DataScope.units(Set.of(c.getId())).<Unit>on("id"))).extracting(Unit::getName)
			.containsExactly(c.getName());
	}

	@Test
	void leaderInChargeSeesTheUnitsAssignedToHimTodayPlusHisOwn() {
		Unit leadership = unit("局领导班子");
		Unit property = unit("物业管理科");
		Unit market = unit("房地产市场监管科");
		Unit ended = unit("已调整科室");
		Person leader = person("李明华", leadership);
		LocalDate today = LocalDate.now(clock);
		leaderAssignments.save(new LeaderAssignment(leader.getId(), property.getId(), today.minusYears(1), now()));
		leaderAssignments.save(new LeaderAssignment(leader.getId(), market.getId(), today, now()));
		LeaderAssignment old = new LeaderAssignment(leader.getId(), ended.getId(), today.minusYears(2), now());
		old.end(today.minusDays(1));
		leaderAssignments.save(old);
		leaderAssignments.save(new LeaderAssignment(leader.getId(), ended.getId(), today.plusDays(1), now()));
		leaderAssignments.flush();

		assertThat(leaderAssignments.findByLeaderId(leader.getId())).hasSize(4);
		assertThat(leaderAssignments.findByUnitId(ended.getId())).hasSize(2);
		assertThat(organization.unitsInChargeOf(leader.getId())).containsExactlyInAnyOrder(property.getId(),
				market.getId());

		TestUsers.logIn(TestUsers.withRoles(leader.getId(), leadership.getId(), Role.LEADER_IN_CHARGE));
		Specification<Unit> created = (root, query, cb) -> root.get("id")
			.in(leadership.getId(), property.getId(), market.getId(), ended.getId());
		assertThat(units.findAll(dataScopes.current().<Unit>on("id").and(created))).extracting(Unit::getId)
			.containsExactlyInAnyOrder(leadership.getId(), property.getId(), market.getId());
	}

	@Test
	void staffSeeOnlyTheirOwnUnitAndTheOfficeSeesAll() {
		Unit own = unit("物业管理科");
		Unit other = unit("住房保障科");
		Person staff = person("钱进", own);
		person("别人", other);
		Specification<Person> created = (root, query, cb) -> root.get("unitId").in(own.getId(), other.getId());

		TestUsers.logIn(TestUsers.withRoles(staff.getId(), own.getId(), Role.STAFF));
		assertThat(people.findAll(dataScopes.current().<Person>on("unitId").and(created))).extracting(Person::getName)
			.containsExactly("钱进");

		TestUsers.logIn(TestUsers.withRoles(null, null, Role.OFFICE_EDITOR));
		assertThat(people.findAll(dataScopes.current().<Person>on("unitId").and(created))).hasSize(2);
	}

	@Test
	void publicistDesignationsKeepTheirHistory() {
		Unit unit = unit("建筑业管理科");
		Person before = person("前任", unit);
		Person current = person("赵雪", unit);
		Person second = person("第二人", unit);
		LocalDate today = LocalDate.now(clock);
		PublicistDesignation ended = new PublicistDesignation(unit.getId(), before.getId(), today.minusYears(2), now());
		ended.end(today.minusMonths(1));
		publicists.save(ended);
		publicists.save(new PublicistDesignation(unit.getId(), current.getId(), today.minusMonths(1), now()));
		publicists.saveAndFlush(new PublicistDesignation(unit.getId(), second.getId(), today, now()));

		assertThat(publicists.findByUnitId(unit.getId())).hasSize(3);
		assertThat(publicists.findByPersonId(before.getId())).singleElement()
			.satisfies(d -> assertThat(d.getEndDate()).isEqualTo(today.minusMonths(1)));
		assertThat(organization.currentPublicistsOf(unit.getId())).containsExactlyInAnyOrder(current.getId(),
				second.getId());
	}

	@Test
	void aDesignationNeedsAnExistingPerson() {
		Unit unit = unit("质量安全监督站");
		assertThatThrownBy(() -> publicists
			.saveAndFlush(new PublicistDesignation(unit.getId(), 987_654_321L, LocalDate.now(clock), now())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void aStaleEditIsRefusedByTheVersionColumn() {
		Long id = inNewTransaction().execute(status -> unit("房产交易管理中心").getId());
		Unit stale = units.findById(id).orElseThrow();
		inNewTransaction().executeWithoutResult(status -> {
			Unit fresh = units.findById(id).orElseThrow();
			fresh.setSortOrder(3);
			fresh.touch(now());
		});
		stale.setSortOrder(4);
		assertThatThrownBy(() -> units.saveAndFlush(stale)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(units.findById(id).orElseThrow().getSortOrder()).isEqualTo(3);
	}

}
