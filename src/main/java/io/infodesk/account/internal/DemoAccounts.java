package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.Role;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.text.Texts;

/**
 * Demo profile: one account per role, linked to the demo people of the organisation (created by
 * the organisation's demo data, which runs first at order 10), all with the password
 * {@value #PASSWORD} and no forced change. Runs only while there is no account at all; a person
 * that cannot be found leaves the account without a person instead of failing the start.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	/** One demo login: its person is looked up by unit and name (both null for the administrator). */
	record DemoLogin(String username, Role role, String unitName, String personName, String displayName) {
	}

	static final List<DemoLogin> LOGINS = List.of(
			new DemoLogin("admin", Role.ADMIN, null, null, "系统管理员"),
			new DemoLogin("leader", Role.BUREAU_LEADER, "局领导班子", "张建国", "张建国"),
			new DemoLogin("charge", Role.LEADER_IN_CHARGE, "局领导班子", "李明华", "李明华"),
			new DemoLogin("office", Role.OFFICE_EDITOR, "办公室", "周敏", "周敏"),
			new DemoLogin("personnel", Role.PERSONNEL, "组织人事科", "吴静", "吴静"),
			new DemoLogin("head", Role.UNIT_HEAD, "物业管理科", "孙伟", "孙伟"),
			new DemoLogin("publicist", Role.PUBLICIST, "物业管理科", "赵雪", "赵雪"),
			new DemoLogin("staff", Role.STAFF, "物业管理科", "钱进", "钱进"),
			new DemoLogin("head2", Role.UNIT_HEAD, "住房保障科", "傅强", "傅强"),
			new DemoLogin("publicist2", Role.PUBLICIST, "住房保障科", "曾晓", "曾晓"),
			// 三员分立 (issue 17): the security and the audit administrator
			new DemoLogin("security", Role.SECURITY_ADMIN, null, null, "安全管理员"),
			new DemoLogin("auditor", Role.AUDIT_ADMIN, null, null, "审计管理员"));

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final UserAccountRepository accounts;

	private final Organization organization;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	DemoAccounts(UserAccountRepository accounts, Organization organization, PasswordEncoder encoder, AuditTrail audit,
			Texts texts, Clock clock) {
		this.accounts = accounts;
		this.organization = organization;
		this.encoder = encoder;
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
		Instant now = Instant.now(clock);
		String hash = encoder.encode(PASSWORD);
		for (DemoLogin login : LOGINS) {
			UserAccount account = new UserAccount(login.username(), login.displayName(), hash, now);
			account.changePassword(hash, false, now);
			account.setRoles(EnumSet.of(login.role()));
			if (login.personName() != null) {
				organization.personNamed(login.unitName(), login.personName())
					.map(Person::getId)
					.ifPresentOrElse(account::setPersonId, () -> log.warn(
							"Demo person {} of {} not found: account '{}' is created without a person",
							login.personName(), login.unitName(), login.username()));
			}
			accounts.save(account);
			audit.record(AuditRecord.success("ACCOUNT_CREATED", "UserAccount", account.getId(),
					texts.get("account.demo.audit", login.username()))
				.by("system"));
		}
		log.info("Demo accounts created: {}", LOGINS.stream().map(DemoLogin::username).toList());
	}

}
