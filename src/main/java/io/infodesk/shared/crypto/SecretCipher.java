package io.infodesk.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts short secrets with SM4 in GCM mode (GB/T 39786; authenticated, so a changed value is refused, not read as
 * garbage): {@code sm4:} + Base64 of a random 12-byte nonce and the ciphertext with its 16-byte tag. A value without
 * the prefix is a secret stored before encryption and is returned as it is (it is encrypted when next saved).
 */
@Component
@EnableConfigurationProperties(SecretSettings.class)
public class SecretCipher {

	static final String PREFIX = "sm4:";

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final byte[] key;

	/** The keys of a rotation that are still read (issue 17; {@code infodesk.secrets.retired-keys}). */
	private final java.util.List<byte[]> retired = new java.util.ArrayList<>();

	public SecretCipher(SecretSettings settings) {
		this.key = settings.key() != null && !settings.key().isBlank() ? parse(settings.key().strip())
				: fromFile(settings.keyFile());
		if (settings.retiredKeys() != null) {
			for (String old : settings.retiredKeys()) {
				if (old != null && !old.isBlank()) {
					retired.add(parse(old.strip()));
				}
			}
		}
	}

	/** Whether a rotation is under way: retired keys are configured. */
	public boolean rotating() {
		return !retired.isEmpty();
	}

	/** Whether a stored value is encrypted under the current key (a clear value or one of a retired key is not). */
	public boolean current(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return false;
		}
		try {
			open(key, stored);
			return true;
		}
		catch (SecretUnreadable notThisKey) {
			return false;
		}
	}

	/** The stored form of a secret (null stays null). */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE];
		random.nextBytes(nonce);
		byte[] sealed = run(key, true, nonce, plain.getBytes(StandardCharsets.UTF_8));
		byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
		System.arraycopy(sealed, 0, out, NONCE, sealed.length);
		return PREFIX + Base64.getEncoder().encodeToString(out);
	}

	/**
	 * The secret of a stored value: decrypted when it carries the prefix, as it is otherwise (stored before
	 * encryption). A value that does not decrypt with this key (another key, or changed) is refused.
	 */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		try {
			return open(key, stored);
		}
		catch (SecretUnreadable notCurrent) {
			for (byte[] old : retired) {
				try {
					return open(old, stored);
				}
				catch (SecretUnreadable notThisOne) {
					// the next retired key
				}
			}
			throw notCurrent;
		}
	}

	private String open(byte[] withKey, String stored) {
		byte[] in;
		try {
			in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new SecretUnreadable(ex);
		}
		if (in.length < NONCE + TAG_BITS / 8) {
			throw new SecretUnreadable(null);
		}
		return new String(run(withKey, false, Arrays.copyOf(in, NONCE), Arrays.copyOfRange(in, NONCE, in.length)),
				StandardCharsets.UTF_8);
	}

	/**
	 * A key for another purpose derived from the installation's key (HMAC-SM3 of the purpose's name under it), so that
	 * one key file serves the keyed hashes too and rotates with it.
	 */
	byte[] derive(String purpose) {
		org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(
				new org.bouncycastle.crypto.digests.SM3Digest());
		mac.init(new KeyParameter(key));
		byte[] input = purpose.getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private static byte[] run(byte[] key, boolean encrypt, byte[] nonce, byte[] input) {
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
		byte[] out = new byte[gcm.getOutputSize(input.length)];
		int length = gcm.processBytes(input, 0, input.length, out, 0);
		try {
			length += gcm.doFinal(out, length);
		}
		catch (InvalidCipherTextException ex) {
			throw new SecretUnreadable(ex);
		}
		return Arrays.copyOf(out, length);
	}

	private static byte[] parse(String hex) {
		if (!hex.matches("[0-9a-fA-F]{32}")) {
			throw new IllegalStateException("infodesk.secrets.key must be 32 hexadecimal digits (an SM4 key of 128 bits)");
		}
		return Hex.decode(hex);
	}

	private byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] fresh = new byte[16];
			random.nextBytes(fresh);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "secret", ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the folder's permissions apply
			}
			Files.writeString(temporary, Hex.toHexString(fresh), StandardCharsets.US_ASCII);
			try {
				Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			catch (java.nio.file.FileAlreadyExistsException other) {
				// another instance created it first: use theirs
				Files.deleteIfExists(temporary);
				return parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			return fresh;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the key of the secrets at rest cannot be read or created: " + file, ex);
		}
	}

	/** A stored secret that does not decrypt with the installation's key. */
	public static final class SecretUnreadable extends RuntimeException {

		SecretUnreadable(Throwable cause) {
			super("a stored secret does not decrypt with this installation's key", cause);
		}

	}

}
