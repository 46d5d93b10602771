package io.infodesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.infodesk.InfoDeskApplication;
import io.infodesk.account.AccountFixtures;
import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.organization.Organization;
import io.infodesk.shared.security.Permissions;
import io.infodesk.support.TestUsers;

/**
 * Login hardening of issue 17, each finding with the test that failed before its fix: parallel failures all counted
 * without a 500 (finding 4), a wrong password never telling a locked or disabled account from an unknown one
 * (finding 4), rate limits per address and per account (finding 4), health without details for anonymous callers
 * (finding 10), the previous login shown, the demo refusing a production database (finding 1), and 三员分立
 * (finding 6).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class LoginHardeningTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	UserAccountRepository repository;

	@Autowired
	Organization organization;

	@Autowired
	LoginThrottle throttle;

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

	@AfterEach
	void tearDown() {
		throttle.limits(1000, 1000);
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void fortyParallelWrongPasswordsAreAllCountedAndNoneFails() throws Exception {
		AccountFixtures.Account account = fixtures.ready("race", Role.STAFF);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			results.add(pool.submit(() -> mvc.perform(formLogin().user(account.username()).password("Wrong#pass1"))
				.andReturn()
				.getResponse()
				.getStatus()));
		}
		for (Future<Integer> result : results) {
			assertThat(result.get()).isEqualTo(302);
		}
		pool.shutdown();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?",
				Integer.class, account.username())).isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ACCOUNT_LOCKED' and actor = ?",
				Integer.class, account.username())).isEqualTo(8);
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
	}

	@Test
	void aWrongPasswordTellsNobodyWhetherTheAccountIsLockedDisabledOrUnknown() throws Exception {
		AccountFixtures.Account locked = fixtures.ready("lockedx", Role.STAFF);
		AccountFixtures.Account disabled = fixtures.ready("offx", Role.STAFF);
		accounts.lock(locked.id());
		accounts.disable(disabled.id());
		for (String username : List.of(locked.username(), disabled.username(), "nobody-" + locked.username())) {
			mvc.perform(formLogin().user(username).password("Wrong#pass1")).andExpect(redirectedUrl("/login?error=bad"));
		}
		// the right password may learn it
		mvc.perform(formLogin().user(locked.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(formLogin().user(disabled.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=disabled"));
	}

	@Test
	void anAddressWithTooManyFailuresIsRefusedUncheckedUntilTheWindowPasses() throws Exception {
		throttle.limits(3, 1000);
		AccountFixtures.Account victim = fixtures.ready("victim", Role.STAFF);
		RequestPostProcessor attacker = from("10.9.9.9");
		for (int i = 0; i < 3; i++) {
			mvc.perform(login(victim.username(), "Wrong#pass1", attacker))
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(victim.username(), "Wrong#pass1", attacker))
				.andExpect(redirectedUrl("/login?error=throttled"));
		}
		mvc.perform(get("/api/items").with(httpBasic(victim.username(), "Wrong#pass1")).with(attacker))
			.andExpect(status().isTooManyRequests());
		// the refused attempts were never checked: the account is not locked, its owner logs in from elsewhere
		assertThat(jdbc.queryForObject("select failed_attempts from acc_user where id = ?", Integer.class, victim.id()))
			.isEqualTo(3);
		mvc.perform(login(victim.username(), AccountFixtures.PASSWORD, from("10.1.1.1")))
			.andExpect(redirectedUrl("/"));
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_THROTTLED' and summary like ?",
				Integer.class, "%10.9.9.9%")).isEqualTo(1);
		mvc.perform(get("/login").param("error", "throttled"))
			.andExpect(content().string(Matchers.containsString("登录尝试过于频繁")));

		clock.advance(Duration.ofMinutes(15));
		mvc.perform(login(victim.username(), AccountFixtures.PASSWORD, attacker))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void anAccountGetsAFewAttemptsAMinuteFromAllAddressesTogether() throws Exception {
		throttle.limits(1000, 2);
		AccountFixtures.Account account = fixtures.ready("slow", Role.STAFF);
		mvc.perform(login(account.username(), "Wrong#pass1", from("10.0.0.1")))
			.andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(login(account.username(), "Wrong#pass1", from("10.0.0.2")))
			.andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(login(account.username(), AccountFixtures.PASSWORD, from("10.0.0.3")))
			.andExpect(redirectedUrl("/login?error=throttled"));
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(login(account.username(), AccountFixtures.PASSWORD, from("10.0.0.3")))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void anonymousHealthShowsNoComponents() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("UP")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("components"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("db"))));
	}

	@Test
	void afterLoginTheUserSeesThePreviousLoginAndTheFailuresSince() throws Exception {
		AccountFixtures.Account account = fixtures.ready("notice", Role.STAFF);
		MockHttpSession first = login(account);
		mvc.perform(get("/").session(first)).andExpect(content().string(Matchers.containsString("这是您的首次登录")));
		clock.advance(Duration.ofHours(2));
		mvc.perform(login(account.username(), "Wrong#pass1", from("10.7.7.7")));
		MockHttpSession second = login(account);
		mvc.perform(get("/").session(second))
			.andExpect(content().string(Matchers.containsString("上次登录：")))
			.andExpect(content().string(Matchers.containsString("此后有 1 次登录失败")))
			.andExpect(content().string(Matchers.containsString("10.7.7.7")));
		mvc.perform(get("/").session(second)).andExpect(content().string(Matchers.not(Matchers.containsString("上次登录："))));
	}

	@Test
	void theDemoRefusesToStartOnAnyDatabaseButTheEmbeddedOne() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(InfoDeskApplication.class).profiles("demo")
			.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/infodesk", "--server.port=0",
					"--spring.main.web-application-type=none")
			.close()).hasMessageContaining("演示配置").hasMessageContaining("jdbc:postgresql://127.0.0.1:1/infodesk");
		var environment = new org.springframework.core.env.StandardEnvironment();
		environment.setActiveProfiles("demo");
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("t",
					java.util.Map.of("spring.datasource.url", "jdbc:h2:file:./data/db/infodesk")));
		DemoGuard.check(environment);
		environment.setActiveProfiles("postgres");
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("u",
					java.util.Map.of("spring.datasource.url", "jdbc:postgresql://db/infodesk")));
		DemoGuard.check(environment);
	}

	@Test
	void theDemoAnswersOnTheLoopbackAddressOnly() throws Exception {
		var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
			.load("demo", new org.springframework.core.io.ClassPathResource("application-demo.yml"));
		assertThat(yaml.get(0).getProperty("server.address")).hasToString("${INFODESK_DEMO_ADDRESS:127.0.0.1}");
	}

	@Test
	void theThreeAdministratorsAreSeparated() {
		AccountFixtures.Account system = fixtures.ready("sysadm", Role.ADMIN);
		AccountFixtures.Account security = fixtures.ready("secadm", Role.SECURITY_ADMIN);
		AccountFixtures.Account auditor = fixtures.ready("audadm", Role.AUDIT_ADMIN);
		AccountUserDetailsService separated = new AccountUserDetailsService(repository, organization,
				Clock.systemUTC(), true);
		var admin = separated.toUser(repository.findById(system.id()).orElseThrow());
		assertThat(admin.can(Permissions.ACCOUNT_USER_MANAGE)).isFalse();
		assertThat(admin.can(Permissions.AUDIT_VIEW)).isFalse();
		assertThat(admin.can(Permissions.NOTIFICATION_CHANNEL_MANAGE)).isTrue();
		var securityAdmin = separated.toUser(repository.findById(security.id()).orElseThrow());
		assertThat(securityAdmin.can(Permissions.ACCOUNT_USER_MANAGE)).isTrue();
		assertThat(securityAdmin.can(Permissions.AUDIT_VIEW)).isFalse();
		var auditAdmin = separated.toUser(repository.findById(auditor.id()).orElseThrow());
		assertThat(auditAdmin.can(Permissions.AUDIT_VIEW)).isTrue();
		assertThat(auditAdmin.can(Permissions.ACCOUNT_USER_MANAGE)).isFalse();

		// nobody changes their own roles (the administrator adding OFFICE_EDITOR to itself, finding 6)
		TestUsers.logIn(fixtures.principal(security.username()));
		assertThatThrownBy(() -> accounts.update(security.id(), "安全管理员", null,
				Set.of(Role.SECURITY_ADMIN, Role.OFFICE_EDITOR))).isInstanceOf(AccountRuleViolation.class)
			.hasFieldOrPropertyWithValue("messageKey", "account.rule.ownRoles");
		// one account holds one of the three
		assertThatThrownBy(() -> accounts.update(system.id(), "系统管理员", null, Set.of(Role.ADMIN, Role.AUDIT_ADMIN)))
			.isInstanceOf(AccountRuleViolation.class)
			.hasFieldOrPropertyWithValue("messageKey", "account.rule.separatedAdministrators");
		assertThatThrownBy(() -> accounts.resetPassword(security.id())).isInstanceOf(AccountRuleViolation.class);
		assertThat(fixtures.rolesOf(security.id())).containsExactly(Role.SECURITY_ADMIN);
	}

	private MockHttpSession login(AccountFixtures.Account account) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String username,
			String password, RequestPostProcessor from) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", username)
			.param("password", password)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(from);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
