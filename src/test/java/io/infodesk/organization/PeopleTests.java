package io.infodesk.organization;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;

import io.infodesk.shared.security.DataScope;

@OrganizationIntegrationTest
class PeopleTests {

	@Autowired
	People people;

	@Autowired
	Units units;

	@Autowired
	Leadership leadership;

	@Autowired
	Publicists publicists;

	@Autowired
	Organization organization;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void createsAPersonAuditedAndAnnounced() {
		Unit unit = fixtures.unit("物业管理科");

		Person person = people.create(new PersonForm(" 赵雪 ", unit.getId(), "科员", "13812345678", true, false, true, 20));

		assertThat(person.getName()).isEqualTo("赵雪");
		assertThat(person.isOnlineCommentator()).isTrue();
		assertThat(new AuditEntries(jdbc).of("Person", person.getId())).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("PERSON_CREATED");
			assertThat(entry.summary()).isEqualTo("新增人员「赵雪」（" + unit.getName() + "，科员）");
		});
		assertThat(events.stream(PersonChanged.class))
			.containsExactly(new PersonChanged(person.getId(), unit.getId(), true));
	}

	@Test
	void anEditIsAuditedWithWhatChanged() {
		Unit unit = fixtures.unit("物业管理科");
		Person person = fixtures.person(unit, "钱进", "科员");

		people.update(person.getId(), new PersonForm("钱进", unit.getId(), "副科长", "0519-86301234", true, true, false, 0));

		assertThat(new AuditEntries(jdbc).of("Person", person.getId())).last().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("PERSON_UPDATED");
			assertThat(entry.summary()).isEqualTo(
					"修改人员「钱进」：职务：科员 → 副科长；手机号：139****5678 → 051******1234；科级干部：否 → 是");
		});
		assertThat(events.stream(PersonChanged.class)).hasSize(2);
	}

	@Test
	void namesAreUniqueWithinAUnitButMayRepeatAcrossUnits() {
		Unit unit = fixtures.unit("办公室");
		Unit other = fixtures.unit("城建科");
		fixtures.person(unit, "王芳");

		assertThatThrownBy(() -> fixtures.person(unit, "王芳")).isInstanceOfSatisfying(RuleViolation.class, violation -> {
			assertThat(violation.messageKey()).isEqualTo("person.error.nameTaken");
			assertThat(violation.field()).contains("name");
		});
		Person namesake = fixtures.person(other, "王芳");

		assertThat(namesake.getId()).isNotNull();
		assertThat(people.activeOf(unit.getId())).hasSize(1);
	}

	@Test
	void refusesAPhoneThatIsNeitherMobileNorLandline() {
		Unit unit = fixtures.unit("办公室");
		for (String bad : new String[] { "12345678901", "1391234567", "139-1234-5678", "86301234", "abc" }) {
			assertThatThrownBy(
					() -> people.create(new PersonForm("甲" + bad, unit.getId(), null, bad, false, false, false, 0)))
				.as(bad)
				.isInstanceOf(ConstraintViolationException.class);
		}
		for (String good : new String[] { "13912345678", "19987654321", "0519-86301234", "010-12345678", "" }) {
			assertThat(people.create(new PersonForm("乙" + good, unit.getId(), null, good, false, false, false, 0)))
				.as(good)
				.isNotNull();
		}
		assertThat(people.activeOf(unit.getId())).hasSize(5);
	}

	@Test
	void refusesAnInactiveUnit() {
		Unit unit = fixtures.unit("临时工作组");
		units.deactivate(unit.getId());

		assertThatThrownBy(() -> fixtures.person(unit, "张三"))
			.hasFieldOrPropertyWithValue("messageKey", "person.error.unitInactive");
	}

	@Test
	void deactivatingEndsDesignationsAndAssignmentsAndTheHeadship() {
		Unit leadershipUnit = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Person leader = fixtures.person(leadershipUnit, "李明华", "副局长");
		Unit unit = fixtures.unit("物业管理科");
		Person head = fixtures.person(unit, "孙伟", "科长");
		units.update(unit.getId(), new UnitForm(unit.getName(), null, unit.getType(), null, head.getId(), 0));
		PublicistDesignation designation = fixtures.publicist(unit, head, TODAY.minusYears(1));
		LeaderAssignment assignment = fixtures.inCharge(leader, unit, TODAY.minusYears(1));

		people.deactivate(head.getId());
		people.deactivate(leader.getId());

		assertThat(people.get(head.getId()).isActive()).isFalse();
		assertThat(publicists.get(designation.getId()).getEndDate()).isEqualTo(TODAY);
		assertThat(leadership.get(assignment.getId()).getEndDate()).isEqualTo(TODAY);
		assertThat(units.get(unit.getId()).getHeadId()).isNull();
		assertThat(organization.currentPublicistsOf(unit.getId())).isEmpty();
		assertThat(organization.unitsInChargeOf(leader.getId())).isEmpty();
		assertThat(new AuditEntries(jdbc).of("PublicistDesignation", designation.getId()))
			.extracting(AuditEntries.Entry::action)
			.containsExactly("PUBLICIST_DESIGNATED", "PUBLICIST_ENDED");
		assertThat(new AuditEntries(jdbc).of("LeaderAssignment", assignment.getId())).last()
			.satisfies(entry -> assertThat(entry.summary()).startsWith("人员停用，「李明华」不再分管"));
		assertThat(new AuditEntries(jdbc).of("Unit", unit.getId())).last()
			.satisfies(entry -> assertThat(entry.summary()).contains("负责人：孙伟 → （空）"));
		assertThat(events.stream(PersonChanged.class)).contains(new PersonChanged(head.getId(), unit.getId(), false));
		assertThat(jdbc.queryForObject("select count(*) from org_person where id = ?", Long.class, head.getId()))
			.isEqualTo(1);
	}

	@Test
	void movingToAnotherUnitEndsThePublicistDesignationOfTheOldUnit() {
		Unit from = fixtures.unit("城建科");
		Unit to = fixtures.unit("住房保障科");
		Person person = fixtures.person(from, "卢静怡");
		PublicistDesignation designation = fixtures.publicist(from, person, TODAY.minusMonths(3));

		people.update(person.getId(), new PersonForm("卢静怡", to.getId(), "科员", "13912345678", true, false, false, 0));

		assertThat(people.get(person.getId()).getUnitId()).isEqualTo(to.getId());
		assertThat(publicists.get(designation.getId()).getEndDate()).isEqualTo(TODAY);
		assertThat(new AuditEntries(jdbc).of("Person", person.getId())).last()
			.satisfies(entry -> assertThat(entry.summary()).contains("单位：" + from.getName() + " → " + to.getName()));
	}

	@Test
	void reactivationNeedsAnActiveUnit() {
		Unit unit = fixtures.unit("城建档案馆");
		Person person = fixtures.person(unit, "范伟");
		people.deactivate(person.getId());
		units.deactivate(unit.getId());

		assertThatThrownBy(() -> people.activate(person.getId()))
			.hasFieldOrPropertyWithValue("messageKey", "person.error.unitInactive");

		units.activate(unit.getId());
		people.activate(person.getId());

		assertThat(people.get(person.getId()).isActive()).isTrue();
	}

	@Test
	void searchFiltersByKeywordFlagsAndScope() {
		Unit unit = fixtures.unit("筛选人员科");
		Unit other = fixtures.unit("筛选人员科");
		Person commentator = people
			.create(new PersonForm("评论员甲", unit.getId(), "科员", "13700000001", false, false, true, 0));
		fixtures.person(unit, "普通乙");
		fixtures.person(other, "评论员丙");

		var scoped = people.search(new PersonFilter("评论员", null, null, null, null, null),
				DataScope.units(Set.of(unit.getId())), PageRequest.of(0, 20));
		var flagged = people.search(new PersonFilter(null, unit.getId(), null, null, true, null), DataScope.all(),
				PageRequest.of(0, 20));
		var byPhone = people.search(new PersonFilter("13700000001", null, null, null, null, null), DataScope.all(),
				PageRequest.of(0, 20));
		var literalPercent = people.search(new PersonFilter("%", null, null, null, null, null), DataScope.all(),
				PageRequest.of(0, 20));

		assertThat(scoped.getContent()).extracting(Person::getId).containsExactly(commentator.getId());
		assertThat(flagged.getContent()).extracting(Person::getId).containsExactly(commentator.getId());
		assertThat(byPhone.getContent()).extracting(Person::getId).containsExactly(commentator.getId());
		assertThat(literalPercent.getTotalElements()).isZero();
	}

}
