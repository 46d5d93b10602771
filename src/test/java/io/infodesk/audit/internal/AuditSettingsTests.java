package io.infodesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Retention defaults to six months; less is refused at start-up (Cybersecurity Law art. 21). */
class AuditSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditSettings.class)
	static class Settings {

	}

	ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

	@Test
	void retentionDefaultsToSixMonths() {
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AuditSettings.class).retentionMonths()).isEqualTo(6);
			assertThat(context.getBean(AuditSettings.class).purgeCron()).isEqualTo("0 30 3 * * *");
		});
	}

	@Test
	void aLongerRetentionIsAccepted() {
		runner.withPropertyValues("infodesk.audit.retention-months=36")
			.run(context -> assertThat(context.getBean(AuditSettings.class).retentionMonths()).isEqualTo(36));
	}

	@Test
	void lessThanSixMonthsIsRefusedAtStartUpWithAClearMessage() {
		runner.withPropertyValues("infodesk.audit.retention-months=5").run(context -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("infodesk.audit.retention-months=5")
				.hasMessageContaining("Cybersecurity Law")
				.hasMessageContaining("不得少于 6 个月");
		});
	}

}
