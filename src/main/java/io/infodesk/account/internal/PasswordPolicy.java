package io.infodesk.account.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The password rules of GB/T 22239-2019 level 3 identification as the bureau applies them (see
 * PRACTICE.md, "Compliance"): at least {@code minLength} characters (default {@value #MIN_LENGTH}), at least
 * {@code minClasses} of the four character classes (upper case, lower case, digit, symbol; default three), not the
 * username; length and classes are the security administrator's ({@link SecuritySettings#passwordRules()}, issue 17).
 * Only printable ASCII characters are accepted, at most {@value #MAX_LENGTH}, which keeps every password inside
 * BCrypt's 72-byte limit. The problems are message keys of {@code messages_zh_CN.properties}, whose arguments are
 * {@link #arguments()}.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public static final int MIN_CLASSES = 3;

	private static final String[] NUMERALS = { "零", "一", "二", "三", "四" };

	private final SecuritySettings settings;

	/** The default rules, without settings (unit tests). */
	public PasswordPolicy() {
		this.settings = null;
	}

	@org.springframework.beans.factory.annotation.Autowired
	PasswordPolicy(SecuritySettings settings) {
		this.settings = settings;
	}

	/** The rules in force. */
	public SecuritySettings.PasswordRules rules() {
		return settings == null ? SecuritySettings.PasswordRules.DEFAULT : settings.passwordRules();
	}

	/** The arguments of the problems' messages: {0} the minimum length, {1} the minimum classes in Chinese, {2} history. */
	public Object[] arguments() {
		SecuritySettings.PasswordRules rules = rules();
		return new Object[] { String.valueOf(rules.minLength()), NUMERALS[Math.min(rules.minClasses(), 4)],
				String.valueOf(rules.history()) };
	}

	/** The message keys of the rules the password breaks, in a fixed order; empty when it is acceptable. */
	public List<String> problems(String password, String username) {
		SecuritySettings.PasswordRules rules = rules();
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("account.password.required");
			return problems;
		}
		if (!password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			problems.add("account.password.characters");
		}
		if (password.length() < rules.minLength()) {
			problems.add("account.password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("account.password.tooLong");
		}
		if (classes(password) < rules.minClasses()) {
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
