package io.infodesk.account.internal;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Random initial and temporary passwords: 14 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), always holding all four character classes, so they pass {@link PasswordPolicy}.
 */
@Component
public class PasswordGenerator {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "#@%&*+=?";

	private static final String ALL = UPPER + LOWER + DIGITS;

	private static final int LENGTH = 14;

	private final SecureRandom random = new SecureRandom();

	public String generate() {
		char[] password = new char[LENGTH];
		password[0] = pick(UPPER);
		password[1] = pick(LOWER);
		password[2] = pick(DIGITS);
		password[3] = pick(SYMBOLS);
		for (int i = 4; i < LENGTH; i++) {
			password[i] = pick(ALL);
		}
		// shuffle so that the classes do not always sit at the same places
		for (int i = LENGTH - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private char pick(String alphabet) {
		return alphabet.charAt(random.nextInt(alphabet.length()));
	}

}
