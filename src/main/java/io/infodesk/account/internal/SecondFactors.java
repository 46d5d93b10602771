package io.infodesk.account.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.account.Role;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.crypto.SecretCipher;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;

/**
 * The second factor of GB/T 22239-2019 level 3, 8.1.4.1 c (issue 17): a TOTP secret per account ({@link Totp},
 * RFC 6238), SM4-encrypted at rest, enrolled by scanning a QR code and confirming a first code, with
 * {@value #RECOVERY_CODES} one-time recovery codes kept as SM3 hashes. A code is accepted within one step either side
 * and never twice (the step of the last accepted code is kept and only a later step passes, atomically). The
 * administrator resets a user's factor (audited); the user enrols again at the next login.
 */
@Service
@Transactional
public class SecondFactors {

	public static final int RECOVERY_CODES = 10;

	static final String ISSUER = "InfoDesk";

	private static final String ENTITY = "UserAccount";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final SecuritySettings settings;

	private final AuditTrail audit;

	private final AccountSessions sessions;

	private final Texts texts;

	private final Clock clock;

	SecondFactors(JdbcTemplate jdbc, SecretCipher cipher, SecuritySettings settings, AuditTrail audit,
			AccountSessions sessions, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.settings = settings;
		this.audit = audit;
		this.sessions = sessions;
		this.texts = texts;
		this.clock = clock;
	}

	/** Whether this user must give a code at login: enrolled, or holding a role the settings name (when enforced). */
	@Transactional(readOnly = true)
	public boolean required(AuthenticatedUser user) {
		return enrolled(user.userId()) || requiredByRole(user);
	}

	@Transactional(readOnly = true)
	public boolean requiredByRole(AuthenticatedUser user) {
		if (!settings.factorEnforced()) {
			return false;
		}
		return settings.factorRoles().stream().map(Role::name).anyMatch(user::hasRole);
	}

	@Transactional(readOnly = true)
	public boolean enrolled(long userId) {
		Integer count = jdbc.queryForObject("select count(*) from acc_factor where user_id = ? and confirmed = true",
				Integer.class, userId);
		return count != null && count > 0;
	}

	@Transactional(readOnly = true)
	public int recoveryCodesLeft(long userId) {
		return jdbc.queryForObject("select count(*) from acc_recovery_code where user_id = ? and used_at is null",
				Integer.class, userId);
	}

	/** The secret being enrolled (created at the first call; the same until confirmed). Refused once enrolled. */
	public String enrolmentSecret(long userId) {
		if (jdbc.queryForObject("select count(*) from acc_user where id = ?", Integer.class, userId) == 0) {
			throw AccountRuleViolation.of("account.user.notFound");
		}
		List<java.util.Map<String, Object>> rows = jdbc
			.queryForList("select secret, confirmed from acc_factor where user_id = ?", userId);
		if (!rows.isEmpty()) {
			if (Boolean.TRUE.equals(rows.get(0).get("CONFIRMED"))) {
				throw AccountRuleViolation.of("account.factor.alreadyEnrolled");
			}
			return cipher.decrypt((String) rows.get(0).get("SECRET"));
		}
		String secret = Totp.newSecret();
		jdbc.update("insert into acc_factor (user_id, secret, confirmed, last_step, enrolled_at) values (?, ?, false, 0, ?)",
				userId, cipher.encrypt(secret), Instant.now(clock));
		return secret;
	}

	/** The otpauth URI of the QR code. */
	public String enrolmentUri(long userId, String username) {
		return Totp.uri(ISSUER, username, enrolmentSecret(userId));
	}

	/**
	 * Confirms the enrolment with a first code of the app; returns the recovery codes, shown once. A wrong code
	 * changes nothing.
	 */
	public List<String> confirm(long userId, String username, String code) {
		String secret = enrolmentSecret(userId);
		Instant now = Instant.now(clock);
		OptionalLong step = Totp.matchingStep(secret, normalize(code), now);
		if (step.isEmpty()) {
			throw new AccountRuleViolation("code", "account.factor.codeWrong");
		}
		jdbc.update("update acc_factor set confirmed = true, last_step = ?, enrolled_at = ? where user_id = ?",
				step.getAsLong(), now, userId);
		List<String> codes = newRecoveryCodes(userId);
		audit.record(AuditRecord.success("FACTOR_ENROLLED", ENTITY, userId,
				texts.get("account.audit.factorEnrolled", username)));
		return codes;
	}

	/**
	 * Checks a login code: a TOTP code of the current step or one either side that is later than the last accepted
	 * one, or an unused recovery code (then used up). True when accepted.
	 */
	public boolean verify(long userId, String username, String code) {
		String typed = normalize(code);
		if (typed.isEmpty()) {
			return false;
		}
		if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
			List<String> secrets = jdbc.queryForList(
					"select secret from acc_factor where user_id = ? and confirmed = true", String.class, userId);
			if (secrets.isEmpty()) {
				return false;
			}
			OptionalLong step = Totp.matchingStep(cipher.decrypt(secrets.get(0)), typed, Instant.now(clock));
			return step.isPresent() && jdbc.update(
					"update acc_factor set last_step = ? where user_id = ? and confirmed = true and last_step < ?",
					step.getAsLong(), userId, step.getAsLong()) == 1;
		}
		int used = jdbc.update(
				"update acc_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null",
				Instant.now(clock), userId, hash(userId, typed));
		if (used == 1) {
			audit.record(AuditRecord.success("RECOVERY_CODE_USED", ENTITY, userId,
					texts.get("account.audit.recoveryCodeUsed", username, String.valueOf(recoveryCodesLeft(userId))))
				.by(username));
			return true;
		}
		return false;
	}

	/** The administrator removes a user's factor and recovery codes; the user enrols again at the next login. */
	public void reset(long userId, String username) {
		jdbc.update("delete from acc_recovery_code where user_id = ?", userId);
		int removed = jdbc.update("delete from acc_factor where user_id = ?", userId);
		audit.record(AuditRecord.success("FACTOR_RESET", ENTITY, userId,
				texts.get(removed > 0 ? "account.audit.factorReset" : "account.audit.factorResetNone", username)));
		sessions.expireAfterCommit(userId);
	}

	private List<String> newRecoveryCodes(long userId) {
		jdbc.update("delete from acc_recovery_code where user_id = ?", userId);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] random = new byte[5];
			RANDOM.nextBytes(random);
			String code = Totp.base32(random).toLowerCase(Locale.ROOT);
			String shown = code.substring(0, 4) + "-" + code.substring(4);
			codes.add(shown);
			jdbc.update("insert into acc_recovery_code (user_id, code_hash) values (?, ?)", userId, hash(userId, code));
		}
		return codes;
	}

	private static String hash(long userId, String code) {
		return Sm3.hex(userId + ":" + code);
	}

	/** Digits of a TOTP code, or a recovery code without its dash, lower case. */
	static String normalize(String code) {
		if (code == null) {
			return "";
		}
		return code.replace(" ", "").replace("-", "").trim().toLowerCase(Locale.ROOT);
	}

}
