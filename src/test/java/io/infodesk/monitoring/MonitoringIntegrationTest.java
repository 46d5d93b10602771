package io.infodesk.monitoring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Base of the monitoring module's integration tests: the same Spring context as reporting's (whole application, H2
 * in memory, demo organisation and accounts, a clock the tests set, MockMvc), so no new context is started.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
@Import(MutableClockConfiguration.class)
public abstract class MonitoringIntegrationTest {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccountUserDetailsService users;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void resetClock() {
		clock.reset();
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	protected AuthenticatedUser user(String username) {
		return (AuthenticatedUser) users.loadUserByUsername(username);
	}

	protected AuthenticatedUser logIn(String username) {
		AuthenticatedUser user = user(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	protected static RequestPostProcessor as(AuthenticatedUser user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user);
	}

}
