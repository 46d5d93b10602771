package io.infodesk.monitoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code infodesk.monitoring.*}: the fetch job's period, the per-request timeout, the largest body read, and the gap
 * between two requests to one host, and the issuer of the 舆情日报 / 周报 ({@code report-issuer}, default
 * 区住房和城乡建设局办公室: name the bureau, e.g. 武进区住房和城乡建设局办公室).
 */
@ConfigurationProperties("infodesk.monitoring")
public record MonitoringSettings(@DefaultValue("1m") Duration fetchInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2097152") int maxBytes, @DefaultValue("1s") Duration hostGap,
		@DefaultValue("区住房和城乡建设局办公室") String reportIssuer) {

	/** The issuer of the daily and weekly reports, never blank. */
	public String issuer() {
		return reportIssuer == null || reportIssuer.isBlank() ? "区住房和城乡建设局办公室" : reportIssuer.strip();
	}

}
