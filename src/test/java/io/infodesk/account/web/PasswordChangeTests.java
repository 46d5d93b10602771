package io.infodesk.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.AccountFixtures;
import io.infodesk.account.Accounts;
import io.infodesk.account.IssuedPassword;
import io.infodesk.account.Role;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;

/** An initial or reset password must be changed before anything else; after the change, work goes on. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class PasswordChangeTests {

	static final String NEW_PASSWORD = "Changed#2026";

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

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
	}

	@Test
	void anInitialPasswordSendsEveryPageToTheChangeFormUntilItIsChanged() throws Exception {
		String username = AccountFixtures.unique("first");
		IssuedPassword issued = fixtures.created(username, Role.STAFF);
		MockHttpSession session = login(username, issued.password());

		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/org/units").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("首次登录或密码已被重置")));

		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", issued.password())
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flashSuccess", "密码已修改"));

		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select must_change_password from acc_user where id = ?", Boolean.class,
				issued.accountId())).isFalse();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'PASSWORD_CHANGED' and entity_id = ?", Integer.class,
				String.valueOf(issued.accountId()))).isEqualTo(1);
		// the new password works, the initial one no longer does
		login(username, NEW_PASSWORD);
		mvc.perform(formLogin().user(username).password(issued.password())).andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void aPasswordResetByTheAdministratorMustBeChangedAtTheNextLogin() throws Exception {
		AccountFixtures.Account account = fixtures.ready("reset", Role.STAFF);
		IssuedPassword temporary = accounts.resetPassword(account.id());
		MockHttpSession session = login(account.username(), temporary.password());
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void aWrongCurrentPasswordIsRefusedUnderItsField() throws Exception {
		AccountFixtures.Account account = fixtures.ready("wrong", Role.STAFF);
		MockHttpSession session = login(account.username(), AccountFixtures.PASSWORD);
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", "Not#theRight1")
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前密码不正确")));
		login(account.username(), AccountFixtures.PASSWORD);
	}

	@Test
	void aWeakOrMismatchedNewPasswordIsRefusedInChinese() throws Exception {
		AccountFixtures.Account account = fixtures.ready("weak", Role.STAFF);
		MockHttpSession session = login(account.username(), AccountFixtures.PASSWORD);
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "password123")
			.param("repeatPassword", "password123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("密码须包含大写字母、小写字母、数字、符号中的至少三类")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "Short#1")
			.param("repeatPassword", "Short#1"))
			.andExpect(content().string(containsString("密码长度不能少于 8 位")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", account.username())
			.param("repeatPassword", account.username()))
			.andExpect(content().string(containsString("不能与用户名相同")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD + "x"))
			.andExpect(content().string(containsString("两次输入的新密码不一致")))
			.andExpect(content().string(not(containsString(NEW_PASSWORD))));
		login(account.username(), AccountFixtures.PASSWORD);
	}

	@Test
	void theChangeFormNeedsALogin() throws Exception {
		mvc.perform(get("/account/password").accept("text/html")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account/password")).andExpect(status().isUnauthorized());
	}

	private MockHttpSession login(String username, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
