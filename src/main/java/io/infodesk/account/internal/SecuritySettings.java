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

	/** The password policy's bounds: GB/T 22239 keeps at least 8 characters and 3 classes; 64 is BCrypt's limit. */
	public static final int MIN_LENGTH_FLOOR = 8;

	public static final int MIN_LENGTH_CEILING = 32;

	public static final int MAX_HISTORY = 24;

	public static final int MAX_EXPIRY_DAYS = 365;

	/**
	 * The password policy (issue 17, GB/T 22239 8.1.4.1 a): at least {@code minLength} characters of at least
	 * {@code minClasses} of the four classes, none of the newest {@code history} former passwords, changed every
	 * {@code expiryDays} days (0: never).
	 */
	public record PasswordRules(int minLength, int minClasses, int history, int expiryDays) {

		public static final PasswordRules DEFAULT = new PasswordRules(8, 3, 5, 90);

	}

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private volatile boolean enforced;

	private volatile boolean expiryEnforced;

	SecuritySettings(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock,
			@Value("${infodesk.security.second-factor.enforced:true}") boolean enforced,
			@Value("${infodesk.security.password.expiry-enforced:true}") boolean expiryEnforced) {
		this.expiryEnforced = expiryEnforced;
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

	/**
	 * Whether the password expiry of {@link #passwordRules()} applies (the installation's setting
	 * {@code infodesk.security.password.expiry-enforced}: on by default, off in the test profile).
	 */
	public boolean expiryEnforced() {
		return expiryEnforced;
	}

	/** Turns the expiry on or off at run time (tests). */
	public void enforceExpiry(boolean on) {
		this.expiryEnforced = on;
	}

	@Transactional(readOnly = true)
	public PasswordRules passwordRules() {
		return jdbc.queryForObject("select password_min_length, password_min_classes, password_history, "
				+ "password_expiry_days from acc_security_settings where id = 1",
				(rs, n) -> new PasswordRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
	}

	/**
	 * Changes the password policy (audited with before and after): length {@value #MIN_LENGTH_FLOOR} to
	 * {@value #MIN_LENGTH_CEILING}, 3 or 4 classes, 0 to {@value #MAX_HISTORY} former passwords, expiry 0 (never) to
	 * {@value #MAX_EXPIRY_DAYS} days. Nothing is saved when one value is out of range.
	 */
	@Transactional
	public void updatePasswordRules(Integer minLength, Integer minClasses, Integer history, Integer expiryDays) {
		if (minLength == null || minLength < MIN_LENGTH_FLOOR || minLength > MIN_LENGTH_CEILING) {
			throw new AccountRuleViolation("passwordMinLength", "account.security.password.minLength.range",
					String.valueOf(MIN_LENGTH_FLOOR), String.valueOf(MIN_LENGTH_CEILING));
		}
		if (minClasses == null || minClasses < 3 || minClasses > 4) {
			throw new AccountRuleViolation("passwordMinClasses", "account.security.password.minClasses.range");
		}
		if (history == null || history < 0 || history > MAX_HISTORY) {
			throw new AccountRuleViolation("passwordHistory", "account.security.password.history.range",
					String.valueOf(MAX_HISTORY));
		}
		if (expiryDays == null || expiryDays < 0 || expiryDays > MAX_EXPIRY_DAYS) {
			throw new AccountRuleViolation("passwordExpiryDays", "account.security.password.expiry.range",
					String.valueOf(MAX_EXPIRY_DAYS));
		}
		PasswordRules before = passwordRules();
		PasswordRules after = new PasswordRules(minLength, minClasses, history, expiryDays);
		if (before.equals(after)) {
			return;
		}
		jdbc.update("update acc_security_settings set password_min_length = ?, password_min_classes = ?, "
				+ "password_history = ?, password_expiry_days = ?, updated_at = ? where id = 1", minLength, minClasses,
				history, expiryDays, Instant.now(clock));
		audit.record(AuditRecord.success("PASSWORD_POLICY_CHANGED", "SecuritySettings", 1,
				texts.get("account.audit.passwordPolicy", describe(before), describe(after))));
	}

	private String describe(PasswordRules rules) {
		return texts.get("account.security.password.summary", String.valueOf(rules.minLength()),
				String.valueOf(rules.minClasses()), String.valueOf(rules.history()), String.valueOf(rules.expiryDays()));
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
