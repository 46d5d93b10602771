package io.infodesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.organization.PersonChanged;

/** A person deactivated in the organisation loses their login (PersonChanged with active = false). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class DeactivatedPersonTests {

	@Autowired
	Accounts accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		clock.reset();
		fixtures = new AccountFixtures(accounts, users, jdbc);
	}

	@Test
	void theLinkedAccountIsDisabledAndTheChangeAudited() {
		long unit = fixtures.unit(AccountFixtures.unique("物业管理科-"));
		long person = fixtures.person("钱进", unit);
		String username = AccountFixtures.unique("qianjin");
		long id = accounts.create(username, "钱进", person, java.util.Set.of(Role.STAFF)).accountId();

		publish(new PersonChanged(person, unit, true));
		publish(new PersonChanged(person, unit, false));

		await().atMost(Duration.ofSeconds(10)).until(() -> !enabled(id));
		List<String> summaries = jdbc.queryForList(
				"select summary from audit_entry where action = 'ACCOUNT_DISABLED' and entity_id = ?", String.class,
				String.valueOf(id));
		assertThat(summaries).singleElement().asString().contains("钱进", username);
		assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'ACCOUNT_DISABLED' and entity_id = ?",
				String.class, String.valueOf(id))).isEqualTo("system");
	}

	@Test
	void theLastActiveAdministratorIsKeptAndTheRefusalAudited() {
		long unit = fixtures.unit(AccountFixtures.unique("办公室-"));
		long person = fixtures.person("管理员本人", unit);
		String username = AccountFixtures.unique("lastadmin");
		long id = accounts.create(username, "管理员本人", person, java.util.Set.of(Role.ADMIN)).accountId();
		List<Long> otherAdmins = jdbc.queryForList("select u.id from acc_user u join acc_user_role r on r.user_id = u.id "
				+ "where r.role = 'ADMIN' and u.enabled = true and u.id <> ?", Long.class, id);
		otherAdmins.forEach(other -> jdbc.update("update acc_user set enabled = false where id = ?", other));
		try {
			publish(new PersonChanged(person, unit, false));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject(
						"select count(*) from audit_entry where action = 'ACCOUNT_DISABLED' and entity_id = ? and outcome = 'FAILURE'",
						Integer.class, String.valueOf(id)) == 1);
			assertThat(enabled(id)).isTrue();
		}
		finally {
			otherAdmins.forEach(other -> jdbc.update("update acc_user set enabled = true where id = ?", other));
		}
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private boolean enabled(long id) {
		return jdbc.queryForObject("select enabled from acc_user where id = ?", Boolean.class, id);
	}

}
