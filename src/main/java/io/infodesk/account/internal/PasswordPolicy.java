package io.infodesk.account.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The password rules of GB/T 22239-2019 level 3 identification as the bureau applies them (see
 * PRACTICE.md, "Compliance"): at least {@value #MIN_LENGTH} characters, at least three of the four
 * character classes (upper case, lower case, digit, symbol), not the username. Only printable ASCII
 * characters are accepted, at most {@value #MAX_LENGTH}, which keeps every password inside BCrypt's
 * 72-byte limit. The problems are message keys of {@code messages_zh_CN.properties}.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public static final int MIN_CLASSES = 3;

	/** The message keys of the rules the password breaks, in a fixed order; empty when it is acceptable. */
	public List<String> problems(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("account.password.required");
			return problems;
		}
		if (!password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			problems.add("account.password.characters");
		}
		if (password.length() < MIN_LENGTH) {
			problems.add("account.password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("account.password.tooLong");
		}
		if (classes(password) < MIN_CLASSES) {
			problems.add("account.password.classes");
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			problems.add("account.password.sameAsUsername");
		}
		return problems;
	}

	public boolean accepts(String password, String username) {
		return problems(password, username).isEmpty();
	}

	static int classes(String password) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		boolean symbol = false;
		for (char c : password.toCharArray()) {
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

}
