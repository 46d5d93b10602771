package io.infodesk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsEightCharactersWithThreeClasses() {
		assertThat(policy.problems("Abcdefg1", "zhangsan")).isEmpty();
		assertThat(policy.problems("abcdef1!", "zhangsan")).isEmpty();
		assertThat(policy.problems("ABCDEF1!", "zhangsan")).isEmpty();
		assertThat(policy.problems("Abcdefg!", "zhangsan")).isEmpty();
		assertThat(policy.problems("Demo@2026", "admin")).isEmpty();
	}

	@Test
	void refusesFewerThanEightCharacters() {
		assertThat(policy.problems("Ab1!xyz", "zhangsan")).containsExactly("account.password.tooShort");
	}

	@Test
	void refusesOnlyTwoCharacterClasses() {
		assertThat(policy.problems("abcdefgh1", "zhangsan")).containsExactly("account.password.classes");
		assertThat(policy.problems("ABCDEFGHi", "zhangsan")).containsExactly("account.password.classes");
		assertThat(policy.problems("12345678!", "zhangsan")).containsExactly("account.password.classes");
		assertThat(policy.problems("abcdefghijkl", "zhangsan")).containsExactly("account.password.classes");
	}

	@Test
	void refusesThePasswordEqualToTheUsernameWhateverTheCase() {
		assertThat(policy.problems("Zhang.San1", "zhang.san1")).containsExactly("account.password.sameAsUsername");
	}

	@Test
	void refusesSpacesAndNonAsciiCharacters() {
		assertThat(policy.problems("Abc def1!", "zhangsan")).containsExactly("account.password.characters");
		assertThat(policy.problems("Abcdef1!密码", "zhangsan")).containsExactly("account.password.characters");
	}

	@Test
	void refusesEmptyAndOverlongPasswords() {
		assertThat(policy.problems("", "zhangsan")).containsExactly("account.password.required");
		assertThat(policy.problems(null, "zhangsan")).containsExactly("account.password.required");
		assertThat(policy.problems("Ab1!" + "x".repeat(61), "zhangsan")).containsExactly("account.password.tooLong");
	}

	@Test
	void reportsEveryRuleBrokenInAFixedOrder() {
		assertThat(policy.problems("abc", "abc")).containsExactly("account.password.tooShort", "account.password.classes",
				"account.password.sameAsUsername");
	}

	@Test
	void generatedPasswordsAlwaysPass() {
		PasswordGenerator generator = new PasswordGenerator();
		for (int i = 0; i < 500; i++) {
			String password = generator.generate();
			assertThat(policy.problems(password, "admin")).as(password).isEmpty();
			assertThat(PasswordPolicy.classes(password)).isEqualTo(4);
		}
	}

	@Test
	void theArgumentsOfTheMessagesAreTheRulesInForce() {
		assertThat(policy.arguments()).containsExactly("8", "三", "5");
	}

	@Test
	void everyProblemHasAChineseMessage() throws Exception {
		Properties messages = new Properties();
		try (var in = getClass().getResourceAsStream("/messages/account_zh_CN.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (String key : List.of("account.password.required", "account.password.characters",
				"account.password.tooShort", "account.password.tooLong", "account.password.classes",
				"account.password.sameAsUsername")) {
			assertThat(messages.getProperty(key)).as(key).isNotBlank().containsPattern("\\p{IsHan}");
		}
		// the minimum length and classes are the security administrator's (issue 17): the messages take them
		assertThat(messages.getProperty("account.password.tooShort")).contains("{0}");
		assertThat(messages.getProperty("account.password.classes")).contains("{1}");
	}

}
