package io.infodesk.organization;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;

import io.infodesk.shared.security.DataScope;

@OrganizationIntegrationTest
class UnitsTests {

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	Leadership leadership;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void createsAUnitAuditedAndAnnounced() {
		String name = OrgFixtures.unique("住房保障科");

		Unit unit = units.create(new UnitForm("  " + name + " ", "保障科", UnitType.SECTION, null, null, 70));

		assertThat(unit.getName()).isEqualTo(name);
		assertThat(unit.getShortName()).isEqualTo("保障科");
		assertThat(new AuditEntries(jdbc).of("Unit", unit.getId())).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("UNIT_CREATED");
			assertThat(entry.summary()).isEqualTo("新增单位「" + name + "」（科室）");
		});
		assertThat(events.stream(UnitChanged.class)).containsExactly(new UnitChanged(unit.getId(), true));
	}

	@Test
	void refusesADuplicateName() {
		Unit existing = fixtures.unit("城建科");
		long auditBefore = new AuditEntries(jdbc).count();

		assertThatThrownBy(() -> units.create(new UnitForm(existing.getName(), null, UnitType.SECTION, null, null, 0)))
			.isInstanceOfSatisfying(RuleViolation.class, violation -> {
				assertThat(violation.messageKey()).isEqualTo("unit.error.nameTaken");
				assertThat(violation.field()).contains("name");
			});
		assertThat(new AuditEntries(jdbc).count()).isEqualTo(auditBefore);
	}

	@Test
	void refusesItselfOrADescendantAsParent() {
		Unit top = fixtures.unit("质量安全监督站", UnitType.INSTITUTION);
		Unit child = units.create(new UnitForm(OrgFixtures.unique("监督一组"), null, UnitType.OTHER, top.getId(), null, 0));
		Unit grandChild = units
			.create(new UnitForm(OrgFixtures.unique("监督一组一班"), null, UnitType.OTHER, child.getId(), null, 0));

		assertThatThrownBy(() -> units.update(top.getId(), withParent(top, top.getId())))
			.hasFieldOrPropertyWithValue("messageKey", "unit.error.parentCycle");
		assertThatThrownBy(() -> units.update(top.getId(), withParent(top, grandChild.getId())))
			.hasFieldOrPropertyWithValue("messageKey", "unit.error.parentCycle");
		assertThat(units.get(top.getId()).getParentId()).isNull();
		assertThat(units.possibleParents(top.getId())).extracting(Unit::getId)
			.doesNotContain(top.getId(), child.getId(), grandChild.getId());
	}

	@Test
	void theHeadMustBeAnActivePersonOfTheUnit() {
		Unit unit = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person outsider = fixtures.person(other, "周敏");
		Person member = fixtures.person(unit, "孙伟", "科长");

		assertThatThrownBy(() -> units.update(unit.getId(), withHead(unit, outsider.getId())))
			.hasFieldOrPropertyWithValue("messageKey", "unit.error.headNotMember");

		units.update(unit.getId(), withHead(unit, member.getId()));

		assertThat(units.get(unit.getId()).getHeadId()).isEqualTo(member.getId());
		assertThat(new AuditEntries(jdbc).of("Unit", unit.getId())).last()
			.satisfies(entry -> assertThat(entry.summary()).contains("负责人：（空） → 孙伟"));
	}

	@Test
	void anUnchangedEditWritesNothing() {
		Unit unit = fixtures.unit("计划财务科");
		long auditBefore = new AuditEntries(jdbc).count();

		units.update(unit.getId(), UnitForm.of(unit));

		assertThat(new AuditEntries(jdbc).count()).isEqualTo(auditBefore);
	}

	@Test
	void refusesToDeactivateAUnitWithActivePeople() {
		Unit unit = fixtures.unit("村镇建设科");
		Person person = fixtures.person(unit, "贾蓉");

		assertThatThrownBy(() -> units.deactivate(unit.getId()))
			.hasFieldOrPropertyWithValue("messageKey", "unit.error.hasActivePeople");
		assertThat(units.get(unit.getId()).isActive()).isTrue();

		people.deactivate(person.getId());
		units.deactivate(unit.getId());

		assertThat(units.get(unit.getId()).isActive()).isFalse();
	}

	@Test
	void deactivatingEndsTheLeadersInChargeAndReactivatingRestoresTheUnit() {
		Unit leadershipUnit = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Person leader = fixtures.person(leadershipUnit, "王志强", "副局长");
		Unit unit = fixtures.unit("城建档案馆", UnitType.INSTITUTION);
		LeaderAssignment assignment = fixtures.inCharge(leader, unit, TODAY.minusMonths(6));

		units.deactivate(unit.getId());

		assertThat(leadership.get(assignment.getId()).getEndDate()).isEqualTo(TODAY);
		assertThat(new AuditEntries(jdbc).of("LeaderAssignment", assignment.getId())).extracting(AuditEntries.Entry::action)
			.containsExactly("LEADER_ASSIGNED", "LEADER_ASSIGNMENT_ENDED");
		assertThat(events.stream(UnitChanged.class)).contains(new UnitChanged(unit.getId(), false));

		units.activate(unit.getId());

		assertThat(units.get(unit.getId()).isActive()).isTrue();
		assertThat(new AuditEntries(jdbc).of("Unit", unit.getId())).extracting(AuditEntries.Entry::action)
			.containsExactly("UNIT_CREATED", "UNIT_DEACTIVATED", "UNIT_REACTIVATED");
	}

	@Test
	void searchAppliesTheDataScopeAndTheFilter() {
		Unit mine = fixtures.unit("筛选科");
		Unit notMine = fixtures.unit("筛选科");

		var page = units.search(new UnitFilter("筛选科", null, ActiveStatus.ALL), DataScope.units(java.util.Set.of(mine.getId())),
				org.springframework.data.domain.PageRequest.of(0, 20));

		assertThat(page.getContent()).extracting(Unit::getId).containsExactly(mine.getId());
		assertThat(units.list(new UnitFilter("筛选科", null, null), DataScope.all())).extracting(Unit::getId)
			.contains(mine.getId(), notMine.getId());
	}

	private static UnitForm withParent(Unit unit, Long parentId) {
		return new UnitForm(unit.getName(), unit.getShortName(), unit.getType(), parentId, unit.getHeadId(),
				unit.getSortOrder());
	}

	private static UnitForm withHead(Unit unit, Long headId) {
		return new UnitForm(unit.getName(), unit.getShortName(), unit.getType(), unit.getParentId(), headId,
				unit.getSortOrder());
	}

}
