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
import io.infodesk.organization.Organization;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.Person;
import io.infodesk.organization.PublicistDesignation;
import io.infodesk.organization.Publicists;
import io.infodesk.organization.Unit;

@OrganizationIntegrationTest
class PublicistControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publicists publicists;

	@Autowired
	Organization organization;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void listsCurrentAndPastPublicistsOfAUnit() throws Exception {
		Unit unit = fixtures.unit("房地产市场监管科");
		Person past = fixtures.person(unit, "萧然");
		Person current = fixtures.person(unit, "程琳");
		PublicistDesignation ended = fixtures.publicist(unit, past, TODAY.minusYears(2));
		publicists.end(ended.getId(), TODAY.minusYears(1));
		fixtures.publicist(unit, current, TODAY.minusYears(1).plusDays(1));

		mvc.perform(get("/org/publicists").param("unitId", unit.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("app-sidebar")))
			.andExpect(content().string(containsString("程琳")))
			.andExpect(content().string(not(containsString("萧然"))));
		mvc.perform(get("/org/publicists").param("unitId", unit.getId().toString())
			.param("status", "ALL")
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(content().string(startsWith("<div id=\"publicist-table\"")))
			.andExpect(content().string(containsString("程琳")))
			.andExpect(content().string(containsString("萧然")))
			.andExpect(content().string(containsString("已结束")))
			.andExpect(content().string(containsString("共 2 条")));
	}

	@Test
	void pointsOutUnitsWithoutAPublicist() throws Exception {
		Unit lacking = fixtures.unit("城建档案馆");
		fixtures.person(lacking, "任建华");

		mvc.perform(get("/org/publicists").with(user(OrgFixtures.admin())))
			.andExpect(content().string(containsString("以下单位尚未明确信息宣传员")))
			.andExpect(content().string(containsString("/org/publicists/new?unitId=" + lacking.getId())));
	}

	@Test
	void designatesAPublicistAndEndsTheDesignation() throws Exception {
		Unit unit = fixtures.unit("住房保障科");
		Person person = fixtures.person(unit, "曾晓");

		mvc.perform(get("/org/publicists/new").param("unitId", unit.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-group=\"" + unit.getId() + "\"")))
			.andExpect(content().string(containsString("曾晓（科员）")));
		mvc.perform(post("/org/publicists/new").param("unitId", unit.getId().toString())
			.param("personId", person.getId().toString())
			.param("startDate", TODAY.toString())
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/publicists"))
			.andExpect(flash().attribute("flashSuccess", "已指定「曾晓」为信息宣传员"));
		assertThat(organization.currentPublicistsOf(unit.getId())).containsExactly(person.getId());

		PublicistDesignation designation = publicists
			.list(new io.infodesk.organization.AssignmentFilter(null, unit.getId(), null),
					io.infodesk.shared.security.DataScope.all())
			.get(0);
		mvc.perform(post("/org/publicists/{id}/end", designation.getId()).param("endDate", TODAY.toString())
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(flash().attribute("flashSuccess", "已结束信息宣传员指定"));
		assertThat(publicists.get(designation.getId()).getEndDate()).isEqualTo(TODAY);
	}

	@Test
	void aPersonOfAnotherUnitCannotBeDesignated() throws Exception {
		Unit unit = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person outsider = fixtures.person(other, "周敏");

		mvc.perform(post("/org/publicists/new").param("unitId", unit.getId().toString())
			.param("personId", outsider.getId().toString())
			.param("startDate", TODAY.toString())
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("「周敏」不是「" + unit.getName() + "」的人员")));

		assertThat(organization.currentPublicistsOf(unit.getId())).isEmpty();
	}

	@Test
	void aPublicistSeesOnlyTheirOwnUnitAndCannotDesignate() throws Exception {
		Unit own = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person self = fixtures.person(own, "赵雪");
		Person stranger = fixtures.person(other, "周敏");
		fixtures.publicist(own, self, TODAY.minusDays(1));
		PublicistDesignation strangers = fixtures.publicist(other, stranger, TODAY.minusDays(1));
		var publicist = OrgFixtures.user("publicist", Role.PUBLICIST, self, own);

		mvc.perform(get("/org/publicists").param("status", "ALL").with(user(publicist)))
			.andExpect(content().string(containsString("赵雪")))
			.andExpect(content().string(not(containsString("周敏"))))
			.andExpect(content().string(not(containsString("id=\"publicist-create\""))));
		mvc.perform(post("/org/publicists/{id}/end", strangers.getId()).with(csrf()).with(user(publicist)))
			.andExpect(status().isForbidden());
		var office = OrgFixtures.user("office", Role.OFFICE_EDITOR, stranger, other);
		mvc.perform(get("/org/publicists/new").with(user(office))).andExpect(status().isOk());
	}

	@Test
	void exportsTheDesignations() throws Exception {
		Unit unit = fixtures.unit("质量安全监督站");
		Person person = fixtures.person(unit, "阎海", "监督员");
		fixtures.publicist(unit, person, TODAY.minusDays(2));

		byte[] xlsx = mvc.perform(get("/org/publicists/export").param("unitId", unit.getId().toString())
			.with(user(OrgFixtures.admin()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("信息宣传员");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("阎海");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("在任");
		}
	}

}
