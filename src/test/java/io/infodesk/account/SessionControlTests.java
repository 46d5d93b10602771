package io.infodesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.account.internal.SecuritySettings;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.organization.PersonChanged;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.support.TestUsers;

/**
 * Sessions under control (issue 17, point 3 and findings 2 and 10): at most N per account, one's own sessions listed
 * and ended, the administrator ending a user's, ended on password change (the others) and on a transfer to another
 * unit; the data scope follows the unit at once; polling is no activity for the idle timeout; no BCrypt hash in the
 * session.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SessionControlTests {

	private static final Pattern HANDLE = Pattern.compile("/account/sessions/([0-9a-f]{16})/end");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	SecuritySettings settings;

	@Autowired
	DataScopes scopes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
	}

	@AfterEach
	void tearDown() {
		clock.reset();
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	@Test
	void aThirdSessionEndsTheLeastRecentlyUsedByDefaultAndTheLimitIsEditable() throws Exception {
		assertThat(settings.maxSessions()).isEqualTo(2);
		AccountFixtures.Account account = fixtures.ready("many", Role.STAFF);
		MockHttpSession first = login(account);
		MockHttpSession second = login(account);
		mvc.perform(get("/").session(first)).andExpect(status().isOk());
		MockHttpSession third = login(account);
		// the session in use stays: the one used least recently (the second, the first was used after it) ends
		mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(first)).andExpect(status().isOk());
		mvc.perform(get("/").session(third)).andExpect(status().isOk());

		Set<Role> roles = settings.factorRoles();
		try {
			settings.update(roles, 1);
			MockHttpSession fourth = login(account);
			mvc.perform(get("/").session(fourth)).andExpect(status().isOk());
			mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/login?expired"));
		}
		finally {
			settings.update(EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles), 2);
		}
	}

	@Test
	void theUserSeesTheirSessionsWithDeviceAndAddressAndEndsTheOther() throws Exception {
		AccountFixtures.Account account = fixtures.ready("mine", Role.STAFF);
		MockHttpSession phone = login(account);
		MockHttpSession desk = (MockHttpSession) mvc
			.perform(post("/login").param("username", account.username()).param("password", AccountFixtures.PASSWORD)
				.header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		String page = mvc.perform(get("/account/sessions").session(desk)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Chrome · Windows", "127.0.0.1", "当前会话");
		Matcher matcher = HANDLE.matcher(page);
		assertThat(matcher.find()).isTrue();
		assertThat(matcher.find()).as("only the other session has an end button").isFalse();
		matcher.reset().find();
		mvc.perform(post("/account/sessions/{handle}/end", matcher.group(1)).session(desk).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions"));
		mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(desk)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SESSION_ENDED' and actor = ?",
				Integer.class, account.username())).isEqualTo(1);
	}

	@Test
	void theAdministratorEndsAUsersSessionsAudited() throws Exception {
		AccountFixtures.Account account = fixtures.ready("ended", Role.STAFF);
		MockHttpSession session = login(account);
		AccountFixtures.Account admin = fixtures.ready("ender", Role.SECURITY_ADMIN);
		mvc.perform(post("/admin/users/{id}/end-sessions", account.id()).with(user(fixtures.principal(admin.username())))
			.with(csrf())).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'SESSIONS_ENDED' and entity_id = ?",
				String.class, String.valueOf(account.id()))).contains(account.username(), "1");
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
		AccountFixtures.Account account = fixtures.ready("pwchange", Role.STAFF);
		MockHttpSession other = login(account);
		MockHttpSession here = login(account);
		mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", AccountFixtures.PASSWORD)
			.param("newPassword", "Changed#2027").param("repeatPassword", "Changed#2027")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(other)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(here)).andExpect(status().isOk());
	}

	@Test
	void aWrongCurrentPasswordIsCountedAndAudited() throws Exception {
		AccountFixtures.Account account = fixtures.ready("pwwrong", Role.STAFF);
		MockHttpSession session = login(account);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "Guess#000" + i)
				.param("newPassword", "Changed#2027").param("repeatPassword", "Changed#2027")).andExpect(status().isOk());
		}
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ? "
				+ "and summary like '%当前密码错误%'", Integer.class, account.username())).isEqualTo(5);
		// the fifth wrong guess locked the account and ended its session: guessing is throttled by the lockout
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
	}

	@Test
	void aTransferToAnotherUnitEndsTheSessionAndTheScopeFollowsAtOnce() throws Exception {
		long oldUnit = fixtures.unit(AccountFixtures.unique("旧单位-"));
		long newUnit = fixtures.unit(AccountFixtures.unique("新单位-"));
		long person = fixtures.person("调动者", oldUnit);
		String username = AccountFixtures.unique("moved");
		IssuedPassword issued = accounts.create(username, "调动者", person, Set.of(Role.UNIT_HEAD));
		accounts.changeOwnPassword(issued.accountId(), issued.password(), AccountFixtures.PASSWORD,
				AccountFixtures.PASSWORD);
		AccountFixtures.Account account = new AccountFixtures.Account(issued.accountId(), username);
		MockHttpSession session = login(account);
		AuthenticatedUser atLogin = principal(session);
		assertThat(atLogin.unitId()).isEqualTo(oldUnit);

		jdbc.update("update org_person set unit_id = ? where id = ?", newUnit, person);
		TestUsers.logIn(atLogin);
		assertThat(scopes.current().includes(newUnit)).isTrue();
		assertThat(scopes.current().includes(oldUnit)).isFalse();

		transactions.executeWithoutResult(status -> events.publishEvent(new PersonChanged(person, newUnit, true)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("select count(*) from audit_entry where action = 'SESSIONS_ENDED' "
					+ "and entity_id = ?", Integer.class, String.valueOf(account.id())) == 1);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		// an edit that leaves the unit as it is ends nothing
		MockHttpSession again = login(account);
		transactions.executeWithoutResult(status -> events.publishEvent(new PersonChanged(person, newUnit, true)));
		Thread.sleep(500);
		mvc.perform(get("/").session(again)).andExpect(status().isOk());
	}

	@Test
	void pollingIsNoActivityTheIdleTimeoutEndsThePollingSession() throws Exception {
		AccountFixtures.Account account = fixtures.ready("idle", Role.STAFF);
		MockHttpSession session = login(account);
		clock.advance(Duration.ofMinutes(20));
		poll(session).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(9));
		poll(session).andExpect(status().isOk());
		// a click of the user counts
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		poll(session).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(2));
		poll(session).andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login?timeout"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theSessionKeepsNoPasswordHash() throws Exception {
		AccountFixtures.Account account = fixtures.ready("nohash", Role.STAFF);
		MockHttpSession session = login(account);
		assertThat(principal(session).getPassword()).isNull();
	}

	private org.springframework.test.web.servlet.ResultActions poll(MockHttpSession session) throws Exception {
		return mvc.perform(get("/notifications/bell").session(session).header("HX-Request", "true"));
	}

	private static AuthenticatedUser principal(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (AuthenticatedUser) context.getAuthentication().getPrincipal();
	}

	private MockHttpSession login(AccountFixtures.Account account) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
