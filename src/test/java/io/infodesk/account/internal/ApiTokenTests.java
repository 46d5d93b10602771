package io.infodesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.AccountFixtures;
import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;

/**
 * Per-user API tokens (issue 17): created on the page and shown once, hashed at rest, scoped (a READ token cannot
 * write), expiring, revocable; a privileged account is refused its password on the API (and such refusals never lock
 * it), and uses a token instead.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

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
	void aTokenIsShownOnceKeptAsAHashScopedExpiringAndRevocable() throws Exception {
		AccountFixtures.Account account = fixtures.ready("tok", Role.PUBLICIST);
		MockHttpSession session = login(account);
		String write = create(session, "脚本", "WRITE", 30);
		String read = create(session, "看板", "READ", 1);
		assertThat(write).startsWith("idt_");
		assertThat(jdbc.queryForList("select token_hash from acc_api_token where user_id = ?", String.class, account.id()))
			.hasSize(2)
			.noneMatch(hash -> hash.contains(write.substring(4)) || hash.contains(read.substring(4)));

		mvc.perform(get("/api/items").with(httpBasic(account.username(), read))).andExpect(status().isOk());
		mvc.perform(post("/api/items").with(httpBasic(account.username(), read)).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/items").with(httpBasic(account.username(), write)).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		// another user's name with this token: refused
		AccountFixtures.Account other = fixtures.ready("tok-other", Role.PUBLICIST);
		mvc.perform(get("/api/items").with(httpBasic(other.username(), write))).andExpect(status().isUnauthorized());

		clock.advance(Duration.ofDays(1).plusSeconds(1));
		mvc.perform(get("/api/items").with(httpBasic(account.username(), read))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/items").with(httpBasic(account.username(), write))).andExpect(status().isOk());

		session = login(account);
		long writeId = jdbc.queryForObject("select id from acc_api_token where user_id = ? and scope = 'WRITE'", Long.class,
				account.id());
		mvc.perform(post("/account/tokens/{id}/revoke", writeId).session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/tokens"));
		mvc.perform(get("/api/items").with(httpBasic(account.username(), write))).andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action in ('API_TOKEN_CREATED', "
				+ "'API_TOKEN_REVOKED') and summary like ?", Integer.class, "%" + account.username() + "%")).isEqualTo(3);
		assertThat(mvc.perform(get("/account/tokens").session(session)).andReturn().getResponse().getContentAsString())
			.contains("脚本", "看板", "已失效").doesNotContain(write);
	}

	@Test
	void aPrivilegedAccountMustUseATokenAndItsRefusedPasswordsNeverLockIt() throws Exception {
		AccountFixtures.Account editor = fixtures.ready("apieditor", Role.OFFICE_EDITOR);
		MockHttpSession session = login(editor);
		String token = create(session, "对接", "READ", 30);
		mvc.perform(get("/api/items").with(httpBasic(editor.username(), AccountFixtures.PASSWORD)))
			.andExpect(status().isOk());
		settings.enforceFactor(true);
		for (int i = 0; i < 7; i++) {
			mvc.perform(get("/api/items").with(httpBasic(editor.username(), "Wrong#pass" + i)))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/items").with(httpBasic(editor.username(), AccountFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject("select failed_attempts from acc_user where id = ?", Integer.class, editor.id()))
			.isZero();
		mvc.perform(get("/api/items").with(httpBasic(editor.username(), token))).andExpect(status().isOk());
		// an unprivileged account keeps its password on the API
		AccountFixtures.Account publicist = fixtures.ready("apipub", Role.PUBLICIST);
		mvc.perform(get("/api/items").with(httpBasic(publicist.username(), AccountFixtures.PASSWORD)))
			.andExpect(status().isOk());
	}

	private String create(MockHttpSession session, String name, String scope, int days) throws Exception {
		return (String) mvc
			.perform(post("/account/tokens").session(session).with(csrf()).param("name", name).param("scope", scope)
				.param("days", String.valueOf(days)))
			.andExpect(redirectedUrl("/account/tokens"))
			.andExpect(flash().attributeExists("issuedToken"))
			.andReturn()
			.getFlashMap()
			.get("issuedToken");
	}

	private MockHttpSession login(AccountFixtures.Account account) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
