package io.infodesk.shared.crypto;

import java.nio.charset.StandardCharsets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.stereotype.Component;

/**
 * The keyed hash of a personal value stored encrypted ({@link EncryptedText}), for exact search on it: {@code hm3:}
 * + HMAC-SM3 of the value (spaces removed) under a key derived from the installation's SM4 key. Equal values have
 * equal hashes, so a column of them can be indexed and compared; without the key a hash tells nothing, not even
 * for the small space of phone numbers (which a plain hash would give away by trying them all).
 * <p>
 * As a converter on a hash column ({@code @Convert(converter = KeyedHash.class)} on a field set to the plain value
 * together with the encrypted one), it hashes what is written, and a query parameter compared with that field is
 * hashed the same way; what is read back is the stored hash, which is written again as it is.
 */
@Component
@Converter
public class KeyedHash implements AttributeConverter<String, String> {

	static final String PREFIX = "hm3:";

	private final byte[] key;

	public KeyedHash(SecretCipher cipher) {
		this.key = cipher.derive("infodesk.keyed-hash.v1");
	}

	/** The keyed hash of a value (null and blank stay null; a stored hash stays itself). */
	public String of(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.startsWith(PREFIX)) {
			return value;
		}
		byte[] input = value.replaceAll("\\s+", "").getBytes(StandardCharsets.UTF_8);
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return PREFIX + Hex.toHexString(out);
	}

	@Override
	public String convertToDatabaseColumn(String value) {
		return of(value);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		return stored;
	}

}
