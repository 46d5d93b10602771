package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;

/**
 * On the first start of an empty installation (no account at all), creates the one administrator
 * account {@code admin} with a random password, printed once; it must be changed at first login.
 * Runs after the demo data ({@link DemoAccounts}), which brings its own accounts.
 */
@Component
@Order(100)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder encoder;

	private final PasswordGenerator passwords;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final AccountUserDetailsService users;

	AdminBootstrap(UserAccountRepository accounts, PasswordEncoder encoder, PasswordGenerator passwords,
			AuditTrail audit, Texts texts, Clock clock, AccountUserDetailsService users) {
		this.users = users;
		this.accounts = accounts;
		this.encoder = encoder;
		this.passwords = passwords;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		String password = passwords.generate();
		UserAccount admin = new UserAccount("admin", texts.get("account.bootstrap.adminName"), encoder.encode(password),
				Instant.now(clock));
		// administrators separated (三员分立): the first account is the security administrator, who creates the system
		// and the audit administrators
		admin.setRoles(EnumSet.of(users.separateAdministrators() ? Role.SECURITY_ADMIN : Role.ADMIN));
		accounts.save(admin);
		audit.record(AuditRecord.success("ACCOUNT_CREATED", "UserAccount", admin.getId(),
				texts.get("account.bootstrap.audit")).by("system"));
		System.out.println(texts.get("account.bootstrap.banner", password));
		log.info("Initial administrator account 'admin' created; its password was printed once on the console");
	}

}
