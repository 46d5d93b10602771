package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;

/** Loads an account with its unit, roles and permission strings into an {@link AuthenticatedUser}. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final Organization organization;

	private final Clock clock;

	private final boolean separateAdministrators;

	AccountUserDetailsService(UserAccountRepository accounts, Organization organization, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${infodesk.security.separate-administrators:true}") boolean separateAdministrators) {
		this.accounts = accounts;
		this.organization = organization;
		this.clock = clock;
		this.separateAdministrators = separateAdministrators;
	}

	/** Whether the system administrator's user management and audit permissions are withheld (三员分立). */
	public boolean separateAdministrators() {
		return separateAdministrators;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
		return toUser(account);
	}

	/** The principal of a username, if the account exists. */
	@Transactional(readOnly = true)
	public java.util.Optional<AuthenticatedUser> findUser(String username) {
		return accounts.findByUsername(username).map(this::toUser);
	}

	public AuthenticatedUser toUser(UserAccount account) {
		Long unitId = null;
		String unitName = null;
		if (account.getPersonId() != null) {
			Person person = organization.person(account.getPersonId()).orElse(null);
			if (person != null) {
				unitId = person.getUnitId();
				unitName = organization.unit(unitId).map(Unit::getName).orElse(null);
			}
		}
		Set<String> roles = account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
		Set<String> permissions = account.getRoles()
			.stream()
			.flatMap(role -> role.permissions()
				.stream()
				.filter(permission -> !(separateAdministrators && role == Role.ADMIN
						&& Role.SEPARATED_FROM_ADMIN.contains(permission))))
			.collect(Collectors.toSet());
		return new AuthenticatedUser(account.getId(), account.getUsername(), account.getPasswordHash(),
				account.getDisplayName(), account.getPersonId(), unitId, unitName, roles, permissions,
				account.isEnabled(), account.isLockedAt(Instant.now(clock)), account.isMustChangePassword());
	}

}
