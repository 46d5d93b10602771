package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;
import static io.infodesk.shared.time.JdbcTime.instant;
import static io.infodesk.shared.time.JdbcTime.utc;

/**
 * Login-failure handling of GB/T 22239-2019 level 3 (PRACTICE.md, "Compliance"): counts failed logins (wrong
 * password, wrong second-factor code, wrong current password on the password page), locks an account for
 * {@link #LOCK_DURATION} after the {@value UserAccount#MAX_FAILED_ATTEMPTS}th failure in a row (a completed login
 * resets the count; the lock ends by the {@link Clock}), and audits every login, failed login and lockout with the
 * username typed and the outcome. The counting is one atomic SQL update per failure, never a read-modify-write of the
 * versioned entity: parallel failures are all counted and none ends in an optimistic-locking error (finding 4).
 * A login is complete (audited LOGIN, count reset, last login kept) only after the second factor where one is needed.
 */
@Component
public class LoginAuditing {

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private static final String ENTITY = "UserAccount";

	private final UserAccountRepository accounts;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final Texts texts;

	private final Clock clock;

	LoginAuditing(UserAccountRepository accounts, JdbcTemplate jdbc, AuditTrail audit, LoginThrottle throttle,
			Texts texts, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
		this.throttle = throttle;
		this.texts = texts;
		this.clock = clock;
	}

	/** What the user is shown after logging in (GB/T 22239: users notice misuse of their account). */
	public record PreviousLogin(Instant lastLoginAt, String lastLoginIp, int failuresSince, Instant lastFailedAt,
			String lastFailedIp) {
	}

	/**
	 * A login completed (password, and the second factor where needed): resets the failure count, keeps time and
	 * address, audits LOGIN; returns the previous login and the failures since, to be shown.
	 */
	@Transactional
	public PreviousLogin completed(long userId, String username, boolean withFactor) {
		List<Map<String, Object>> rows = jdbc.queryForList("select last_login_at, last_login_ip, failures_since_login, "
				+ "last_failed_at, last_failed_ip from acc_user where id = ?", userId);
		PreviousLogin previous = rows.isEmpty() ? new PreviousLogin(null, null, 0, null, null)
				: new PreviousLogin(instant(rows.get(0).get("LAST_LOGIN_AT")), (String) rows.get(0).get("LAST_LOGIN_IP"),
						((Number) rows.get(0).get("FAILURES_SINCE_LOGIN")).intValue(),
						instant(rows.get(0).get("LAST_FAILED_AT")), (String) rows.get(0).get("LAST_FAILED_IP"));
		jdbc.update("update acc_user set failed_attempts = 0, locked_until = null, failures_since_login = 0, "
				+ "last_login_at = ?, last_login_ip = ? where id = ?", utc(Instant.now(clock)), clientAddress(), userId);
		audit.record(AuditRecord.success("LOGIN", ENTITY, userId,
				texts.get(withFactor ? "account.audit.loginWithFactor" : "account.audit.login")).by(username));
		return previous;
	}

	/**
	 * A failure of an account that exists, counted and audited in its own transaction (it stays when the caller's
	 * transaction rolls back, e.g. the password page refusing a wrong current password). True when it locked the account.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean failed(long userId, String username, String summary) {
		Instant now = Instant.now(clock);
		String address = clientAddress();
		jdbc.update("update acc_user set failed_attempts = failed_attempts + 1, "
				+ "failures_since_login = failures_since_login + 1, last_failed_at = ?, last_failed_ip = ? where id = ?",
				utc(now), address, userId); // PostgreSQL's driver cannot bind an Instant
		boolean locked = jdbc.update("update acc_user set locked_until = ?, failed_attempts = failed_attempts - ? "
				+ "where id = ? and failed_attempts >= ?", utc(now.plus(LOCK_DURATION)), UserAccount.MAX_FAILED_ATTEMPTS, userId,
				UserAccount.MAX_FAILED_ATTEMPTS) == 1;
		throttle.failed(address);
		audit.record(failure("LOGIN_FAILED", userId, username, summary));
		if (locked) {
			audit.record(failure("ACCOUNT_LOCKED", userId, username, texts.get("account.audit.lockedAfterFailures",
					String.valueOf(UserAccount.MAX_FAILED_ATTEMPTS), String.valueOf(LOCK_DURATION.toMinutes()))));
		}
		return locked;
	}

	/** Logging out is audited too, so that a session's end is on the trail next to its start. */
	@EventListener
	@Transactional
	public void onLogout(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		accounts.findByUsername(username)
			.ifPresent(account -> audit.record(
					AuditRecord.success("LOGOUT", ENTITY, account.getId(), texts.get("account.audit.logout")).by(username)));
	}

	@EventListener
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		var found = accounts.findByUsername(username);
		if (found.isEmpty()) {
			unknown(username, texts.get("account.audit.loginUnknownUser"));
			return;
		}
		if (event.getException() instanceof ApiPasswordRefused) {
			audit.record(failure("LOGIN_FAILED", found.get().getId(), found.get().getUsername(),
					texts.get("account.audit.loginApiPasswordRefused")));
			return;
		}
		failed(found.get().getId(), found.get().getUsername(), texts.get("account.audit.loginBadPassword"));
	}

	@EventListener
	@Transactional
	public void onOtherFailure(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			return;
		}
		String username = String.valueOf(event.getAuthentication().getName());
		String reason = texts.get(event instanceof AuthenticationFailureLockedEvent ? "account.audit.loginLocked"
				: "account.audit.loginDisabled");
		var found = accounts.findByUsername(username);
		audit.record(found.isPresent() ? failure("LOGIN_FAILED", found.get().getId(), found.get().getUsername(), reason)
				: AuditRecord.failure("LOGIN_FAILED", truncate(username), reason));
	}

	@Transactional
	void unknown(String username, String summary) {
		throttle.failed(clientAddress());
		audit.record(AuditRecord.failure("LOGIN_FAILED", truncate(username), summary));
	}

	private static String truncate(String username) {
		return username.length() <= 50 ? username : username.substring(0, 50);
	}

	private static AuditRecord failure(String action, long userId, String username, String summary) {
		return new AuditRecord(action, ENTITY, String.valueOf(userId), summary, AuditRecord.Outcome.FAILURE, username);
	}

	static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
