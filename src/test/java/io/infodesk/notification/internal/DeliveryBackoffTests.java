package io.infodesk.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Retries back off: the first back-off, then doubled after each failure, until the attempts are used up. */
class DeliveryBackoffTests {

	static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

	@Test
	void theBackOffDoublesAfterEachFailureAndTheLastFailureGivesUp() {
		Delivery delivery = new Delivery(1, 2, T0);
		delivery.failed("HTTP 500", T0, 4, Duration.ofMinutes(1));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
		delivery.failed("HTTP 500", T0, 4, Duration.ofMinutes(1));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
		delivery.failed("HTTP 500", T0, 4, Duration.ofMinutes(1));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.PENDING);
		delivery.failed("HTTP 500", T0, 4, Duration.ofMinutes(1));
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.FAILED);
		assertThat(delivery.getAttempts()).isEqualTo(4);
	}

	@Test
	void aSuccessAfterFailuresIsSent() {
		Delivery delivery = new Delivery(1, 2, T0);
		delivery.failed("timeout", T0, 5, Duration.ofMinutes(1));
		delivery.sent(T0.plusSeconds(60));
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.SENT);
		assertThat(delivery.getAttempts()).isEqualTo(2);
		assertThat(delivery.getLastError()).isNull();
	}

	@Test
	void theDingTalkSignatureIsTheUrlEncodedBase64HmacOfTimestampAndSecret() throws Exception {
		// reference value computed independently: printf '1700000000000\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
		String sign = ChannelSenders.dingTalkSign(1700000000000L, "SECabc");
		assertThat(sign).isEqualTo("jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D");
		assertThat(sign).doesNotContain("+", "/", "=");
	}

}
