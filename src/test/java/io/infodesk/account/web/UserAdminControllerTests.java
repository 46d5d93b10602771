package io.infodesk.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import io.infodesk.account.AccountFixtures;
import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;

/** The administrator's account pages through MockMvc with real principals. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class UserAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	AccountFixtures fixtures;

	AccountFixtures.Account admin;

	AuthenticatedUser adminUser;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
		admin = fixtures.ready("adm", Role.ADMIN);
		adminUser = fixtures.principal(admin.username());
	}

	@Test
	void createsAnAccountWithAnInitialPasswordShownOnceThatMustBeChanged() throws Exception {
		String username = AccountFixtures.unique("newuser");
		MvcResult created = mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", username)
			.param("displayName", "王小明")
			.param("roles", "PUBLICIST", "STAFF"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attributeExists("issuedPassword"))
			.andReturn();
		String password = (String) created.getFlashMap().get("issuedPassword");

		long id = jdbc.queryForObject("select id from acc_user where username = ?", Long.class, username);
		assertThat(fixtures.rolesOf(id)).containsExactlyInAnyOrder(Role.PUBLICIST, Role.STAFF);
		assertThat(jdbc.queryForObject("select must_change_password from acc_user where id = ?", Boolean.class, id))
			.isTrue();
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'ACCOUNT_CREATED' and entity_id = ?",
				String.class, String.valueOf(id)))
			.contains(username, "王小明", "信息宣传员、普通干部");
		assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'ACCOUNT_CREATED' and entity_id = ?",
				String.class, String.valueOf(id)))
			.isEqualTo(admin.username());

		// shown on the page the redirect leads to, and only there
		mvc.perform(get("/admin/users").with(user(adminUser)).flashAttrs(created.getFlashMap()))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(password))))
			.andExpect(content().string(containsString("仅显示这一次")));
		mvc.perform(get("/admin/users").with(user(adminUser)))
			.andExpect(content().string(not(containsString(HtmlUtils.htmlEscape(password)))));

		mvc.perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/"));
		assertThat(jdbc.queryForObject("select password_hash from acc_user where id = ?", String.class, id))
			.doesNotContain(password)
			.startsWith("$2");
	}

	@Test
	void refusesADuplicateUsernameAndMissingFieldsInChineseAndSavesNothing() throws Exception {
		int before = jdbc.queryForObject("select count(*) from acc_user", Integer.class);
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", admin.username())
			.param("displayName", "重复")
			.param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名 " + admin.username() + " 已被使用")));
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", "")
			.param("displayName", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入用户名")))
			.andExpect(content().string(containsString("请输入姓名")))
			.andExpect(content().string(containsString("请至少选择一个角色")));
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", "有中文")
			.param("displayName", "某人")
			.param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名须为 2–50 位字母、数字")));
		assertThat(jdbc.queryForObject("select count(*) from acc_user", Integer.class)).isEqualTo(before);
	}

	@Test
	void rendersTheFormsAndTheListWithFilters() throws Exception {
		mvc.perform(get("/admin/users/new").with(user(adminUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("系统管理员")))
			.andExpect(content().string(containsString("name=\"roles\"")));
		mvc.perform(get("/admin/users/{id}/edit", admin.id()).with(user(adminUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(admin.username())))
			.andExpect(content().string(containsString("checked")));
		AccountFixtures.Account staff = fixtures.ready("liststaff", Role.STAFF);
		mvc.perform(get("/admin/users").with(user(adminUser)).param("keyword", staff.username()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(staff.username())))
			.andExpect(content().string(not(containsString("data-username=\"" + admin.username() + "\""))))
			.andExpect(content().string(containsString("共 1 条")));
		accounts.lock(staff.id());
		mvc.perform(get("/admin/users").with(user(adminUser)).param("status", "LOCKED").param("role", "STAFF"))
			.andExpect(content().string(containsString(staff.username())))
			.andExpect(content().string(containsString("锁定")));
		mvc.perform(get("/admin/users").with(user(adminUser)).param("status", "ACTIVE").param("keyword",
				staff.username()))
			.andExpect(content().string(containsString("共 0 条")));
		// htmx asks for the table only
		mvc.perform(get("/admin/users").with(user(adminUser)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-table\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void pagesByUsernameWithOneBasedPageNumbersThatKeepTheFilter() throws Exception {
		String prefix = AccountFixtures.unique("pg") + "-";
		for (int i = 1; i <= 23; i++) {
			fixtures.created(prefix + String.format("%02d", i), Role.STAFF);
		}

		mvc.perform(get("/admin/users").with(user(adminUser)).param("keyword", prefix))
			.andExpect(content().string(containsString("共 23 条")))
			.andExpect(content().string(containsString(prefix + "20<")))
			.andExpect(content().string(not(containsString(prefix + "21<"))))
			.andExpect(content().string(containsString("/admin/users?keyword=" + prefix + "&amp;page=2")))
			.andExpect(content().string(containsString("/admin/users/export?keyword=" + prefix + "\"")));
		// the second page, as the pagination asks for it through htmx
		mvc.perform(get("/admin/users").with(user(adminUser)).param("keyword", prefix).param("page", "2")
			.header("HX-Request", "true"))
			.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString(prefix + "23<")))
			.andExpect(content().string(not(containsString(prefix + "20<"))))
			.andExpect(content().string(containsString("/admin/users?keyword=" + prefix + "&amp;page=1")));
	}

	@Test
	void aLockoutAfterFailedLoginsShowsUntilWhenAndCanBeLiftedByTheAdministrator() throws Exception {
		AccountFixtures.Account staff = fixtures.ready("failing", Role.STAFF);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(staff.username()).password("Wrong#pass1"));
		}
		mvc.perform(get("/admin/users").with(user(adminUser)).param("keyword", staff.username()))
			.andExpect(content().string(containsString("锁定")))
			.andExpect(content().string(containsString("至 2026-11-27 09:15")));
		mvc.perform(post("/admin/users/{id}/unlock", staff.id()).with(user(adminUser)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已解锁用户 " + staff.username()));
		mvc.perform(formLogin().user(staff.username()).password(AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void aChangeOfRolesIsAuditedFromAndTo() throws Exception {
		AccountFixtures.Account office = fixtures.ready("office", Role.OFFICE_EDITOR);
		mvc.perform(post("/admin/users/{id}/edit", office.id()).with(user(adminUser)).with(csrf())
			.param("displayName", "周敏")
			.param("roles", "OFFICE_EDITOR", "PUBLICIST"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(fixtures.rolesOf(office.id())).containsExactlyInAnyOrder(Role.OFFICE_EDITOR, Role.PUBLICIST);
		assertThat(jdbc.queryForObject(
				"select summary from audit_entry where action = 'ACCOUNT_ROLES_CHANGED' and entity_id = ?", String.class,
				String.valueOf(office.id())))
			.endsWith("角色：办公室信息编辑 → 办公室信息编辑、信息宣传员");
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'ACCOUNT_UPDATED' and entity_id = ?",
				String.class, String.valueOf(office.id())))
			.contains("姓名 " + office.username() + " → 周敏");
	}

	@Test
	void linksAnAccountToAnActivePersonNotLinkedElsewhere() throws Exception {
		long unit = fixtures.unit(AccountFixtures.unique("办公室-"));
		long person = fixtures.person("周敏", unit);
		long retired = fixtures.person("离退人员", unit);
		fixtures.deactivatePersonRow(retired);
		String first = AccountFixtures.unique("zhoumin");
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", first)
			.param("displayName", "周敏")
			.param("personId", String.valueOf(person))
			.param("roles", "OFFICE_EDITOR"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(fixtures.principal(first).unitId()).isEqualTo(unit);
		mvc.perform(get("/admin/users/new").with(user(adminUser)))
			.andExpect(content().string(containsString("周敏")))
			.andExpect(content().string(not(containsString("离退人员"))));
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", AccountFixtures.unique("second"))
			.param("displayName", "周敏")
			.param("personId", String.valueOf(person))
			.param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("人员 周敏 已关联其他账户")));
		mvc.perform(post("/admin/users/new").with(user(adminUser)).with(csrf())
			.param("username", AccountFixtures.unique("retired"))
			.param("displayName", "离退人员")
			.param("personId", String.valueOf(retired))
			.param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("人员 离退人员 已停用")));
	}

	@Test
	void resettingAPasswordShowsATemporaryOneAndForcesAChange() throws Exception {
		AccountFixtures.Account staff = fixtures.ready("resetme", Role.STAFF);
		MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", staff.id()).with(user(adminUser))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andReturn();
		String temporary = (String) reset.getFlashMap().get("issuedPassword");
		assertThat(temporary).isNotBlank();
		assertThat(jdbc.queryForObject("select must_change_password from acc_user where id = ?", Boolean.class,
				staff.id())).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PASSWORD_RESET' and entity_id = ?",
				Integer.class, String.valueOf(staff.id()))).isEqualTo(1);
		var session = mvc.perform(formLogin().user(staff.username()).password(temporary))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
			.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void locksUnlocksDisablesAndEnablesWithAnAuditEntryEach() throws Exception {
		AccountFixtures.Account staff = fixtures.ready("toggle", Role.STAFF);
		for (String action : List.of("lock", "unlock", "disable", "enable")) {
			mvc.perform(post("/admin/users/{id}/" + action, staff.id()).with(user(adminUser)).with(csrf()))
				.andExpect(redirectedUrl("/admin/users"))
				.andExpect(flash().attributeExists("flashSuccess"));
		}
		assertThat(jdbc.queryForList("select action from audit_entry where entity_id = ? and action like 'ACCOUNT_%' "
				+ "and action <> 'ACCOUNT_CREATED' order by seq", String.class, String.valueOf(staff.id())))
			.containsExactly("ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED", "ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
		mvc.perform(formLogin().user(staff.username()).password(AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdministratorCannotRemoveTheirOwnAdminRoleNorDisableOrLockThemselves() throws Exception {
		mvc.perform(post("/admin/users/{id}/edit", admin.id()).with(user(adminUser)).with(csrf())
			.param("displayName", admin.username())
			.param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能取消自己的系统管理员角色")));
		assertThat(fixtures.rolesOf(admin.id())).containsExactly(Role.ADMIN);
		mvc.perform(post("/admin/users/{id}/disable", admin.id()).with(user(adminUser)).with(csrf()))
			.andExpect(flash().attribute("flashError", "不能停用自己的账户"));
		mvc.perform(post("/admin/users/{id}/lock", admin.id()).with(user(adminUser)).with(csrf()))
			.andExpect(flash().attribute("flashError", "不能锁定自己的账户"));
		assertThat(jdbc.queryForObject("select enabled from acc_user where id = ?", Boolean.class, admin.id())).isTrue();
	}

	@Test
	void theLastActiveAdministratorKeepsTheAdminRole() {
		List<Long> otherAdmins = jdbc.queryForList("select u.id from acc_user u join acc_user_role r on r.user_id = u.id "
				+ "where r.role = 'ADMIN' and u.enabled = true and u.id <> ?", Long.class, admin.id());
		jdbc.update("update acc_user set enabled = false where id in (select user_id from acc_user_role where role = 'ADMIN') "
				+ "and id <> ?", admin.id());
		try {
			// no one logged in (e.g. a background job): the rule holds all the same
			assertThatThrownBy(() -> accounts.update(admin.id(), "x", null, EnumSet.of(Role.STAFF)))
				.isInstanceOf(AccountRuleViolation.class)
				.hasMessage("account.rule.lastAdmin");
			assertThatThrownBy(() -> accounts.disable(admin.id())).hasMessage("account.rule.lastAdmin");
			assertThatThrownBy(() -> accounts.lock(admin.id())).hasMessage("account.rule.lastAdmin");
			assertThat(fixtures.rolesOf(admin.id())).containsExactly(Role.ADMIN);

			// with a second active administrator, the first may lose the role
			AccountFixtures.Account second = fixtures.ready("adm2", Role.ADMIN);
			accounts.update(admin.id(), "x", null, Set.of(Role.STAFF));
			assertThat(fixtures.rolesOf(admin.id())).containsExactly(Role.STAFF);
			assertThatThrownBy(() -> accounts.disable(second.id())).hasMessage("account.rule.lastAdmin");
		}
		finally {
			otherAdmins.forEach(id -> jdbc.update("update acc_user set enabled = true where id = ?", id));
		}
	}

	@Test
	void exportsTheFilteredListAsXlsxWithFormulasNeutralised() throws Exception {
		AccountFixtures.Account staff = fixtures.ready("export", Role.STAFF);
		accounts.update(staff.id(), "=HYPERLINK(\"http://x\")", null, Set.of(Role.STAFF));
		byte[] xlsx = mvc.perform(get("/admin/users/export").with(user(adminUser)).param("keyword", staff.username()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户名");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(staff.username());
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("普通干部");
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("正常");
		}
	}

	@Test
	void namesInTheListAreEscaped() throws Exception {
		AccountFixtures.Account staff = fixtures.ready("xss", Role.STAFF);
		accounts.update(staff.id(), "<script>alert(1)</script>", null, Set.of(Role.STAFF));
		mvc.perform(get("/admin/users").with(user(adminUser)).param("keyword", staff.username()))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void nobodyButTheAdministratorReachesTheAccountPages() throws Exception {
		for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN))) {
			AuthenticatedUser other = fixtures.principal(fixtures.ready("r" + role.name().toLowerCase(), role).username());
			mvc.perform(get("/admin/users").with(user(other))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/users/export").with(user(other))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/{id}/disable", admin.id()).with(user(other)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/new").with(user(other)).with(csrf())
				.param("username", "intruder").param("displayName", "x").param("roles", "ADMIN"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/users").accept("text/html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/users")).andExpect(status().isUnauthorized());
		mvc.perform(post("/admin/users/{id}/disable", admin.id()).with(user(adminUser)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from acc_user where username = 'intruder'", Integer.class))
			.isZero();
	}

}
