package io.infodesk.shared.crypto;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rotation of the SM4 key of the secrets and personal fields ({@code secret.key}, issue 17; docs/security.md "Key
 * rotation"). With the former key under {@code infodesk.secrets.retired-keys} and a new one in {@code secret.key} (or
 * {@code infodesk.secrets.key}), the start re-encrypts every {@code sm4:} value of every text column of the schema that
 * is not under the current key, and recomputes the keyed hash ({@code hm3:}) of every {@code <column>_hash} from the
 * value of {@code <column>} beside it, since the hash key is derived from the SM4 key. Each value is replaced on its
 * own (matched by its old ciphertext, unique by its random nonce), so an interrupted run goes on at the next start;
 * run again, it finds nothing to do. A value that no configured key reads is left as it is and counted.
 */
@Component
@Order(0)
public class SecretKeyRotation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SecretKeyRotation.class);

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final KeyedHash hash;

	public SecretKeyRotation(JdbcTemplate jdbc, SecretCipher cipher, KeyedHash hash) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.hash = hash;
	}

	/** What a run did: values re-encrypted, keyed hashes recomputed, values no configured key reads. */
	public record Result(int reencrypted, int rehashed, int unreadable) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!cipher.rotating()) {
			return;
		}
		Result result = rotate();
		log.info("SM4 key rotation of the secrets and personal fields: {} values re-encrypted, {} keyed hashes "
				+ "recomputed, {} values unreadable; when the unreadable count is 0, remove infodesk.secrets.retired-keys",
				result.reencrypted(), result.rehashed(), result.unreadable());
	}

	/** Re-encrypts under the current key whatever is under a retired one, then recomputes the keyed hashes. */
	public Result rotate() {
		List<String[]> columns = jdbc.query("select table_name, column_name from information_schema.columns where "
				+ "lower(table_schema) = lower(current_schema()) and (lower(data_type) like '%char%' or lower(data_type) = "
				+ "'text') and lower(table_name) <> 'flyway_schema_history'",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) });
		int reencrypted = 0;
		int unreadable = 0;
		for (String[] column : columns) {
			String table = quoted(column[0]);
			String name = quoted(column[1]);
			List<String> values = jdbc.queryForList(
					"select distinct " + name + " from " + table + " where " + name + " like 'sm4:%'", String.class);
			for (String stored : values) {
				if (cipher.current(stored)) {
					continue;
				}
				String plain;
				try {
					plain = cipher.decrypt(stored);
				}
				catch (SecretCipher.SecretUnreadable lost) {
					unreadable++;
					continue;
				}
				reencrypted += jdbc.update("update " + table + " set " + name + " = ? where " + name + " = ?",
						cipher.encrypt(plain), stored);
			}
		}
		int rehashed = 0;
		for (String[] column : columns) {
			String lower = column[1].toLowerCase(Locale.ROOT);
			if (!lower.endsWith("_hash")) {
				continue;
			}
			String valueColumn = column[1].substring(0, column[1].length() - "_hash".length());
			boolean paired = columns.stream()
				.anyMatch(other -> other[0].equals(column[0]) && other[1].equalsIgnoreCase(valueColumn));
			if (!paired) {
				continue;
			}
			String table = quoted(column[0]);
			String hashName = quoted(column[1]);
			String valueName = quoted(columns.stream()
				.filter(other -> other[0].equals(column[0]) && other[1].equalsIgnoreCase(valueColumn))
				.findFirst()
				.orElseThrow()[1]);
			List<Map<String, Object>> rows = jdbc.queryForList("select " + valueName + " as v, " + hashName
					+ " as h from " + table + " where " + hashName + " like '" + KeyedHash.PREFIX + "%' and " + valueName
					+ " is not null");
			for (Map<String, Object> row : rows) {
				String stored = (String) row.get("v");
				String plain;
				try {
					plain = cipher.decrypt(stored);
				}
				catch (SecretCipher.SecretUnreadable lost) {
					continue;
				}
				String fresh = hash.of(plain);
				if (fresh != null && !fresh.equals(row.get("h"))) {
					rehashed += jdbc.update("update " + table + " set " + hashName + " = ? where " + valueName + " = ?",
							fresh, stored);
				}
			}
		}
		return new Result(reencrypted, rehashed, unreadable);
	}

	private static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
