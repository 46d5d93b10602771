package io.infodesk.shared.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A text column stored encrypted with SM4 ({@link SecretCipher}); on an entity field:
 * {@code @Convert(converter = EncryptedText.class)}. A stored value that does not decrypt with the installation's key
 * (the key file was lost or replaced) reads as not set, with an error in the log, instead of breaking the page that
 * lists the record: the administrator sets the secret again.
 */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

	private static final Logger log = LoggerFactory.getLogger(EncryptedText.class);

	private final SecretCipher cipher;

	public EncryptedText(SecretCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public String convertToDatabaseColumn(String plain) {
		return cipher.encrypt(plain);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		try {
			return cipher.decrypt(stored);
		}
		catch (SecretCipher.SecretUnreadable ex) {
			log.error("A stored secret cannot be read with this installation's key (infodesk.secrets); it reads as not "
					+ "set until an administrator sets it again");
			return null;
		}
	}

}
