package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.Role;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;

/**
 * The administrator's security settings (issue 17), one row of {@code acc_security_settings}, changes audited: which
 * roles must log in with the second factor, and how many sessions one account may hold at once. Whether the role rule
 * is enforced at all is the installation's ({@code infodesk.security.second-factor.enforced}: on by default, off in
 * the demo and test profiles, whose demo logins stay one-step); an account that enrolled a factor always uses it.
 */
@Service
public class SecuritySettings {

	public static final int MAX_SESSIONS_LIMIT = 10;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private volatile boolean enforced;

	SecuritySettings(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock,
			@Value("${infodesk.security.second-factor.enforced:true}") boolean enforced) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.enforced = enforced;
	}

	/** Whether the roles of {@link #factorRoles()} must use the second factor (the installation's setting). */
	public boolean factorEnforced() {
		return enforced;
	}

	/** Turns the role rule on or off at run time (tests; an operator's switch is the configuration property). */
	public void enforceFactor(boolean on) {
		this.enforced = on;
	}

	@Transactional(readOnly = true)
	public Set<Role> factorRoles() {
		String stored = jdbc.queryForObject("select factor_roles from acc_security_settings where id = 1", String.class);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(stored.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(name -> {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ignored) {
				// a role that no longer exists
			}
		});
		return roles;
	}

	@Transactional(readOnly = true)
	public int maxSessions() {
		return jdbc.queryForObject("select max_sessions from acc_security_settings where id = 1", Integer.class);
	}

	/** Changes both settings (audited with before and after); 1 to {@value #MAX_SESSIONS_LIMIT} sessions. */
	@Transactional
	public void update(Set<Role> factorRoles, Integer maxSessions) {
		if (maxSessions == null || maxSessions < 1 || maxSessions > MAX_SESSIONS_LIMIT) {
			throw new AccountRuleViolation("maxSessions", "account.security.maxSessions.range",
					String.valueOf(MAX_SESSIONS_LIMIT));
		}
		Set<Role> roles = factorRoles == null || factorRoles.isEmpty() ? EnumSet.noneOf(Role.class)
				: EnumSet.copyOf(factorRoles);
		Set<Role> before = factorRoles();
		int sessionsBefore = maxSessions();
		if (before.equals(roles) && sessionsBefore == maxSessions) {
			return;
		}
		jdbc.update("update acc_security_settings set factor_roles = ?, max_sessions = ?, updated_at = ? where id = 1",
				roles.stream().map(Role::name).collect(Collectors.joining(",")), maxSessions, Instant.now(clock));
		audit.record(AuditRecord.success("SECURITY_SETTINGS_CHANGED", "SecuritySettings", 1,
				texts.get("account.audit.securitySettings", labels(before), labels(roles), String.valueOf(sessionsBefore),
						String.valueOf(maxSessions))));
	}

	private String labels(Set<Role> roles) {
		if (roles.isEmpty()) {
			return texts.get("account.roles.none");
		}
		return roles.stream().map(role -> texts.get("role." + role.name())).collect(Collectors.joining("、"));
	}

}
