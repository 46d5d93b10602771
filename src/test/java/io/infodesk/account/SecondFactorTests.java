package io.infodesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
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

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.account.internal.SecondFactors;
import io.infodesk.account.internal.SecuritySettings;
import io.infodesk.account.internal.Totp;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;

/**
 * The second factor of GB/T 22239 L3 8.1.4.1 c (issue 17) through the real form login: enrolment with the QR code's
 * secret, login with and without the code, ±1 step, replay refused, recovery codes single-use, wrong codes counting
 * towards the lockout, the administrator's reset, the roles that must use it, and the demo/test one-step logins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SecondFactorTests {

	private static final Pattern SECRET = Pattern.compile("id=\"factor-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-7]{4}-[a-z2-7]{4})</li>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	SecondFactors factors;

	@Autowired
	SecuritySettings settings;

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
		settings.enforceFactor(false);
		clock.reset();
	}

	@Test
	void totpCodesFollowRfc6238() {
		// RFC 6238 appendix B, SHA1 key "12345678901234567890": T = 59 s gives 94287082 (8 digits), so 287082
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void anEnrolledAccountLogsInWithTheCodeAndNotWithoutIt() throws Exception {
		AccountFixtures.Account account = fixtures.ready("totp", Role.STAFF);
		MockHttpSession first = login(account, "/");
		String secret = enrol(first);
		assertThat(factors.enrolled(account.id())).isTrue();
		assertThat(jdbc.queryForObject("select secret from acc_factor where user_id = ?", String.class, account.id()))
			.doesNotContain(secret);

		clock.advance(Duration.ofSeconds(30));
		MockHttpSession second = login(account, "/login/factor");
		// the password alone opens nothing
		mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/factor"));
		mvc.perform(get("/api/items").session(second)).andExpect(status().isUnauthorized());
		mvc.perform(post("/login/factor").session(second).with(csrf()).param("code", "000000"))
			.andExpect(content().string(Matchers.containsString("动态口令不正确")));
		String code = Totp.code(secret, Totp.step(Instant.now(clock)));
		String before = second.getId();
		mvc.perform(post("/login/factor").session(second).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
		assertThat(second.getId()).as("a new session id after the second factor").isNotEqualTo(before);
		mvc.perform(get("/").session(second)).andExpect(status().isOk());
		assertThat(lastAudit(account.username(), "LOGIN")).isEqualTo("登录成功（密码 + 动态口令）");

		// the same code is never accepted twice, even within its 30 seconds
		MockHttpSession third = login(account, "/login/factor");
		mvc.perform(post("/login/factor").session(third).with(csrf()).param("code", code))
			.andExpect(content().string(Matchers.containsString("动态口令不正确")));
		mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/login/factor"));
	}

	@Test
	void oneStepEitherSideIsAcceptedTwoAreNot() throws Exception {
		AccountFixtures.Account account = fixtures.ready("window", Role.STAFF);
		String secret = enrol(login(account, "/"));
		long now = Totp.step(Instant.now(clock));
		assertThat(factors.verify(account.id(), account.username(), Totp.code(secret, now + 3))).isFalse();
		assertThat(factors.verify(account.id(), account.username(), Totp.code(secret, now + 2))).isFalse();
		clock.advance(Duration.ofSeconds(60));
		long later = Totp.step(Instant.now(clock));
		assertThat(factors.verify(account.id(), account.username(), Totp.code(secret, later - 1))).isTrue();
		assertThat(factors.verify(account.id(), account.username(), Totp.code(secret, later + 1))).isTrue();
		// an earlier step than the last accepted one: refused (replay of an older code)
		assertThat(factors.verify(account.id(), account.username(), Totp.code(secret, later))).isFalse();
	}

	@Test
	void aRecoveryCodeLogsInOnceAndIsStoredOnlyAsAHash() throws Exception {
		AccountFixtures.Account account = fixtures.ready("recover", Role.STAFF);
		MockHttpSession session = login(account, "/");
		String page = mvc.perform(get("/account/factor").session(session)).andReturn().getResponse().getContentAsString();
		String secret = secretOf(page);
		String codesPage = mvc
			.perform(post("/account/factor").session(session).with(csrf())
				.param("code", Totp.code(secret, Totp.step(Instant.now(clock)))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = RECOVERY.matcher(codesPage);
		assertThat(matcher.find()).isTrue();
		String recovery = matcher.group(1);
		assertThat(jdbc.queryForList("select code_hash from acc_recovery_code where user_id = ?", String.class,
				account.id())).hasSize(SecondFactors.RECOVERY_CODES).noneMatch(hash -> hash.contains(recovery.replace("-", "")));

		MockHttpSession next = login(account, "/login/factor");
		mvc.perform(post("/login/factor").session(next).with(csrf()).param("code", recovery.toUpperCase()))
			.andExpect(redirectedUrl("/"));
		MockHttpSession again = login(account, "/login/factor");
		mvc.perform(post("/login/factor").session(again).with(csrf()).param("code", recovery))
			.andExpect(content().string(Matchers.containsString("动态口令不正确")));
		assertThat(factors.recoveryCodesLeft(account.id())).isEqualTo(SecondFactors.RECOVERY_CODES - 1);
	}

	@Test
	void wrongCodesCountTowardsTheLockoutAndEndTheHalfOpenSession() throws Exception {
		AccountFixtures.Account account = fixtures.ready("codelock", Role.STAFF);
		enrol(login(account, "/"));
		MockHttpSession session = login(account, "/login/factor");
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/login/factor").session(session).with(csrf()).param("code", "12345" + i))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/login/factor").session(session).with(csrf()).param("code", "999999"))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(session.isInvalid()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ACCOUNT_LOCKED' and actor = ?",
				Integer.class, account.username())).isEqualTo(1);
		mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
	}

	@Test
	void theRolesOfTheSettingsMustEnrolAtLoginWhenEnforcedAndTheDemoProfileLogsInInOneStep() throws Exception {
		AccountFixtures.Account editor = fixtures.ready("editor", Role.OFFICE_EDITOR);
		AccountFixtures.Account staff = fixtures.ready("plain", Role.STAFF);
		// test/demo profile: not enforced, one-step logins
		login(editor, "/");
		settings.enforceFactor(true);
		assertThat(settings.factorRoles()).contains(Role.ADMIN, Role.BUREAU_LEADER, Role.LEADER_IN_CHARGE,
				Role.OFFICE_EDITOR, Role.PERSONNEL);
		login(staff, "/");
		MockHttpSession session = login(editor, "/account/factor");
		mvc.perform(get("/reporting/items").session(session)).andExpect(redirectedUrl("/account/factor"));
		String page = mvc.perform(get("/account/factor").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"factor-forced\"");
		String secret = secretOf(page);
		mvc.perform(post("/account/factor").session(session).with(csrf())
			.param("code", Totp.code(secret, Totp.step(Instant.now(clock))))).andExpect(status().isOk());
		mvc.perform(post("/account/factor/continue").session(session).with(csrf())).andExpect(redirectedUrl("/"));
		mvc.perform(get("/reporting/items").session(session)).andExpect(status().isOk());
	}

	@Test
	void theAdministratorResetsAFactorAuditedAndTheUserEnrolsAgain() throws Exception {
		AccountFixtures.Account user = fixtures.ready("lost", Role.STAFF);
		MockHttpSession session = login(user, "/");
		enrol(session);
		MockHttpSession open = login(user, "/login/factor");
		AccountFixtures.Account admin = fixtures.ready("secadm", Role.SECURITY_ADMIN);
		mvc.perform(post("/admin/security/users/{id}/reset-factor", user.id())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(fixtures.principal(admin.username())))
			.with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(factors.enrolled(user.id())).isFalse();
		assertThat(lastAudit(null, "FACTOR_RESET")).contains(user.username());
		mvc.perform(get("/").session(open)).andExpect(redirectedUrl("/login?expired"));
		login(user, "/");
	}

	@Test
	void theSettingsAreEditedByTheSecurityAdministratorAndAudited() throws Exception {
		AccountFixtures.Account admin = fixtures.ready("setter", Role.SECURITY_ADMIN);
		var principal = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(fixtures.principal(admin.username()));
		var before = settings.factorRoles();
		int sessionsBefore = settings.maxSessions();
		try {
			mvc.perform(post("/admin/security").with(principal).with(csrf()).param("factorRoles", "ADMIN", "STAFF")
				.param("maxSessions", "3")).andExpect(redirectedUrl("/admin/security"));
			assertThat(settings.factorRoles()).containsExactlyInAnyOrder(Role.ADMIN, Role.STAFF);
			assertThat(settings.maxSessions()).isEqualTo(3);
			assertThat(lastAudit(null, "SECURITY_SETTINGS_CHANGED")).contains("3");
			mvc.perform(post("/admin/security").with(principal).with(csrf()).param("maxSessions", "0"));
			assertThat(settings.maxSessions()).isEqualTo(3);
		}
		finally {
			settings.update(EnumSet.copyOf(before), sessionsBefore);
		}
	}

	// ---- helpers -------------------------------------------------------------------------------

	MockHttpSession login(AccountFixtures.Account account, String expectedTarget) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl(expectedTarget))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/** Enrols through the pages: reads the secret shown, confirms with the current code; returns the secret. */
	String enrol(MockHttpSession session) throws Exception {
		String page = mvc.perform(get("/account/factor").session(session)).andReturn().getResponse().getContentAsString();
		String secret = secretOf(page);
		mvc.perform(get("/account/factor/qr.png").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/png"));
		mvc.perform(post("/account/factor").session(session).with(csrf()).param("code", "000000"))
			.andExpect(content().string(Matchers.containsString("动态口令不正确")));
		mvc.perform(post("/account/factor").session(session).with(csrf())
			.param("code", Totp.code(secret, Totp.step(Instant.now(clock)))))
			.andExpect(content().string(Matchers.containsString("恢复码")));
		return secret;
	}

	static String secretOf(String page) {
		Matcher matcher = SECRET.matcher(page);
		assertThat(matcher.find()).as("the secret is shown").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	String lastAudit(String actor, String action) {
		List<String> summaries = actor == null
				? jdbc.queryForList("select summary from audit_entry where action = ? order by seq desc", String.class, action)
				: jdbc.queryForList("select summary from audit_entry where action = ? and actor = ? order by seq desc",
						String.class, action, actor);
		return summaries.isEmpty() ? null : summaries.get(0);
	}

}
