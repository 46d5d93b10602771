package io.infodesk.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code infodesk.notification.*}): the address of InfoDesk used in links sent out, the HTTP
 * and SMTP timeouts, how many attempts a delivery gets and the first back-off (doubled after each failure), and
 * how often pending deliveries are looked at; the default reminder offsets before a deadline (negative: after it).
 */
@ConfigurationProperties("infodesk.notification")
public record NotificationSettings(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration firstBackoff,
		@DefaultValue("30s") Duration pollInterval,
		@DefaultValue({ "24h", "2h", "0s" }) java.util.List<Duration> reminderOffsets) {
}
