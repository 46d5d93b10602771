package io.infodesk.account.internal;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Ends the sessions of an account that was locked, disabled, given other roles or a new password,
 * so the change takes effect at once instead of at the end of a 30-minute session. Uses the
 * in-memory {@link SessionRegistry} of this instance; with several instances the registry moves to
 * Spring Session (see ARCHITECTURE.md, scale-out plan).
 */
@Component
public class AccountSessions {

	private final SessionRegistry registry;

	AccountSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** Expires the account's sessions once the current transaction has committed (at once without one). */
	public void expireAfterCommit(long userId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					expire(userId);
				}
			});
		}
		else {
			expire(userId);
		}
	}

	void expire(long userId) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AuthenticatedUser user && user.userId() == userId) {
				registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

}
