package io.infodesk.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The former passwords of an account (issue 17, GB/T 22239 8.1.4.1 a): the BCrypt hash of each replaced password, the
 * newest {@link SecuritySettings.PasswordRules#history()} kept, so that a new password may not be one of them.
 */
@Component
public class PasswordHistory {

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	PasswordHistory(JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/** Whether the password is one of the newest {@code depth} former passwords of the account. */
	public boolean contains(long userId, String password, int depth) {
		if (depth <= 0 || password == null) {
			return false;
		}
		List<String> hashes = jdbc.queryForList(
				"select password_hash from acc_password_history where user_id = ? order by id desc limit ?", String.class,
				userId, depth);
		return hashes.stream().anyMatch(hash -> encoder.matches(password, hash));
	}

	/** Keeps a replaced password's hash; only the newest {@code keep} of the account stay. */
	public void remember(long userId, String replacedHash, Instant when, int keep) {
		if (replacedHash == null) {
			return;
		}
		if (keep > 0) {
			jdbc.update("insert into acc_password_history (user_id, password_hash, replaced_at) values (?, ?, ?)", userId,
					replacedHash, Timestamp.from(when));
		}
		List<Long> ids = jdbc.queryForList("select id from acc_password_history where user_id = ? order by id desc",
				Long.class, userId);
		for (Long old : ids.subList(Math.min(Math.max(keep, 0), ids.size()), ids.size())) {
			jdbc.update("delete from acc_password_history where id = ?", old);
		}
	}

}
