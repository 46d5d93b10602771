package io.infodesk.organization.web;

import static io.infodesk.organization.OrganizationTestConfiguration.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.organization.LeaderAssignment;
import io.infodesk.organization.Leadership;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

@OrganizationIntegrationTest
class LeaderControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Leadership leadership;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void listsWhoIsInChargeOfWhatAsPageAndFragment() throws Exception {
		Person leader = leader("李明华");
		Unit unit = fixtures.unit("物业管理科");
		fixtures.inCharge(leader, unit, TODAY.minusDays(100));

		mvc.perform(get("/org/leaders").param("personId", leader.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("app-sidebar")))
			.andExpect(content().string(containsString("id=\"leader-filter\"")))
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(containsString(TODAY.minusDays(100).toString())))
			.andExpect(content().string(containsString("在任")));
		mvc.perform(get("/org/leaders").param("personId", leader.getId().toString())
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(content().string(startsWith("<div id=\"leader-table\"")))
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(not(containsString("app-sidebar"))));
	}

	@Test
	void addsAndEndsAnAssignment() throws Exception {
		Person leader = leader("王志强");
		Unit first = fixtures.unit("建筑业管理科");
		Unit second = fixtures.unit("城建档案馆", UnitType.INSTITUTION);

		mvc.perform(get("/org/leaders/new").with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王志强（党组成员、副局长）")))
			.andExpect(content().string(containsString("value=\"" + TODAY + "\"")));
		mvc.perform(post("/org/leaders/new").param("leaderId", leader.getId().toString())
			.param("unitIds", first.getId().toString(), second.getId().toString())
			.param("startDate", "2026-01-01")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/leaders"))
			.andExpect(flash().attribute("flashSuccess", "已新增 2 条分管关系"));
		assertThat(leadership.unitsInChargeOf(leader.getId())).containsExactlyInAnyOrder(first.getId(), second.getId());

		LeaderAssignment assignment = leadership.list(
				new io.infodesk.organization.AssignmentFilter(leader.getId(), first.getId(), null),
				io.infodesk.shared.security.DataScope.all())
			.get(0);
		mvc.perform(post("/org/leaders/{id}/end", assignment.getId()).param("endDate", "2025-12-31")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(flash().attribute("flashError", "结束日期不能早于开始日期"));
		mvc.perform(post("/org/leaders/{id}/end", assignment.getId()).param("endDate", TODAY.minusDays(1).toString())
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/leaders"))
			.andExpect(flash().attribute("flashSuccess", "已结束分管关系"));

		assertThat(leadership.unitsInChargeOf(leader.getId())).containsExactly(second.getId());
	}

	@Test
	void showsRuleErrorsInTheForm() throws Exception {
		Unit section = fixtures.unit("办公室");
		Person notALeader = fixtures.person(section, "黄海涛", "主任");

		mvc.perform(post("/org/leaders/new").param("leaderId", notALeader.getId().toString())
			.param("unitIds", section.getId().toString())
			.param("startDate", TODAY.toString())
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("「黄海涛」不是局领导班子成员，不能担任分管领导")));
		mvc.perform(post("/org/leaders/new").param("startDate", "")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择分管领导")))
			.andExpect(content().string(containsString("请至少选择一个分管单位")))
			.andExpect(content().string(containsString("请选择开始日期")));
	}

	@Test
	void onlyLeaderEditorsMayChangeAssignments() throws Exception {
		Person leader = leader("陈卫东");
		Unit unit = fixtures.unit("城建科");
		LeaderAssignment assignment = fixtures.inCharge(leader, unit, TODAY.minusDays(3));
		var charge = OrgFixtures.user("charge", Role.LEADER_IN_CHARGE, leader, fixtures.unit("局领导班子", UnitType.LEADERSHIP));

		mvc.perform(get("/org/leaders").with(user(charge)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(not(containsString("id=\"leader-create\""))));
		mvc.perform(get("/org/leaders/new").with(user(charge))).andExpect(status().isForbidden());
		mvc.perform(post("/org/leaders/{id}/end", assignment.getId()).with(csrf()).with(user(charge)))
			.andExpect(status().isForbidden());
		assertThat(leadership.get(assignment.getId()).getEndDate()).isNull();
	}

	@Test
	void exportsTheAssignments() throws Exception {
		Person leader = leader("张建国");
		Unit unit = fixtures.unit("组织人事科");
		fixtures.inCharge(leader, unit, TODAY.minusDays(7));

		byte[] xlsx = mvc.perform(get("/org/leaders/export").param("personId", leader.getId().toString())
			.with(user(OrgFixtures.admin()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("分管领导");
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("分管单位");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("张建国");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(unit.getName());
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(TODAY.minusDays(7).toString());
		}
	}

	private Person leader(String name) {
		return fixtures.person(fixtures.unit("局领导班子", UnitType.LEADERSHIP), name, "党组成员、副局长");
	}

}
