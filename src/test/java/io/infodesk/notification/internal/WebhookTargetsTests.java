package io.infodesk.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Robots and webhooks are never sent to the server's own network or a cloud metadata address (issue 17, finding 7). */
class WebhookTargetsTests {

	@Test
	void linkLocalMetadataLoopbackAndPrivateAddressesAreRefusedByDefault() {
		WebhookTargets targets = new WebhookTargets(false);
		assertThat(targets.allowed("http://169.254.169.254/latest/meta-data/")).isFalse();
		assertThat(targets.allowed("http://[fe80::1]/hook")).isFalse();
		assertThat(targets.allowed("http://metadata.google.internal/computeMetadata/v1/")).isFalse();
		assertThat(targets.allowed("http://127.0.0.1:8080/actuator")).isFalse();
		assertThat(targets.allowed("http://localhost:5432/")).isFalse();
		assertThat(targets.allowed("http://[::1]/")).isFalse();
		assertThat(targets.allowed("http://0.0.0.0/")).isFalse();
		assertThat(targets.allowed("http://10.1.2.3/hook")).isFalse();
		assertThat(targets.allowed("http://172.20.0.5/hook")).isFalse();
		assertThat(targets.allowed("https://192.168.1.10/hook")).isFalse();
		assertThat(targets.allowed("http://100.64.0.1/hook")).isFalse();
		assertThat(targets.allowed("http://[fd12::1]/hook")).isFalse();
		assertThat(targets.allowed("http://user@203.0.113.5/hook")).as("credentials in the address").isFalse();
		assertThat(targets.allowed("ftp://203.0.113.5/")).isFalse();
		assertThat(targets.allowed("https://203.0.113.5/cgi-bin/webhook/send")).isTrue();
	}

	@Test
	void anIntranetMayAllowPrivateAddressesButNeverLinkLocalOrMetadata() {
		WebhookTargets targets = new WebhookTargets(true);
		assertThat(targets.allowed("http://10.1.2.3/hook")).isTrue();
		assertThat(targets.allowed("http://127.0.0.1:9000/robot")).isTrue();
		assertThat(targets.allowed("http://169.254.169.254/latest/meta-data/")).isFalse();
		assertThat(targets.allowed("http://[fe80::1]/hook")).isFalse();
	}

	@Test
	void aNameThatDoesNotResolveIsJudgedAgainWhenSent() {
		WebhookTargets targets = new WebhookTargets(false);
		assertThat(targets.allowed("https://robot.invalid/send")).isTrue();
		assertThat(targets.allowedNow("https://robot.invalid/send")).isFalse();
	}

}
