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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.organization.OrgFixtures;
import io.infodesk.organization.OrganizationIntegrationTest;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;

@OrganizationIntegrationTest
class PersonControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	OrgFixtures fixtures;

	@Test
	void theListIsAFullPageAndItsHtmxFragmentHasTheSameTable() throws Exception {
		Unit unit = fixtures.unit("物业管理科");
		fixtures.person(unit, "孙伟", "科长");

		String page = mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("app-sidebar")))
			.andExpect(content().string(containsString("id=\"person-filter\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String fragment = mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<div id=\"person-table\"")))
			.andExpect(content().string(not(containsString("app-sidebar"))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fragment).contains("孙伟", "共 1 条");
		String table = fragment.substring(fragment.indexOf("<table"), fragment.indexOf("</table>"));
		assertThat(page.replaceAll("value=\"[^\"]+\" name=\"_csrf\"|name=\"_csrf\" value=\"[^\"]+\"", ""))
			.contains(table.replaceAll("value=\"[^\"]+\" name=\"_csrf\"|name=\"_csrf\" value=\"[^\"]+\"", ""));
	}

	@Test
	void filtersByFlagsAndPagesWithTheTotal() throws Exception {
		Unit unit = fixtures.unit("质量安全监督站");
		for (int i = 0; i < 23; i++) {
			people.create(new PersonForm("监督员" + i, unit.getId(), "监督员", "", i % 2 == 0, false, i == 5, i));
		}

		mvc.perform(get("/org/people").param("unitId", unit.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(content().string(containsString("共 23 条")))
			.andExpect(content().string(containsString("监督员19")))
			.andExpect(content().string(not(containsString("监督员20<"))))
			.andExpect(content().string(containsString("page=2")));
		mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.param("page", "2")
			.header("HX-Request", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(content().string(containsString("监督员22")))
			.andExpect(content().string(not(containsString("监督员19<"))));
		mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.param("onlineCommentator", "true")
			.with(user(OrgFixtures.admin())))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("监督员5")));
		mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.param("partyMember", "false")
			.with(user(OrgFixtures.admin()))).andExpect(content().string(containsString("共 11 条")));
	}

	@Test
	void createsAPersonWithPostRedirectGet() throws Exception {
		Unit unit = fixtures.unit("住房保障科");

		mvc.perform(post("/org/people/new").param("name", "傅强")
			.param("unitId", unit.getId().toString())
			.param("position", "科长")
			.param("phone", "13800000000")
			.param("partyMember", "true")
			.param("_partyMember", "on")
			.param("_sectionLevelCadre", "on")
			.param("_onlineCommentator", "on")
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/people"))
			.andExpect(flash().attribute("flashSuccess", "已新增人员「傅强」"));

		Person created = people.activeOf(unit.getId()).get(0);
		assertThat(created.getName()).isEqualTo("傅强");
		assertThat(created.isPartyMember()).isTrue();
		assertThat(created.isSectionLevelCadre()).isFalse();
	}

	@Test
	void showsFieldErrorsInChineseAndSavesNothing() throws Exception {
		Unit unit = fixtures.unit("城建科");
		fixtures.person(unit, "吕国庆");

		mvc.perform(post("/org/people/new").param("name", "")
			.param("unitId", unit.getId().toString())
			.param("phone", "12345")
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("姓名不能为空")))
			.andExpect(content().string(containsString("手机号格式不正确")));
		mvc.perform(post("/org/people/new").param("name", "吕国庆")
			.param("unitId", unit.getId().toString())
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("单位「" + unit.getName() + "」已有名为「吕国庆」的人员")));

		assertThat(people.activeOf(unit.getId())).hasSize(1);
	}

	@Test
	void editsAPersonAndRefusesBindingTheId() throws Exception {
		Unit unit = fixtures.unit("村镇建设科");
		Person person = fixtures.person(unit, "丁鹏");
		Person other = fixtures.person(unit, "魏琳");

		mvc.perform(get("/org/people/{id}/edit", person.getId()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"丁鹏\"")));
		mvc.perform(post("/org/people/{id}/edit", person.getId()).param("id", other.getId().toString())
			.param("name", "丁鹏")
			.param("unitId", unit.getId().toString())
			.param("position", "副科长")
			.param("sortOrder", "3")
			.with(csrf())
			.with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/people"))
			.andExpect(flash().attribute("flashSuccess", "已保存人员「丁鹏」"));

		assertThat(people.get(person.getId()).getPosition()).isEqualTo("副科长");
		assertThat(people.get(other.getId()).getPosition()).isEqualTo("科员");
	}

	@Test
	void deactivatesAndReactivatesAPerson() throws Exception {
		Unit unit = fixtures.unit("办公室");
		Person person = fixtures.person(unit, "马骏");

		mvc.perform(post("/org/people/{id}/deactivate", person.getId()).with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(redirectedUrl("/org/people"))
			.andExpect(flash().attribute("flashSuccess", containsString("已停用人员「马骏」")));
		assertThat(people.get(person.getId()).isActive()).isFalse();
		mvc.perform(get("/org/people").param("unitId", unit.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(content().string(not(containsString("马骏"))));
		mvc.perform(get("/org/people").param("unitId", unit.getId().toString())
			.param("status", "INACTIVE")
			.with(user(OrgFixtures.admin()))).andExpect(content().string(containsString("马骏")));

		mvc.perform(post("/org/people/{id}/activate", person.getId()).with(csrf()).with(user(OrgFixtures.admin())))
			.andExpect(flash().attribute("flashSuccess", "已启用人员「马骏」"));
		assertThat(people.get(person.getId()).isActive()).isTrue();
	}

	@Test
	void aNameWithMarkupIsShownEscaped() throws Exception {
		Unit unit = fixtures.unit("<b>科</b>");
		Person person = fixtures.person(unit, "<script>alert(1)</script>");

		mvc.perform(get("/org/people").param("unitId", unit.getId().toString()).with(user(OrgFixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(not(containsString("<b>科</b>"))));
		mvc.perform(get("/org/people/{id}/edit", person.getId()).with(user(OrgFixtures.admin())))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		mvc.perform(get("/org/people").param("keyword", "<script>").with(user(OrgFixtures.admin())))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(not(containsString("value=\"<script>"))));
	}

	@Test
	void aPublicistSeesOnlyTheirOwnUnit() throws Exception {
		Unit own = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person self = fixtures.person(own, "赵雪");
		fixtures.person(own, "钱进");
		Person stranger = fixtures.person(other, "周敏");
		AuthenticatedUser publicist = OrgFixtures.user("publicist", Role.PUBLICIST, self, own);

		mvc.perform(get("/org/people").with(user(publicist)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("钱进")))
			.andExpect(content().string(not(containsString("周敏"))))
			.andExpect(content().string(containsString("共 2 条")))
			.andExpect(content().string(not(containsString("id=\"person-create\""))))
			.andExpect(content().string(not(containsString(other.getName()))));
		mvc.perform(get("/org/people").param("unitId", other.getId().toString()).with(user(publicist)))
			.andExpect(content().string(containsString("共 0 条")));
		mvc.perform(get("/org/people/{id}/edit", stranger.getId()).with(user(publicist)))
			.andExpect(status().isForbidden());
	}

	@Test
	void anEditorScopedToOneUnitCannotTouchAnotherUnitsPeople() throws Exception {
		Unit own = fixtures.unit("物业管理科");
		Unit other = fixtures.unit("办公室");
		Person head = fixtures.person(own, "孙伟", "科长");
		Person stranger = fixtures.person(other, "周敏");
		// a unit-scoped user who nevertheless holds the edit permission: the data scope alone must refuse
		Set<String> permissions = Set.of("org:view", "org:person:edit");
		AuthenticatedUser scopedEditor = new AuthenticatedUser(990, "scoped", "{noop}x", "孙伟", head.getId(),
				own.getId(), own.getName(), Set.of("UNIT_HEAD"), permissions, true, false, false);

		mvc.perform(get("/org/people/{id}/edit", stranger.getId()).with(user(scopedEditor)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/org/people/{id}/edit", stranger.getId()).param("name", "周敏")
			.param("unitId", other.getId().toString())
			.param("position", "主任")
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(scopedEditor))).andExpect(status().isForbidden());
		mvc.perform(post("/org/people/{id}/deactivate", stranger.getId()).with(csrf()).with(user(scopedEditor)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/org/people/new").param("name", "新人")
			.param("unitId", other.getId().toString())
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(scopedEditor))).andExpect(status().isForbidden());
		mvc.perform(post("/org/people/{id}/edit", head.getId()).param("name", "孙伟")
			.param("unitId", other.getId().toString())
			.param("sortOrder", "0")
			.with(csrf())
			.with(user(scopedEditor))).andExpect(status().isForbidden());

		assertThat(people.get(stranger.getId()).getPosition()).isEqualTo("科员");
		assertThat(people.get(stranger.getId()).isActive()).isTrue();
		assertThat(people.get(head.getId()).getUnitId()).isEqualTo(own.getId());
		assertThat(people.activeOf(other.getId())).extracting(Person::getName).containsExactly("周敏");
	}

	@Test
	void exportsTheFilteredPeopleWithinTheScope() throws Exception {
		Unit own = fixtures.unit("房产交易管理中心");
		Unit other = fixtures.unit("城建科");
		Person self = people.create(new PersonForm("钟晴", own.getId(), "科员", "13900000000", true, false, true, 0));
		people.create(new PersonForm("=cmd|'/C calc'!A0", own.getId(), "-科员", "", false, false, false, 1));
		fixtures.person(other, "蒋涛");
		fixtures.publicist(own, self, TODAY.minusDays(1));
		AuthenticatedUser publicist = OrgFixtures.user("publicist", Role.PUBLICIST, self, own);

		byte[] xlsx = mvc.perform(get("/org/people/export").param("status", "ALL").with(user(publicist)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(header.getCell(3).getStringCellValue()).isEqualTo("手机号");
			assertThat(header.getCell(6).getStringCellValue()).isEqualTo("网络评论员");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("钟晴");
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo(own.getName());
			assertThat(first.getCell(6).getStringCellValue()).isEqualTo("是");
			assertThat(first.getCell(7).getStringCellValue()).isEqualTo("是");
			Row injected = sheet.getRow(2);
			assertThat(injected.getCell(0).getStringCellValue()).isEqualTo("'=cmd|'/C calc'!A0");
			assertThat(injected.getCell(2).getStringCellValue()).isEqualTo("'-科员");
		}
	}

}
