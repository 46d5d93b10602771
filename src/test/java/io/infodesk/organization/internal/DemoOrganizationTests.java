package io.infodesk.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

/** The demo organisation (profile demo): the bureau the demo accounts and the dashboard rely on. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@AutoConfigureMockMvc
class DemoOrganizationTests {

	@Autowired
	Organization organization;

	@Autowired
	Leadership leadership;

	@Autowired
	UnitRepository units;

	@Autowired
	PersonRepository people;

	@Autowired
	DemoOrganization demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aDistrictBureauWithTwelveUnitsUnderItsLeadershipAndSixtyPeople() {
		List<Unit> all = units.findAllByOrderBySortOrderAscIdAsc();

		assertThat(all).hasSize(13).allMatch(Unit::isActive);
		assertThat(all).filteredOn(unit -> unit.getType() == UnitType.LEADERSHIP).extracting(Unit::getName)
			.containsExactly("局领导班子");
		assertThat(all).extracting(Unit::getName)
			.contains("办公室", "组织人事科", "计划财务科", "建筑业管理科", "房地产市场监管科", "物业管理科", "住房保障科", "城建科", "村镇建设科",
					"质量安全监督站", "房产交易管理中心", "城建档案馆");
		assertThat(all).filteredOn(unit -> unit.getType() == UnitType.INSTITUTION).extracting(Unit::getName)
			.containsExactly("质量安全监督站", "房产交易管理中心", "城建档案馆");
		assertThat(people.count()).isEqualTo(60);
		assertThat(leadership.leaders()).hasSize(5);
		assertThat(all).allSatisfy(unit -> assertThat(unit.getHeadId()).as(unit.getName()).isNotNull());
	}

	@Test
	void thePeopleOfTheDemoAccountsExistWithTheirUnitsAndPositions() {
		assertPerson("局领导班子", "张建国", "局长、党组书记");
		assertPerson("局领导班子", "李明华", "党组成员、副局长");
		assertPerson("办公室", "周敏", "副主任");
		assertPerson("组织人事科", "吴静", "科长");
		assertPerson("物业管理科", "孙伟", "科长");
		assertPerson("物业管理科", "赵雪", "科员");
		assertPerson("物业管理科", "钱进", "科员");

		Unit office = units.findByName("办公室").orElseThrow();
		Unit property = units.findByName("物业管理科").orElseThrow();
		assertThat(property.getHeadId()).isEqualTo(person("物业管理科", "孙伟").getId());
		assertThat(organization.currentPublicistsOf(office.getId())).contains(person("办公室", "周敏").getId());
		assertThat(organization.currentPublicistsOf(property.getId())).contains(person("物业管理科", "赵雪").getId());
		assertThat(organization.unitsInChargeOf(person("局领导班子", "李明华").getId()))
			.containsExactlyInAnyOrderElementsOf(ids("物业管理科", "房地产市场监管科", "房产交易管理中心"));
	}

	@Test
	void everyUnitHasALeaderInChargeAndAllButTheArchiveHavePublicists() {
		Set<Long> covered = new HashSet<>();
		leadership.leaders().forEach(leader -> covered.addAll(organization.unitsInChargeOf(leader.getId())));
		List<Unit> sections = units.findAll().stream().filter(unit -> unit.getType() != UnitType.LEADERSHIP).toList();

		assertThat(covered).containsExactlyInAnyOrderElementsOf(sections.stream().map(Unit::getId).toList());
		for (Unit unit : sections) {
			int count = organization.currentPublicistsOf(unit.getId()).size();
			if (unit.getName().equals("城建档案馆")) {
				assertThat(count).as(unit.getName()).isZero();
			}
			else {
				assertThat(count).as(unit.getName()).isBetween(1, 2);
			}
		}
	}

	@Test
	void flagsAndPhonesArePlausible() {
		List<Person> all = people.findAll();
		long partyMembers = all.stream().filter(Person::isPartyMember).count();
		long cadres = all.stream().filter(Person::isSectionLevelCadre).count();
		long commentators = all.stream().filter(Person::isOnlineCommentator).count();
		Map<String, Long> phones = all.stream().collect(Collectors.groupingBy(Person::getPhone, Collectors.counting()));

		assertThat(partyMembers).isBetween(36L, 54L);
		assertThat(cadres).isBetween(20L, 35L);
		assertThat(commentators).isBetween(4L, 12L);
		assertThat(phones).hasSize(60);
		assertThat(phones.keySet()).allMatch(phone -> phone.matches(PersonForm.PHONE) && phone.length() == 11);
	}

	@Test
	void everyRecordWasAuditedBySystemAndASecondRunAddsNothing() throws Exception {
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PERSON_CREATED' and actor = 'system'",
				Long.class)).isEqualTo(60);
		long auditEntries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);

		demo.run(new DefaultApplicationArguments());

		assertThat(units.count()).isEqualTo(13);
		assertThat(people.count()).isEqualTo(60);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(auditEntries);
	}

	@Test
	void theChartShowsEveryActiveUnit() throws Exception {
		String data = mvc.perform(get("/org/chart/data").with(user(OrgFixtures.admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String page = mvc.perform(get("/org/chart").with(user(OrgFixtures.admin())))
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (Unit unit : units.findByActiveTrueOrderBySortOrderAscIdAsc()) {
			assertThat(data).contains("\"" + unit.getName() + "\"");
			assertThat(page).contains(">" + unit.getName() + "<");
		}
		assertThat(data).contains("李明华（党组成员、副局长）", "负责人：孙伟", "信息宣传员：赵雪", "未明确信息宣传员");
	}

	@Test
	void theDemoPublicistSeesOnlyThePeopleOfTheirOwnUnit() throws Exception {
		Person zhaoXue = person("物业管理科", "赵雪");
		Unit property = units.findById(zhaoXue.getUnitId()).orElseThrow();
		var publicist = OrgFixtures.user("publicist", Role.PUBLICIST, zhaoXue, property);

		mvc.perform(get("/org/people").with(user(publicist)))
			.andExpect(content().string(containsString("孙伟")))
			.andExpect(content().string(containsString("钱进")))
			.andExpect(content().string(containsString("共 5 条")))
			.andExpect(content().string(not(containsString("周敏"))))
			.andExpect(content().string(not(containsString("张建国"))));
		mvc.perform(get("/org/units").with(user(publicist)))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(not(containsString("办公室"))));
	}

	@Test
	void theLeaderInChargeSeesTheUnitsInTheirCharge() throws Exception {
		Person liMinghua = person("局领导班子", "李明华");
		Unit leadershipUnit = units.findById(liMinghua.getUnitId()).orElseThrow();
		var charge = OrgFixtures.user("charge", Role.LEADER_IN_CHARGE, liMinghua, leadershipUnit);

		mvc.perform(get("/org/units").with(user(charge)))
			.andExpect(content().string(containsString("物业管理科")))
			.andExpect(content().string(containsString("房地产市场监管科")))
			.andExpect(content().string(containsString("房产交易管理中心")))
			.andExpect(content().string(not(containsString(">办公室<"))))
			.andExpect(content().string(containsString("共 4 条")));
	}

	private void assertPerson(String unitName, String name, String position) {
		Person person = person(unitName, name);
		assertThat(person.getPosition()).as(name).isEqualTo(position);
		assertThat(person.isActive()).isTrue();
	}

	private Person person(String unitName, String name) {
		return organization.personNamed(unitName, name).orElseThrow(() -> new AssertionError(unitName + " " + name));
	}

	private List<Long> ids(String... unitNames) {
		return java.util.Arrays.stream(unitNames).map(name -> units.findByName(name).orElseThrow().getId()).toList();
	}

}
