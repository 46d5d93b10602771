package io.infodesk.shared.crypto;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts the personal data a module stored in clear before it was encrypted (its migration widened the column):
 * every value without the {@code sm4:} prefix is encrypted in place, and its keyed hash written beside it when the
 * module searches on it. Each module calls it at start for its own columns; idempotent.
 */
@Component
public class ColumnsAtRest {

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final KeyedHash hash;

	ColumnsAtRest(JdbcTemplate jdbc, SecretCipher cipher, KeyedHash hash) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.hash = hash;
	}

	/**
	 * Encrypts the clear values of one column.
	 *
	 * @param key the column(s) that identify a row, comma-separated (e.g. {@code id} or {@code outlet_id, position})
	 * @param hashColumn where the keyed hash goes, or null
	 * @return how many values were encrypted
	 */
	public int encrypt(String table, String key, String column, String hashColumn) {
		String[] keys = key.split("\\s*,\\s*");
		List<Map<String, Object>> plain = jdbc.queryForList("select " + String.join(", ", keys) + ", " + column
				+ " as stored from " + table + " where " + column + " is not null and " + column + " not like 'sm4:%'");
		String where = String.join(" and ", java.util.Arrays.stream(keys).map(k -> k + " = ?").toList());
		for (Map<String, Object> row : plain) {
			String value = (String) row.get("stored");
			Object[] args = new Object[keys.length + (hashColumn == null ? 1 : 2)];
			int i = 0;
			args[i++] = cipher.encrypt(value);
			if (hashColumn != null) {
				args[i++] = hash.of(value);
			}
			for (String k : keys) {
				args[i++] = row.get(k);
			}
			jdbc.update("update " + table + " set " + column + " = ?" + (hashColumn == null ? "" : ", " + hashColumn
					+ " = ?") + " where " + where, args);
		}
		return plain.size();
	}

	/** Replaces the clear values of a column of identifiers by their keyed hashes; returns how many. */
	public int hash(String table, String key, String column) {
		List<Map<String, Object>> plain = jdbc.queryForList("select " + key + ", " + column + " as stored from " + table
				+ " where " + column + " is not null and " + column + " not like '" + KeyedHash.PREFIX + "%'");
		for (Map<String, Object> row : plain) {
			jdbc.update("update " + table + " set " + column + " = ? where " + key + " = ?",
					hash.of((String) row.get("stored")), row.get(key));
		}
		return plain.size();
	}

}
