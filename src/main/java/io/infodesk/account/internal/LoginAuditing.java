package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;

/**
 * Counts failed logins, locks an account for 15 minutes after the 5th failure in a row, and
 * audits every login, failed login and lockout.
 */
@Component
class LoginAuditing {

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final UserAccountRepository accounts;

	private final AuditTrail audit;

	private final Clock clock;

	LoginAuditing(UserAccountRepository accounts, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		accounts.findByUsername(username).ifPresent(account -> {
			account.recordSuccessfulLogin(Instant.now(clock));
			audit.record(AuditRecord.success("LOGIN", "UserAccount", account.getId(), "登录成功").by(username));
		});
	}

	@EventListener
	@Transactional
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		var account = accounts.findByUsername(username);
		if (account.isEmpty()) {
			audit.record(AuditRecord.failure("LOGIN_FAILED", username, "登录失败：用户不存在"));
			return;
		}
		boolean locked = account.get().recordFailedLogin(Instant.now(clock), LOCK_DURATION);
		audit.record(AuditRecord.failure("LOGIN_FAILED", username, "登录失败：密码错误"));
		if (locked) {
			audit.record(AuditRecord.failure("ACCOUNT_LOCKED", username,
					"连续 " + io.infodesk.account.UserAccount.MAX_FAILED_ATTEMPTS + " 次登录失败，账户锁定 15 分钟"));
		}
	}

	@EventListener
	@Transactional
	public void onOtherFailure(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			return;
		}
		String username = String.valueOf(event.getAuthentication().getName());
		String reason = event instanceof AuthenticationFailureLockedEvent ? "登录失败：账户已锁定" : "登录失败：账户已停用";
		audit.record(AuditRecord.failure("LOGIN_FAILED", username, reason));
	}

}
