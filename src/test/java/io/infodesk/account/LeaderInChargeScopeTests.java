package io.infodesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.time.TimeConfiguration;

/** A leader in charge sees a unit only on the days their assignment is in force. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class LeaderInChargeScopeTests {

	@Autowired
	DataScopes dataScopes;

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

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		clock.reset();
	}

	@Test
	void seesTheUnitsInChargeOnlyWhileTheAssignmentIsInForce() {
		long leadership = fixtures.unit(AccountFixtures.unique("局领导班子-"));
		long property = fixtures.unit(AccountFixtures.unique("物业管理科-"));
		long housing = fixtures.unit(AccountFixtures.unique("住房保障科-"));
		long leader = fixtures.person("李明华", leadership);
		// in charge of property management for the first half of 2026, of housing from July on
		assign(leader, property, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
		assign(leader, housing, LocalDate.of(2026, 7, 1), null);
		String username = AccountFixtures.unique("charge");
		accounts.create(username, "李明华", leader, java.util.Set.of(Role.LEADER_IN_CHARGE));
		AuthenticatedUser charge = fixtures.principal(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(charge, null, charge.getAuthorities()));

		on(2025, 12, 31);
		assertThat(dataScopes.current().includes(property)).isFalse();
		assertThat(dataScopes.current().includes(housing)).isFalse();
		assertThat(dataScopes.current().includes(leadership)).isTrue();

		on(2026, 1, 1);
		assertThat(dataScopes.current().includes(property)).isTrue();
		on(2026, 6, 30);
		assertThat(dataScopes.current().includes(property)).isTrue();
		assertThat(dataScopes.current().includes(housing)).isFalse();

		on(2026, 7, 1);
		assertThat(dataScopes.current().includes(property)).isFalse();
		assertThat(dataScopes.current().includes(housing)).isTrue();
	}

	private void on(int year, int month, int day) {
		clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, TimeConfiguration.ZONE).toInstant());
	}

	private void assign(long leader, long unit, LocalDate start, LocalDate end) {
		jdbc.update("insert into org_leader_assignment (leader_id, unit_id, start_date, end_date, created_at) "
				+ "values (?, ?, ?, ?, current_timestamp)", leader, unit, start, end);
	}

}
