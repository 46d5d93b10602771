package io.infodesk.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
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
import io.infodesk.account.Role;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.account.internal.SecuritySettings;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The password policy of GB/T 22239 8.1.4.1 a (issue 17): length and character classes set by the security
 * administrator (audited, out-of-range values refused), no reuse of the newest former passwords, expiry.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class PasswordPolicySettingsTests {

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

	@Autowired
	SecuritySettings settings;

	AccountFixtures fixtures;

	AuthenticatedUser securityAdmin;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
		securityAdmin = fixtures.principal(fixtures.ready("secadm", Role.SECURITY_ADMIN).username());
	}

	@AfterEach
	void restore() {
		jdbc.update("update acc_security_settings set password_min_length = 8, password_min_classes = 3, "
				+ "password_history = 5, password_expiry_days = 90 where id = 1");
		settings.enforceExpiry(false);
		clock.reset();
	}

	@Test
	void theSecurityAdministratorSetsLengthAndClassesAuditedAndTheChangeFormAppliesThem() throws Exception {
		AccountFixtures.Account account = fixtures.ready("policy", Role.STAFF);
		mvc.perform(post("/admin/security/password").with(user(securityAdmin)).with(csrf())
			.param("passwordMinLength", "12")
			.param("passwordMinClasses", "4")
			.param("passwordHistory", "3")
			.param("passwordExpiryDays", "60"))
			.andExpect(redirectedUrl("/admin/security"))
			.andExpect(flash().attribute("flashSuccess", "已保存"));
		assertThat(settings.passwordRules()).isEqualTo(new SecuritySettings.PasswordRules(12, 4, 3, 60));
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'PASSWORD_POLICY_CHANGED' "
				+ "order by seq desc limit 1", String.class))
			.isEqualTo("密码策略：最少 8 位、至少 3 类字符、不得重复最近 5 次、有效期 90 天 → "
					+ "最少 12 位、至少 4 类字符、不得重复最近 3 次、有效期 60 天");
		mvc.perform(get("/admin/security").with(user(securityAdmin)))
			.andExpect(content().string(containsString("id=\"passwordMinLength\"")));

		// out of range: a clear message, nothing saved
		for (String[] bad : new String[][] { { "6", "3", "5", "90", "密码最少位数须在 8 到 32 之间" },
				{ "8", "2", "5", "90", "字符类别数须为 3 或 4" }, { "8", "3", "99", "90", "须在 0 到 24 之间" },
				{ "8", "3", "5", "400", "密码有效期须在 0 到 365 天之间" } }) {
			mvc.perform(post("/admin/security/password").with(user(securityAdmin)).with(csrf())
				.param("passwordMinLength", bad[0])
				.param("passwordMinClasses", bad[1])
				.param("passwordHistory", bad[2])
				.param("passwordExpiryDays", bad[3]))
				.andExpect(flash().attribute("flashError", containsString(bad[4])));
		}
		assertThat(settings.passwordRules()).isEqualTo(new SecuritySettings.PasswordRules(12, 4, 3, 60));

		// the new rules on the change form: shown, and a password of 10 characters or of three classes refused
		MockHttpSession session = login(account.username(), AccountFixtures.PASSWORD);
		mvc.perform(get("/account/password").session(session))
			.andExpect(content().string(containsString("密码至少 12 位，须包含大写字母、小写字母、数字、符号中的至少四类")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "Abcdef#123")
			.param("repeatPassword", "Abcdef#123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("密码长度不能少于 12 位")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "abcdefgh#1234")
			.param("repeatPassword", "abcdefgh#1234"))
			.andExpect(content().string(containsString("至少四类")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "Abcdefgh#1234")
			.param("repeatPassword", "Abcdefgh#1234"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void onlyTheSecurityAdministratorChangesThePolicy() throws Exception {
		for (Role role : new Role[] { Role.ADMIN, Role.AUDIT_ADMIN, Role.OFFICE_EDITOR }) {
			AuthenticatedUser other = fixtures.principal(fixtures.ready("p" + role.name().toLowerCase(), role).username());
			mvc.perform(post("/admin/security/password").with(user(other)).with(csrf())
				.param("passwordMinLength", "9")
				.param("passwordMinClasses", "3")
				.param("passwordHistory", "5")
				.param("passwordExpiryDays", "90"))
				.andExpect(status().isForbidden());
		}
		assertThat(settings.passwordRules().minLength()).isEqualTo(8);
	}

	@Test
	void noneOfTheNewestFormerPasswordsIsUsedAgain() throws Exception {
		jdbc.update("update acc_security_settings set password_history = 2 where id = 1");
		AccountFixtures.Account account = fixtures.ready("history", Role.STAFF);
		String first = AccountFixtures.PASSWORD;
		String second = "Second#2026";
		String third = "Third#2026x";
		accounts.changeOwnPassword(account.id(), first, second, second);
		accounts.changeOwnPassword(account.id(), second, third, third);
		MockHttpSession session = login(account.username(), third);
		for (String former : new String[] { first, second }) {
			mvc.perform(post("/account/password").session(session).with(csrf())
				.param("currentPassword", third)
				.param("newPassword", former)
				.param("repeatPassword", former))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("新密码不能与最近 2 次用过的密码相同")));
		}
		// only the newest two are kept: the one before them may come back
		accounts.changeOwnPassword(account.id(), third, "Fourth#2026", "Fourth#2026");
		assertThat(jdbc.queryForObject("select count(*) from acc_password_history where user_id = ?", Integer.class,
				account.id())).isEqualTo(2);
		accounts.changeOwnPassword(account.id(), "Fourth#2026", first, first);
		login(account.username(), first);
	}

	@Test
	void anExpiredPasswordMustBeChangedAtTheNextLogin() throws Exception {
		jdbc.update("update acc_security_settings set password_expiry_days = 30 where id = 1");
		settings.enforceExpiry(true);
		AccountFixtures.Account account = fixtures.ready("expiry", Role.STAFF);
		MockHttpSession fresh = login(account.username(), AccountFixtures.PASSWORD);
		mvc.perform(get("/").session(fresh)).andExpect(status().isOk());

		clock.advance(Duration.ofDays(31));
		MockHttpSession expired = login(account.username(), AccountFixtures.PASSWORD);
		mvc.perform(get("/").session(expired)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").session(expired).with(csrf())
			.param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "Renewed#2026")
			.param("repeatPassword", "Renewed#2026"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(expired)).andExpect(status().isOk());
	}

	private MockHttpSession login(String username, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
