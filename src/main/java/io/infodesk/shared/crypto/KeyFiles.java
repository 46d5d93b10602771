package io.infodesk.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * Keys kept outside the database: a key of the installation is given in the configuration (hexadecimal) or read from
 * its file, which is created with a random key, readable by the owner only, on first use (atomically, so that two
 * instances starting together end with the same key).
 */
public final class KeyFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyFiles() {
	}

	/**
	 * The key: {@code configured} when set, else the file's, else a fresh random key written to the file.
	 *
	 * @param bytes the key's length in bytes
	 * @param property the configuration property, named in the error of a malformed key
	 */
	public static byte[] configuredOrFile(String configured, Path file, int bytes, String property) {
		if (configured != null && !configured.isBlank()) {
			return parse(configured.strip(), bytes, property);
		}
		try {
			if (Files.exists(file)) {
				return parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), bytes, file.toString());
			}
			byte[] fresh = new byte[bytes];
			RANDOM.nextBytes(fresh);
			Path folder = file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, "key", ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the folder's permissions apply
			}
			Files.writeString(temporary, Hex.toHexString(fresh), StandardCharsets.US_ASCII);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException other) {
				Files.deleteIfExists(temporary);
				return parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), bytes, file.toString());
			}
			if (Files.size(file) == 0) {
				// a non-POSIX rename that replaced nothing: read back what is there
				return parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), bytes, file.toString());
			}
			return fresh;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("a key kept outside the database cannot be read or created: " + file, ex);
		}
	}

	/** A key given as hexadecimal digits, of exactly {@code bytes} bytes. */
	public static byte[] parse(String hex, int bytes, String where) {
		if (!hex.matches("[0-9a-fA-F]{" + (bytes * 2) + "}")) {
			throw new IllegalStateException(where + " must be " + (bytes * 2) + " hexadecimal digits (a key of "
					+ (bytes * 8) + " bits)");
		}
		return Hex.decode(hex);
	}

	/** A short public name of a key (the first 4 bytes of its SM3 digest, hex): tells keys apart, reveals nothing. */
	public static String fingerprint(byte[] key) {
		SM3Digest digest = new SM3Digest();
		digest.update(key, 0, key.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return Hex.toHexString(out, 0, 4);
	}

}
