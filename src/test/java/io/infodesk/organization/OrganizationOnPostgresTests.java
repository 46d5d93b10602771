package io.infodesk.organization;

import static io.infodesk.organization.ImportFiles.row;
import static io.infodesk.organization.ImportFiles.xlsx;
import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.infodesk.shared.security.DataScope;
import io.infodesk.support.OnPostgres;

/**
 * The organisation's migrations, queries and rules on a real PostgreSQL 17 (a fresh database on the
 * JVM's one embedded server, see {@link OnPostgres}): keyword search with escaped wildcards, scope and
 * flag filters, the unique name per unit kept by the database, and an all-or-nothing import.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(OrganizationTestConfiguration.class)
@OnPostgres
class OrganizationOnPostgresTests {

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	OrgChart chart;

	@Autowired
	OrgFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where script like 'V2_1__organization%'",
				Long.class)).isEqualTo(1);
	}

	@Test
	void searchesByKeywordScopeAndFlags() {
		Unit unit = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person commentator = people
			.create(new PersonForm("赵雪", unit.getId(), "科员", "13912345670", true, false, true, 0));
		fixtures.person(unit, "钱进_甲");
		fixtures.person(other, "赵雪");

		var byName = people.search(new PersonFilter("赵", null, null, null, null, null),
				DataScope.units(Set.of(unit.getId())), PageRequest.of(0, 20));
		var byFlag = people.search(new PersonFilter(null, unit.getId(), null, null, true, null), DataScope.all(),
				PageRequest.of(0, 20));
		var underscore = people.search(new PersonFilter("_", unit.getId(), null, null, null, null), DataScope.all(),
				PageRequest.of(0, 20));
		var unitsByKeyword = units.search(new UnitFilter("物业", null, null), DataScope.all(), PageRequest.of(0, 20));

		assertThat(byName.getContent()).extracting(Person::getId).containsExactly(commentator.getId());
		assertThat(byFlag.getContent()).extracting(Person::getId).containsExactly(commentator.getId());
		assertThat(underscore.getContent()).extracting(Person::getName).containsExactly("钱进_甲");
		assertThat(unitsByKeyword.getContent()).extracting(Unit::getId).contains(unit.getId());
	}

	@Test
	void theDatabaseKeepsNamesUniqueWithinAUnit() {
		Unit unit = fixtures.unit("城建科");
		fixtures.person(unit, "蒋涛");

		assertThatThrownBy(() -> jdbc.update(
				"insert into org_person (name, unit_id, created_at, updated_at) values ('蒋涛', ?, now(), now())",
				unit.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> fixtures.person(unit, "蒋涛"))
			.hasFieldOrPropertyWithValue("messageKey", "person.error.nameTaken");
	}

	@Test
	void importsAllOrNothing() {
		Unit unit = fixtures.unit("住房保障科");
		long before = people.list(PersonFilter.ofUnit(unit.getId()), DataScope.all()).size();
		byte[] bad = xlsx(row("傅强", unit.getName(), "科长", "", "是", "是", "否"),
				row("沈燕", unit.getName(), "副科长", "1", "是", "是", "否"));
		byte[] good = xlsx(row("傅强", unit.getName(), "科长", "", "是", "是", "否"),
				row("沈燕", unit.getName(), "副科长", "13900001111", "是", "是", "否"));

		PeopleImport.Result refused = peopleImport.importPeople(bad.length, () -> new ByteArrayInputStream(bad),
				"bad.xlsx", DataScope.all());
		assertThat(refused.problems()).containsExactly("第 3 行：手机号格式不正确");
		assertThat(people.list(PersonFilter.ofUnit(unit.getId()), DataScope.all())).hasSize((int) before);

		PeopleImport.Result imported = peopleImport.importPeople(good.length, () -> new ByteArrayInputStream(good),
				"good.xlsx", DataScope.all());
		assertThat(imported.imported()).isEqualTo(2);
		assertThat(people.list(PersonFilter.ofUnit(unit.getId()), DataScope.all())).extracting(Person::getName)
			.containsExactly("傅强", "沈燕");
	}

	@Test
	void drawsTheChartFromTheData() {
		Unit leadershipUnit = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Person leader = fixtures.person(leadershipUnit, "李明华", "副局长");
		Unit unit = fixtures.unit("房产交易管理中心", UnitType.INSTITUTION);
		fixtures.inCharge(leader, unit, TODAY.minusDays(1));

		OrgChart.Node tree = chart.tree("局");

		assertThat(tree.children()).anySatisfy(node -> {
			assertThat(node.name()).isEqualTo("李明华");
			assertThat(node.children()).extracting(OrgChart.Node::name).contains(unit.getName());
		});
	}

}
