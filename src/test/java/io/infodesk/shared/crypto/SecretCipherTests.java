package io.infodesk.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets at rest with SM4-GCM: round trip, a fresh nonce each time, a changed value or another key refused, values
 * stored before encryption read as they are, and the key file created once (owner-only) and reused.
 */
class SecretCipherTests {

	@TempDir
	Path dir;

	@Test
	void aSecretIsEncryptedWithAFreshNonceAndReadBack() {
		SecretCipher cipher = new SecretCipher(new SecretSettings("00112233445566778899aabbccddeeff", null));
		String first = cipher.encrypt("SEC钉钉签名密钥");
		String second = cipher.encrypt("SEC钉钉签名密钥");
		assertThat(first).startsWith("sm4:").doesNotContain("SEC").isNotEqualTo(second);
		assertThat(cipher.decrypt(first)).isEqualTo("SEC钉钉签名密钥");
		assertThat(cipher.decrypt(second)).isEqualTo("SEC钉钉签名密钥");
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt("stored-before-encryption")).isEqualTo("stored-before-encryption");
	}

	@Test
	void aChangedValueOrAnotherKeyIsRefused() {
		SecretCipher cipher = new SecretCipher(new SecretSettings("00112233445566778899aabbccddeeff", null));
		String stored = cipher.encrypt("S3cret-pw");
		byte[] raw = Base64.getDecoder().decode(stored.substring(4));
		raw[raw.length - 1] ^= 1;
		String changed = "sm4:" + Base64.getEncoder().encodeToString(raw);
		assertThatThrownBy(() -> cipher.decrypt(changed)).isInstanceOf(SecretCipher.SecretUnreadable.class);
		SecretCipher other = new SecretCipher(new SecretSettings("ffeeddccbbaa99887766554433221100", null));
		assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(SecretCipher.SecretUnreadable.class);
		assertThatThrownBy(() -> cipher.decrypt("sm4:not base64!")).isInstanceOf(SecretCipher.SecretUnreadable.class);
		assertThatThrownBy(() -> new SecretCipher(new SecretSettings("too-short", null)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theKeyFileIsCreatedOnceForTheOwnerOnlyAndReused() throws Exception {
		Path file = dir.resolve("keys/secret.key");
		String stored = new SecretCipher(new SecretSettings(null, file)).encrypt("S3cret-pw");
		assertThat(Files.readString(file)).matches("[0-9a-f]{32}");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(new SecretCipher(new SecretSettings(" ", file)).decrypt(stored)).isEqualTo("S3cret-pw");
	}

}
