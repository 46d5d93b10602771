package io.infodesk.notification.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.crypto.SecretCipher;
import io.infodesk.shared.text.Texts;

/**
 * At start, encrypts the SMTP password and robot secrets stored in clear before secrets were encrypted (migration
 * V4_6), so that none stays readable in the database or its backups; audited when it changed anything. Idempotent:
 * an encrypted value is left alone.
 */
@Component
class SecretsAtRest implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final AuditTrail audit;

	private final Texts texts;

	SecretsAtRest(JdbcTemplate jdbc, SecretCipher cipher, AuditTrail audit, Texts texts) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.texts = texts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int encrypted = encrypt("notification_smtp", "password") + encrypt("notification_channel", "secret");
		if (encrypted > 0) {
			audit.record("NOTIFICATION_SECRETS_ENCRYPTED", "NotificationSecrets", "all",
					texts.get("notification.audit.secretsEncrypted", encrypted));
		}
	}

	private int encrypt(String table, String column) {
		List<Map<String, Object>> plain = jdbc.queryForList("select id, " + column + " as stored from " + table
				+ " where " + column + " is not null and " + column + " not like 'sm4:%'");
		for (Map<String, Object> row : plain) {
			jdbc.update("update " + table + " set " + column + " = ? where id = ?", cipher.encrypt((String) row.get("stored")),
					row.get("id"));
		}
		return plain.size();
	}

}
