package io.infodesk.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.infodesk.account.Role;
import io.infodesk.notification.ChannelKind;
import io.infodesk.support.TestUsers;

/**
 * The SMTP password and the robots' signing secrets are stored encrypted (SM4) and read back for use; a secret stored
 * in clear before is encrypted at start, audited.
 */
@SpringBootTest
@ActiveProfiles("test")
class SecretsAtRestTests {

	@Autowired
	Channels channels;

	@Autowired
	SecretsAtRest secretsAtRest;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void logIn() {
		TestUsers.logIn(TestUsers.of(Role.ADMIN));
	}

	@AfterEach
	void logOut() {
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	@Test
	void theSmtpPasswordAndARobotSecretAreStoredEncryptedAndReadBack() {
		channels.saveSmtp("127.0.0.1", 2525, "office", "S3cret-pw", "infodesk@bureau.test", false);
		Channel robot = channels.create(ChannelKind.DINGTALK, "钉钉群（加密）", "https://oapi.dingtalk.com/robot/send?access_token=abc",
				"SECsigning-key", null, TestUsers.of(Role.ADMIN).userId());

		String password = jdbc.queryForObject("select password from notification_smtp", String.class);
		String secret = jdbc.queryForObject("select secret from notification_channel where id = ?", String.class,
				robot.getId());
		assertThat(password).startsWith("sm4:").doesNotContain("S3cret");
		assertThat(secret).startsWith("sm4:").doesNotContain("SECsigning");
		assertThat(channels.smtp().orElseThrow().getPassword()).isEqualTo("S3cret-pw");
		assertThat(channels.find(robot.getId()).orElseThrow().getSecret()).isEqualTo("SECsigning-key");
	}

	@Test
	void aSecretStoredInClearBeforeIsEncryptedAtStartAndAudited() {
		Channel robot = channels.create(ChannelKind.DINGTALK, "钉钉群（旧）", "https://oapi.dingtalk.com/robot/send?access_token=old",
				"placeholder", null, TestUsers.of(Role.ADMIN).userId());
		jdbc.update("update notification_channel set secret = 'SECstored-in-clear' where id = ?", robot.getId());
		int audits = jdbc.queryForObject("select count(*) from audit_entry where action = 'NOTIFICATION_SECRETS_ENCRYPTED'",
				Integer.class);

		secretsAtRest.run(null);

		assertThat(jdbc.queryForObject("select secret from notification_channel where id = ?", String.class, robot.getId()))
			.startsWith("sm4:")
			.doesNotContain("SECstored");
		assertThat(channels.find(robot.getId()).orElseThrow().getSecret()).isEqualTo("SECstored-in-clear");
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'NOTIFICATION_SECRETS_ENCRYPTED'",
				Integer.class)).isEqualTo(audits + 1);
		// again: nothing left in clear, nothing done
		secretsAtRest.run(null);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'NOTIFICATION_SECRETS_ENCRYPTED'",
				Integer.class)).isEqualTo(audits + 1);
	}

}
