package io.infodesk.account;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Creates accounts for tests through the real {@link Accounts} service, and people and units
 * directly in the organisation's tables (so that account tests do not depend on organisation code).
 */
public class AccountFixtures {

	public static final String PASSWORD = "Tested#2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Accounts accounts;

	private final AccountUserDetailsService users;

	private final JdbcTemplate jdbc;

	public AccountFixtures(Accounts accounts, AccountUserDetailsService users, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** A fresh username with the given prefix, unique within the test run. */
	public static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	/** An account as an administrator creates it: initial password, change forced at first login. */
	public IssuedPassword created(String username, Role... roles) {
		return accounts.create(username, username, null, EnumSet.of(roles[0], roles));
	}

	/** An account that has changed its initial password to {@link #PASSWORD} and can work at once. */
	public Account ready(String prefix, Role... roles) {
		String username = unique(prefix);
		IssuedPassword issued = created(username, roles);
		accounts.changeOwnPassword(issued.accountId(), issued.password(), PASSWORD, PASSWORD);
		return new Account(issued.accountId(), username);
	}

	/** The principal of the account as the real login builds it. */
	public AuthenticatedUser principal(String username) {
		return (AuthenticatedUser) users.loadUserByUsername(username);
	}

	public long unit(String name) {
		jdbc.update("insert into org_unit (name, type, sort_order, active, created_at, updated_at, version) "
				+ "values (?, 'SECTION', 0, true, current_timestamp, current_timestamp, 0)", name);
		return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
	}

	public long person(String name, long unitId) {
		jdbc.update("insert into org_person (name, unit_id, sort_order, active, created_at, updated_at, version) "
				+ "values (?, ?, 0, true, current_timestamp, current_timestamp, 0)", name, unitId);
		return jdbc.queryForObject("select max(id) from org_person where name = ? and unit_id = ?", Long.class, name,
				unitId);
	}

	public void deactivatePersonRow(long personId) {
		jdbc.update("update org_person set active = false where id = ?", personId);
	}

	public Set<Role> rolesOf(long accountId) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.queryForList("select role from acc_user_role where user_id = ?", String.class, accountId)
			.forEach(role -> roles.add(Role.valueOf(role)));
		return roles;
	}

	/** An account with its username. */
	public record Account(long id, String username) {
	}

}
