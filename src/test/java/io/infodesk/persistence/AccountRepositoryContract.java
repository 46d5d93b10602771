package io.infodesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.account.internal.UserAccountRepository;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.internal.PersonRepository;
import io.infodesk.organization.internal.UnitRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.Permissions;

/** Accounts with several roles, unique usernames and lockout state save and load alike on both databases. */
@Transactional
abstract class AccountRepositoryContract extends DatabaseContract {

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	UnitRepository units;

	@Autowired
	PersonRepository people;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AccountUserDetailsService userDetailsService;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	UserAccount account(String username, Role... roles) {
		UserAccount account = new UserAccount(username, "测试账户", passwordEncoder.encode("Demo@2026"), now());
		account.setRoles(roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
		return accounts.saveAndFlush(account);
	}

	@Test
	void savesAnAccountWithSeveralRolesAndFindsItByUsername() {
		String username = unique("office");
		UserAccount saved = account(username, Role.OFFICE_EDITOR, Role.PUBLICIST);
		entityManager.clear();

		UserAccount found = accounts.findByUsername(username).orElseThrow();
		assertThat(found.getId()).isEqualTo(saved.getId());
		assertThat(found.getRoles()).containsExactlyInAnyOrder(Role.OFFICE_EDITOR, Role.PUBLICIST);
		assertThat(found.isMustChangePassword()).isTrue();
		assertThat(passwordEncoder.matches("Demo@2026", found.getPasswordHash())).isTrue();
		assertThat(accounts.existsByUsername(username)).isTrue();
		assertThat(accounts.existsByUsername(username + "-x")).isFalse();
		assertThat(jdbc.queryForList("select role from acc_user_role where user_id = ? order by role", String.class,
				saved.getId()))
			.containsExactly("OFFICE_EDITOR", "PUBLICIST");
	}

	@Test
	void changingRolesReplacesTheStoredRoleRows() {
		UserAccount account = account(unique("staff"), Role.STAFF);
		account.setRoles(EnumSet.of(Role.UNIT_HEAD));
		accounts.flush();
		assertThat(jdbc.queryForList("select role from acc_user_role where user_id = ?", String.class, account.getId()))
			.containsExactly("UNIT_HEAD");
	}

	@Test
	void usernamesAreUnique() {
		String username = unique("leader");
		account(username, Role.BUREAU_LEADER);
		assertThatThrownBy(() -> account(username, Role.STAFF)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aRoleIsStoredOnlyOncePerAccount() {
		UserAccount account = account(unique("dup"), Role.STAFF);
		assertThatThrownBy(() -> jdbc.update("insert into acc_user_role (user_id, role) values (?, 'STAFF')",
				account.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void lockoutStateSurvivesTheRoundTrip() {
		UserAccount account = account(unique("locked"), Role.STAFF);
		Instant now = now();
		for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS - 1; i++) {
			assertThat(account.recordFailedLogin(now, Duration.ofMinutes(15))).isFalse();
		}
		assertThat(account.recordFailedLogin(now, Duration.ofMinutes(15))).isTrue();
		accounts.flush();
		entityManager.clear();

		UserAccount reloaded = accounts.findById(account.getId()).orElseThrow();
		assertThat(reloaded.getLockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
		assertThat(reloaded.isLockedAt(now.plusSeconds(14 * 60))).isTrue();
		assertThat(reloaded.isLockedAt(now.plusSeconds(15 * 60))).isFalse();
		assertThat(reloaded.getFailedAttempts()).isZero();
	}

	@Test
	void theUserDetailsServiceBuildsThePrincipalFromAccountPersonAndUnit() {
		Unit unit = units.saveAndFlush(new Unit(unique("物业管理科"), UnitType.SECTION, now()));
		Person person = people.saveAndFlush(new Person("赵雪", unit.getId(), now()));
		UserAccount account = account(unique("publicist"), Role.PUBLICIST, Role.UNIT_HEAD);
		account.setPersonId(person.getId());
		accounts.flush();
		entityManager.clear();

		AuthenticatedUser user = (AuthenticatedUser) userDetailsService.loadUserByUsername(account.getUsername());
		assertThat(user.userId()).isEqualTo(account.getId());
		assertThat(user.personId()).isEqualTo(person.getId());
		assertThat(user.unitId()).isEqualTo(unit.getId());
		assertThat(user.unitName()).isEqualTo(unit.getName());
		assertThat(user.roles()).containsExactlyInAnyOrder("PUBLICIST", "UNIT_HEAD");
		java.util.Set<String> granted = new java.util.HashSet<>(Role.PUBLICIST.permissions());
		granted.addAll(Role.UNIT_HEAD.permissions());
		assertThat(user.permissions()).contains(Permissions.DASHBOARD_VIEW, Permissions.ORG_VIEW)
			.containsExactlyInAnyOrderElementsOf(granted);
		assertThat(user.mustChangePassword()).isTrue();
		assertThat(user.isAccountNonLocked()).isTrue();
	}

}
