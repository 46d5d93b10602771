package io.infodesk.account.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.account.AccountRuleViolation;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Per-user API tokens (issue 17): what a privileged account (one that must use the second factor) sends as the
 * password of HTTP Basic instead of its password, which the API refuses for it. A token is shown once at creation;
 * only its SM3 hash is kept. It has a scope ({@link Scope#READ}: GET only; {@link Scope#WRITE}: everything the
 * user's permissions allow), an expiry (at most {@value #MAX_DAYS} days) and can be revoked; each use notes the time.
 */
@Service
@Transactional
public class ApiTokens {

	public static final String PREFIX = "idt_";

	public static final int MAX_DAYS = 365;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	ApiTokens(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public enum Scope {

		READ, WRITE

	}

	public record Token(long id, String name, String prefix, Scope scope, Instant createdAt, Instant expiresAt,
			Instant revokedAt, Instant lastUsedAt) {

		public boolean activeAt(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}

	}

	/** A new token: its secret, shown once. */
	public record Issued(long id, String secret) {
	}

	public Issued create(long userId, String username, String name, Scope scope, Integer days) {
		if (name == null || name.isBlank()) {
			throw new AccountRuleViolation("name", "account.token.name.required");
		}
		if (name.trim().length() > 50) {
			throw new AccountRuleViolation("name", "account.token.name.tooLong");
		}
		if (scope == null) {
			throw new AccountRuleViolation("scope", "account.token.scope.required");
		}
		if (days == null || days < 1 || days > MAX_DAYS) {
			throw new AccountRuleViolation("days", "account.token.days.range", String.valueOf(MAX_DAYS));
		}
		byte[] random = new byte[20];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Totp.base32(random).toLowerCase(java.util.Locale.ROOT);
		Instant now = Instant.now(clock);
		Instant expires = now.plus(Duration.ofDays(days));
		jdbc.update("insert into acc_api_token (user_id, name, token_prefix, token_hash, scope, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", userId, name.trim(), secret.substring(0, 10), Sm3.hex(secret),
				scope.name(), now, expires);
		long id = jdbc.queryForObject("select id from acc_api_token where token_hash = ?", Long.class, Sm3.hex(secret));
		audit.record(AuditRecord.success("API_TOKEN_CREATED", "ApiToken", id, texts.get("account.audit.tokenCreated",
				username, name.trim(), texts.get("account.token.scope." + scope.name()), String.valueOf(days))));
		return new Issued(id, secret);
	}

	@Transactional(readOnly = true)
	public List<Token> of(long userId) {
		return jdbc.query("select * from acc_api_token where user_id = ? order by created_at desc, id desc",
				(rs, row) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
						Scope.valueOf(rs.getString("scope")), instant(rs, "created_at"), instant(rs, "expires_at"),
						instant(rs, "revoked_at"), instant(rs, "last_used_at")),
				userId);
	}

	/** Revokes one of the user's tokens (an administrator: any user's, through {@link #revokeAll}). */
	public void revoke(long userId, String username, long tokenId) {
		int revoked = jdbc.update("update acc_api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
				Instant.now(clock), tokenId, userId);
		if (revoked == 0) {
			throw AccountRuleViolation.of("account.token.notFound");
		}
		audit.record(AuditRecord.success("API_TOKEN_REVOKED", "ApiToken", tokenId,
				texts.get("account.audit.tokenRevoked", username, String.valueOf(tokenId))));
	}

	/** Revokes every active token of the user (account locked, disabled, roles changed by the administrator). */
	public int revokeAll(long userId) {
		return jdbc.update("update acc_api_token set revoked_at = ? where user_id = ? and revoked_at is null",
				Instant.now(clock), userId);
	}

	/** The scope of an active token of this user with this secret, noting its use; empty otherwise. */
	public Optional<Scope> authenticate(long userId, String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		java.time.OffsetDateTime now = JdbcTime.utc(Instant.now(clock));
		List<String> scopes = jdbc.queryForList("select scope from acc_api_token where token_hash = ? and user_id = ? "
				+ "and revoked_at is null and expires_at > ?", String.class, Sm3.hex(secret), userId, now);
		if (scopes.isEmpty()) {
			return Optional.empty();
		}
		jdbc.update("update acc_api_token set last_used_at = ? where token_hash = ?", now, Sm3.hex(secret));
		return Optional.of(Scope.valueOf(scopes.get(0)));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
