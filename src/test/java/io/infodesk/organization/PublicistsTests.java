package io.infodesk.organization;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.shared.security.DataScope;

@OrganizationIntegrationTest
class PublicistsTests {

	@Autowired
	Publicists publicists;

	@Autowired
	Organization organization;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void designatesOneOrMorePublicistsPerUnitAudited() {
		Unit unit = fixtures.unit("房地产市场监管科");
		Person first = fixtures.person(unit, "程琳");
		Person second = fixtures.person(unit, "曹阳");

		PublicistDesignation designation = publicists
			.designate(new PublicistForm(unit.getId(), first.getId(), TODAY.minusDays(30), null));
		publicists.designate(new PublicistForm(unit.getId(), second.getId(), TODAY, null));

		assertThat(organization.currentPublicistsOf(unit.getId())).containsExactlyInAnyOrder(first.getId(),
				second.getId());
		assertThat(new AuditEntries(jdbc).of("PublicistDesignation", designation.getId())).singleElement()
			.satisfies(entry -> assertThat(entry.summary())
				.isEqualTo("指定「程琳」为「" + unit.getName() + "」信息宣传员，自 " + TODAY.minusDays(30) + " 起"));
	}

	@Test
	void aPublicistMustBelongToTheUnit() {
		Unit unit = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person outsider = fixtures.person(other, "周敏");

		assertThatThrownBy(() -> publicists.designate(new PublicistForm(unit.getId(), outsider.getId(), TODAY, null)))
			.isInstanceOfSatisfying(RuleViolation.class, violation -> {
				assertThat(violation.messageKey()).isEqualTo("publicist.error.notMember");
				assertThat(violation.field()).contains("personId");
			});
		assertThat(organization.currentPublicistsOf(unit.getId())).isEmpty();
	}

	@Test
	void refusesAnOverlappingDesignationButKeepsTheHistory() {
		Unit unit = fixtures.unit("住房保障科");
		Person person = fixtures.person(unit, "曾晓");
		PublicistDesignation first = fixtures.publicist(unit, person, TODAY.minusYears(2));

		assertThatThrownBy(() -> publicists.designate(new PublicistForm(unit.getId(), person.getId(), TODAY, null)))
			.hasFieldOrPropertyWithValue("messageKey", "publicist.error.overlap");

		publicists.end(first.getId(), TODAY.minusYears(1));
		publicists.designate(new PublicistForm(unit.getId(), person.getId(), TODAY.minusMonths(1), null));

		assertThat(publicists.list(new AssignmentFilter(null, unit.getId(), PeriodStatus.ALL), DataScope.all()))
			.hasSize(2);
		assertThat(publicists.list(new AssignmentFilter(null, unit.getId(), PeriodStatus.ENDED), DataScope.all()))
			.extracting(PublicistDesignation::getId)
			.containsExactly(first.getId());
		assertThat(publicists.list(new AssignmentFilter(null, unit.getId(), null), DataScope.all())).hasSize(1);
	}

	@Test
	void anEndedDesignationIsNoLongerCurrent() {
		Unit unit = fixtures.unit("城建科");
		Person person = fixtures.person(unit, "蒋涛");
		PublicistDesignation designation = fixtures.publicist(unit, person, TODAY.minusMonths(2));

		publicists.end(designation.getId(), TODAY.minusDays(1));

		assertThat(organization.currentPublicistsOf(unit.getId())).isEmpty();
		assertThat(publicists.current()).extracting(PublicistDesignation::getId).doesNotContain(designation.getId());
		assertThat(new AuditEntries(jdbc).of("PublicistDesignation", designation.getId())).last()
			.satisfies(entry -> assertThat(entry.action()).isEqualTo("PUBLICIST_ENDED"));
	}

}
