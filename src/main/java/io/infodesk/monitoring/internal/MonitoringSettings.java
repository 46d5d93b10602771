package io.infodesk.monitoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code infodesk.monitoring.*}: the fetch job's period, the per-request timeout, the largest body read, and the gap
 * between two requests to one host.
 */
@ConfigurationProperties("infodesk.monitoring")
public record MonitoringSettings(@DefaultValue("1m") Duration fetchInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2097152") int maxBytes, @DefaultValue("1s") Duration hostGap) {

}
