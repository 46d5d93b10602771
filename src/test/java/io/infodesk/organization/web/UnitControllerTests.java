package io.infodesk.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.infodesk.account.Role;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;

@OrganizationIntegrationTest
class UnitControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void theListIsAFullPageWithTheFilterBarAndTheTable() throws Exception {
		Unit unit = fixtures.unit("物业管理科");

		mvc.perform(get("/org/units").param("keyword", unit.getName()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("app-sidebar")))
			.andExpect(content().string(containsString("id=\"unit-filter\"")))
			.andExpect(content().string(containsString("id=\"unit-table\"")))
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("id=\"unit-create\"")));
	}

	@Test
	void sectionsWithoutAPublicistAreMarkedButTheLeadershipIsNot() throws Exception {
		Unit leadership = fixtures.unit("局领导班子", UnitType.LEADERSHIP);
		Unit section = fixtures.unit("城建档案馆", UnitType.INSTITUTION);

		String leadershipRow = row(leadership);
		String sectionRow = row(section);

		assertThat(leadershipRow).doesNotContain("未配备");
		assertThat(sectionRow).contains("未配备");
	}

	private String row(Unit unit) throws Exception {
		String page = mvc.perform(get("/org/units").param("keyword", unit.getName())
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin()))).andReturn().getResponse().getContentAsString();
		int start = page.indexOf("id=\"unit-" + unit.getId() + "\"");
		return page.substring(start, page.indexOf("</tr>", start));
	}

	@Test
	void anHtmxRequestGetsOnlyTheTableFragment() throws Exception {
		Unit unit = fixtures.unit("住房保障科");

		mvc.perform(get("/org/units").param("keyword", unit.getName())
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("<div id=\"unit-table\"")))
			.andExpect(content().string(not(containsString("app-sidebar"))))
			.andExpect(content().string(not(containsString("unit-filter"))))
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(containsString("/org/units/export?keyword=")));
	}

	@Test
	void aHistoryRestoreGetsTheWholePage() throws Exception {
		mvc.perform(get("/org/units").header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.with(user(OrgFixtures.admin()))).andExpect(content().string(containsString("app-sidebar")));
	}

	@Test
	void createsAUnitAndRedirectsWithAMessage() throws Exception {
		String name = OrgFixtures.unique("城建科");

		mvc.perform(post("/org/units/new").param("name", name)
			.param("type", "SECTION")
			.param("sortOrder", "80")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/org/units"))
			.andExpect(flash().attribute("flashSuccess", "已新增单位「" + name + "」"));

		assertThat(units.all()).extracting(Unit::getName).contains(name);
	}

	@Test
	void showsValidationAndRuleErrorsUnderTheFields() throws Exception {
		Unit existing = fixtures.unit("办公室");

		mvc.perform(post("/org/units/new").param("name", " ")
			.param("type", "SECTION")
			.param("sortOrder", "-1")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写单位名称")))
			.andExpect(content().string(containsString("排序号应为 0 到 9999 之间的整数")));
		mvc.perform(post("/org/units/new").param("name", existing.getName())
			.param("type", "SECTION")
			.param("sortOrder", "1")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("单位名称「" + existing.getName() + "」已存在")));
	}

	@Test
	void aNumberThatIsNotANumberIsShownAsAnErrorNotAFailure() throws Exception {
		mvc.perform(post("/org/units/new").param("name", OrgFixtures.unique("甲科"))
			.param("type", "SECTION")
			.param("sortOrder", "abc")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unit-form\"")))
			.andExpect(content().string(containsString("排序号应为 0 到 9999 之间的整数")));
	}

	@Test
	void editsAUnitIncludingItsHeadAndParent() throws Exception {
		Unit parent = fixtures.unit("质量安全监督站", UnitType.INSTITUTION);
		Unit unit = fixtures.unit("监督科");
		Person head = fixtures.person(unit, "薛剑", "站长");

		mvc.perform(get("/org/units/{id}/edit", unit.getId()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + unit.getName() + "\"")))
			.andExpect(content().string(containsString("薛剑（站长）")));
		mvc.perform(post("/org/units/{id}/edit", unit.getId()).param("name", unit.getName())
			.param("type", "INSTITUTION")
			.param("parentId", parent.getId().toString())
			.param("headId", head.getId().toString())
			.param("sortOrder", "5")
			.param("id", "999999")
			.with(csrf())
			.with(user(OrgFixtures.admin()))).andExpect(redirectedUrl("/org/units"));

		Unit saved = units.get(unit.getId());
		assertThat(saved.getType()).isEqualTo(UnitType.INSTITUTION);
		assertThat(saved.getParentId()).isEqualTo(parent.getId());
		assertThat(saved.getHeadId()).isEqualTo(head.getId());
		assertThat(saved.getSortOrder()).isEqualTo(5);
	}

	@Test
	void deactivationIsRefusedWithAMessageWhileTheUnitHasPeople() throws Exception {
		Unit unit = fixtures.unit("计划财务科");
		fixtures.person(unit, "郭红梅");
		Unit empty = fixtures.unit("空科室");

		mvc.perform(post("/org/units/{id}/deactivate", unit.getId()).with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/units"))
			.andExpect(flash().attribute("flashError",
					"单位「" + unit.getName() + "」还有 1 名在用人员，请先调整或停用人员后再停用单位"));
		mvc.perform(post("/org/units/{id}/deactivate", empty.getId()).with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(flash().attribute("flashSuccess", "已停用单位「" + empty.getName() + "」"));
		mvc.perform(post("/org/units/{id}/activate", empty.getId()).with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(flash().attribute("flashSuccess", "已启用单位「" + empty.getName() + "」"));

		assertThat(units.get(unit.getId()).isActive()).isTrue();
		assertThat(units.get(empty.getId()).isActive()).isTrue();
	}

	@Test
	void staffMaySeeButNotEdit() throws Exception {
		Unit unit = fixtures.unit("城建档案馆");
		Person person = fixtures.person(unit, "姜雪梅");
		var staff = OrgFixtures.user("staff", Role.STAFF, person, unit);

		mvc.perform(get("/org/units").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(unit.getName())))
			.andExpect(content().string(not(containsString("id=\"unit-create\""))))
			.andExpect(content().string(not(containsString("/deactivate"))));
		mvc.perform(get("/org/units/new").with(user(staff))).andExpect(status().isForbidden());
		mvc.perform(post("/org/units/{id}/deactivate", unit.getId()).with(csrf()).with(user(staff)))
			.andExpect(status().isForbidden());
		assertThat(units.get(unit.getId()).isActive()).isTrue();
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/org/units/new").param("name", OrgFixtures.unique("乙科"))
			.param("type", "SECTION")
			.param("sortOrder", "1")
			.with(user(OrgFixtures.admin()))).andExpect(status().isForbidden());
	}

	@Test
	void exportsTheFilteredListAsXlsxWithAChineseFileName() throws Exception {
		Unit unit = fixtures.unit("=HYPERLINK(1)科");

		MvcResult result = mvc
			.perform(get("/org/units/export").param("keyword", unit.getName()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString(
					"filename*=UTF-8''%E5%8D%95%E4%BD%8D%E5%88%97%E8%A1%A8.xlsx")))
			.andReturn();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位名称");
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("单位类型");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'" + unit.getName());
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("科室");
		}
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/org/units").accept("text/html")).andExpect(status().is3xxRedirection());
	}

}
