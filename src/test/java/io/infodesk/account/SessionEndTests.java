package io.infodesk.account;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

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
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;

/** Locking, disabling or changing an account ends its open sessions at once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class SessionEndTests {

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
	void disablingAnAccountEndsItsSession() throws Exception {
		AccountFixtures.Account account = fixtures.ready("ended", Role.STAFF);
		MockHttpSession session = login(account);
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		accounts.disable(account.id());
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("请重新登录")));
	}

	@Test
	void lockingOrChangingRolesEndsTheSessionButEditingTheNameDoesNot() throws Exception {
		AccountFixtures.Account account = fixtures.ready("locked", Role.STAFF);
		MockHttpSession first = login(account);
		accounts.update(account.id(), "新名字", null, Set.of(Role.STAFF));
		mvc.perform(get("/").session(first)).andExpect(status().isOk());
		accounts.lock(account.id());
		mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?expired"));
		accounts.unlock(account.id());

		MockHttpSession second = login(account);
		accounts.update(account.id(), "新名字", null, Set.of(Role.STAFF, Role.PUBLICIST));
		mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?expired"));
	}

	private MockHttpSession login(AccountFixtures.Account account) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(account.username()).password(AccountFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
