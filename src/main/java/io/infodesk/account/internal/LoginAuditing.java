package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;

/**
 * Login-failure handling of GB/T 22239-2019 level 3 (PRACTICE.md, "Compliance"): counts failed
 * logins, locks an account for {@link #LOCK_DURATION} after the {@value UserAccount#MAX_FAILED_ATTEMPTS}th
 * failure in a row (a successful login resets the count; the lock ends by the {@link Clock}), and
 * audits every login, failed login and lockout with the username typed and the outcome.
 */
@Component
class LoginAuditing {

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private static final String ENTITY = "UserAccount";

	private final UserAccountRepository accounts;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	LoginAuditing(UserAccountRepository accounts, AuditTrail audit, Texts texts, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		accounts.findByUsername(username).ifPresent(account -> {
			account.recordSuccessfulLogin(Instant.now(clock));
			audit.record(AuditRecord.success("LOGIN", ENTITY, account.getId(), texts.get("account.audit.login"))
				.by(username));
		});
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
	@Transactional
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		var found = accounts.findByUsername(username);
		if (found.isEmpty()) {
			audit.record(AuditRecord.failure("LOGIN_FAILED", username, texts.get("account.audit.loginUnknownUser")));
			return;
		}
		UserAccount account = found.get();
		boolean locked = account.recordFailedLogin(Instant.now(clock), LOCK_DURATION);
		audit.record(failure("LOGIN_FAILED", account, texts.get("account.audit.loginBadPassword")));
		if (locked) {
			audit.record(failure("ACCOUNT_LOCKED", account, texts.get("account.audit.lockedAfterFailures",
					String.valueOf(UserAccount.MAX_FAILED_ATTEMPTS), String.valueOf(LOCK_DURATION.toMinutes()))));
		}
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
		audit.record(found.isPresent() ? failure("LOGIN_FAILED", found.get(), reason)
				: AuditRecord.failure("LOGIN_FAILED", username, reason));
	}

	private static AuditRecord failure(String action, UserAccount account, String summary) {
		return new AuditRecord(action, ENTITY, String.valueOf(account.getId()), summary, AuditRecord.Outcome.FAILURE,
				account.getUsername());
	}

}
