package io.infodesk.organization;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.shared.security.DataScope;

@OrganizationIntegrationTest
class LeadershipTests {

	@Autowired
	Leadership leadership;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void putsALeaderInChargeOfSeveralUnitsAudited() {
		Person leader = leader("李明华");
		Unit property = fixtures.unit("物业管理科");
		Unit market = fixtures.unit("房地产市场监管科");

		List<LeaderAssignment> created = leadership.assign(new LeaderAssignmentForm(leader.getId(),
				List.of(property.getId(), market.getId()), TODAY.minusDays(10), null));

		assertThat(created).hasSize(2);
		assertThat(leadership.unitsInChargeOf(leader.getId())).containsExactly(property.getId(), market.getId());
		assertThat(new AuditEntries(jdbc).of("LeaderAssignment", created.get(0).getId())).singleElement()
			.satisfies(entry -> {
				assertThat(entry.action()).isEqualTo("LEADER_ASSIGNED");
				assertThat(entry.summary())
					.isEqualTo("「李明华」分管「" + property.getName() + "」，自 " + TODAY.minusDays(10) + " 起");
			});
	}

	@Test
	void aLeaderInChargeMustBelongToTheBureauLeadership() {
		Unit section = fixtures.unit("办公室");
		Person clerk = fixtures.person(section, "黄海涛", "主任");
		Unit unit = fixtures.unit("城建科");

		assertThatThrownBy(() -> leadership
			.assign(new LeaderAssignmentForm(clerk.getId(), List.of(unit.getId()), TODAY, null)))
			.isInstanceOfSatisfying(RuleViolation.class, violation -> {
				assertThat(violation.messageKey()).isEqualTo("leader.error.notLeader");
				assertThat(violation.field()).contains("leaderId");
			});
		assertThat(leadership.list(new AssignmentFilter(null, unit.getId(), PeriodStatus.ALL), DataScope.all()))
			.isEmpty();
	}

	@Test
	void refusesOverlappingPeriodsForTheSameLeaderAndUnitAllOrNothing() {
		Person leader = leader("王志强");
		Unit first = fixtures.unit("建筑业管理科");
		Unit second = fixtures.unit("质量安全监督站", UnitType.INSTITUTION);
		fixtures.inCharge(leader, second, TODAY.minusYears(1));

		assertThatThrownBy(() -> leadership.assign(new LeaderAssignmentForm(leader.getId(),
				List.of(first.getId(), second.getId()), TODAY.minusMonths(1), null)))
			.hasFieldOrPropertyWithValue("messageKey", "leader.error.overlap");

		assertThat(leadership.list(new AssignmentFilter(leader.getId(), null, PeriodStatus.ALL), DataScope.all()))
			.extracting(LeaderAssignment::getUnitId)
			.containsExactly(second.getId());
	}

	@Test
	void aNewPeriodMayFollowAnEndedOne() {
		Person leader = leader("陈卫东");
		Unit unit = fixtures.unit("村镇建设科");
		LeaderAssignment old = fixtures.inCharge(leader, unit, TODAY.minusYears(2));
		leadership.end(old.getId(), TODAY.minusYears(1));

		leadership.assign(new LeaderAssignmentForm(leader.getId(), List.of(unit.getId()), TODAY.minusYears(1).plusDays(1),
				null));

		var current = leadership.search(new AssignmentFilter(leader.getId(), null, PeriodStatus.CURRENT), DataScope.all(),
				PageRequest.of(0, 20));
		var ended = leadership.search(new AssignmentFilter(leader.getId(), null, PeriodStatus.ENDED), DataScope.all(),
				PageRequest.of(0, 20));
		assertThat(current.getContent()).hasSize(1);
		assertThat(ended.getContent()).extracting(LeaderAssignment::getId).containsExactly(old.getId());
	}

	@Test
	void theEndDateCannotBeBeforeTheStartAndAnEndedAssignmentCannotEndAgain() {
		Person leader = leader("张建国");
		Unit unit = fixtures.unit("组织人事科");
		LeaderAssignment assignment = fixtures.inCharge(leader, unit, TODAY.minusDays(5));

		assertThatThrownBy(() -> leadership.end(assignment.getId(), TODAY.minusDays(6)))
			.hasFieldOrPropertyWithValue("messageKey", "org.error.endBeforeStart");
		assertThatThrownBy(() -> leadership.assign(new LeaderAssignmentForm(leader.getId(), List.of(unit.getId()),
				TODAY.plusDays(100), TODAY.plusDays(99))))
			.hasFieldOrPropertyWithValue("messageKey", "org.error.endBeforeStart");

		leadership.end(assignment.getId(), TODAY.minusDays(1));

		assertThatThrownBy(() -> leadership.end(assignment.getId(), TODAY))
			.hasFieldOrPropertyWithValue("messageKey", "org.error.alreadyEnded");
		assertThat(leadership.unitsInChargeOf(leader.getId())).isEmpty();
	}

	@Test
	void theLeadershipUnitItselfCannotBeTakenInCharge() {
		Person leader = leader("刘晓红");

		assertThatThrownBy(() -> leadership.assign(
				new LeaderAssignmentForm(leader.getId(), List.of(leader.getUnitId()), TODAY, null)))
			.hasFieldOrPropertyWithValue("messageKey", "leader.error.unitIsLeadership");
	}

	private Person leader(String name) {
		Unit leadershipUnit = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		return fixtures.person(leadershipUnit, name, "党组成员、副局长");
	}

}
