package io.infodesk.support;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.account.internal.UserAccountRepository;

/**
 * The demo logins of the README (profile {@code demo}; password {@value #PASSWORD}). The account module's demo
 * data creates them with their people; {@link #ensure} creates a missing one without a person, so that a
 * journey also runs where the demo data is not there.
 */
public final class DemoLogins {

	public static final String PASSWORD = "Demo@2026";

	private DemoLogins() {
	}

	/** Makes sure the demo account exists and can log in without first changing its password. */
	public static void ensure(ApplicationContext context, String username, String displayName, Role... roles) {
		UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
		PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
		Clock clock = context.getBean(Clock.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
			if (accounts.existsByUsername(username)) {
				return;
			}
			Instant now = Instant.now(clock);
			UserAccount account = new UserAccount(username, displayName, encoder.encode(PASSWORD), now);
			account.setRoles(EnumSet.of(roles[0], roles));
			account.changePassword(account.getPasswordHash(), false, now);
			accounts.save(account);
		});
	}

}
