package io.infodesk.account.internal;

import java.security.SecureRandom;
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

/**
 * On the first start of an empty installation (no account at all), creates the one administrator
 * account {@code admin} with a random password, printed once; it must be changed at first login.
 * Runs after the demo data, which brings its own accounts.
 */
@Component
@Order(100)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final UserAccountRepository accounts;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	AdminBootstrap(UserAccountRepository accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		String password = randomPassword();
		UserAccount admin = new UserAccount("admin", "系统管理员", encoder.encode(password), Instant.now(clock));
		admin.setRoles(EnumSet.of(Role.ADMIN));
		accounts.save(admin);
		audit.record(AuditRecord.success("ACCOUNT_CREATED", "UserAccount", admin.getId(), "首次启动创建管理员账户 admin")
			.by("system"));
		String banner = """

				========================================================================
				 InfoDesk 首次启动：已创建管理员账户（仅显示这一次）
				   用户名: admin
				   初始密码: %s
				 首次登录后必须修改密码。
				========================================================================
				""".formatted(password);
		System.out.println(banner);
		log.info("Initial administrator account 'admin' created; its password was printed once on the console");
	}

	static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		// guarantee the policy's character classes: upper, lower, digit, symbol
		password.append(ALPHABET.charAt(random.nextInt(24)));
		password.append(ALPHABET.charAt(24 + random.nextInt(24)));
		password.append((char) ('2' + random.nextInt(8)));
		password.append("#@%&".charAt(random.nextInt(4)));
		for (int i = 0; i < 10; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
