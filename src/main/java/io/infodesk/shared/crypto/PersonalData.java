package io.infodesk.shared.crypto;

import org.springframework.stereotype.Component;

/**
 * Personal data at rest for code that writes its columns with JDBC rather than through an entity field with
 * {@link EncryptedText}/{@link KeyedHash}: the same SM4-GCM encryption and keyed hash.
 */
@Component
public class PersonalData {

	private final EncryptedText text;

	private final KeyedHash hash;

	PersonalData(EncryptedText text, KeyedHash hash) {
		this.text = text;
		this.hash = hash;
	}

	/** The stored (encrypted) form; null stays null. */
	public String encrypt(String plain) {
		return text.convertToDatabaseColumn(plain);
	}

	/** The value of a stored form (a value stored in clear before encryption reads as it is). */
	public String decrypt(String stored) {
		return text.convertToEntityAttribute(stored);
	}

	/** The keyed hash, for exact match on an encrypted value. */
	public String hash(String plain) {
		return hash.of(plain);
	}

	/**
	 * A phone number as the audit trail shows it: the first 3 and the last 4 digits, the rest hidden
	 * ({@code 139****5678}), so that the trail, which is kept for years and read by auditors, holds no whole number.
	 */
	public static String masked(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String value = phone.strip();
		if (value.length() <= 7) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

}
