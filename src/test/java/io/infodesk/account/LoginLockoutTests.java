package io.infodesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;

/**
 * Login-failure handling through the real form login: 5 failures lock the account for 15
 * minutes (even the right password is refused), the lock ends by the clock, a success resets the count.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class LoginLockoutTests {

	static final String LOCKED_MESSAGE = "账户已锁定：连续 5 次登录失败，请 15 分钟后再试或联系系统管理员";

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
	Environment environment;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
	}

	@AfterEach
	void tearDown() {
		clock.reset();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
		AccountFixtures.Account account = fixtures.ready("lock", Role.STAFF);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(account.username()).password("Wrong#pass1"))
				.andExpect(redirectedUrl("/login?error=bad"))
				.andExpect(unauthenticated());
		}
		assertThat(count("ACCOUNT_LOCKED", account.id())).isEqualTo(1);

		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"))
			.andExpect(unauthenticated());
		mvc.perform(get("/login").param("error", "locked")).andExpect(content().string(
				org.hamcrest.Matchers.containsString(LOCKED_MESSAGE)));

		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));

		clock.advance(Duration.ofSeconds(1));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(account.username()));
		assertThat(jdbc.queryForObject("select failed_attempts from acc_user where id = ?", Integer.class,
				account.id())).isZero();
	}

	@Test
	void aSuccessfulLoginResetsTheCountOfFailures() throws Exception {
		AccountFixtures.Account account = fixtures.ready("reset", Role.STAFF);
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(account.username()).password("Wrong#pass1"));
		}
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(authenticated());
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(account.username()).password("Wrong#pass1"))
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(authenticated());
		assertThat(count("ACCOUNT_LOCKED", account.id())).isZero();
	}

	@Test
	void anAccountLockedByTheAdministratorStaysLockedUntilUnlocked() throws Exception {
		AccountFixtures.Account account = fixtures.ready("adminlock", Role.STAFF);
		accounts.lock(account.id());
		clock.advance(Duration.ofDays(30));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		accounts.unlock(account.id());
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aDisabledAccountCannotLogIn() throws Exception {
		AccountFixtures.Account account = fixtures.ready("off", Role.STAFF);
		accounts.disable(account.id());
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=disabled"))
			.andExpect(unauthenticated());
		mvc.perform(get("/login").param("error", "disabled"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("账户已停用")));
	}

	@Test
	void loginsAndFailuresAreAuditedWithTheUsernameTyped() throws Exception {
		AccountFixtures.Account account = fixtures.ready("audited", Role.STAFF);
		mvc.perform(formLogin().user(account.username()).password("Wrong#pass1"));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD));
		mvc.perform(formLogin().user("nobody-" + account.username()).password("x"));
		assertThat(jdbc.queryForList("select action from audit_entry where actor = ? order by seq", String.class,
				account.username())).containsExactly("LOGIN_FAILED", "LOGIN");
		assertThat(jdbc.queryForObject("select outcome from audit_entry where actor = ?", String.class,
				"nobody-" + account.username())).isEqualTo("FAILURE");
	}

	@Test
	void sessionsEndAfterThirtyIdleMinutes() {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void loginAndLogoutAreBothOnTheAuditTrail() throws Exception {
		AccountFixtures.Account account = fixtures.ready("inout", Role.STAFF);
		var session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		assertThat(count("LOGIN", account.id())).isEqualTo(1);
		assertThat(count("LOGOUT", account.id())).isEqualTo(1);
	}

	private int count(String action, long accountId) {
		return jdbc.queryForObject("select count(*) from audit_entry where action = ? and entity_id = ?",
				Integer.class, action, String.valueOf(accountId));
	}

}
