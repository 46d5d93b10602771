package io.infodesk.reporting.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.infodesk.shared.text.Texts;

/**
 * Time left and delays as staff read them: 2天3小时5分, 5小时20分, 12分钟, 不足1分钟 — whole minutes, cut not
 * rounded, so a deadline is never shown later than it is ({@code ${@reportingDurations.text(d)}}).
 */
@Component("reportingDurations")
public class Durations {

	private final Texts texts;

	Durations(Texts texts) {
		this.texts = texts;
	}

	public String text(Duration duration) {
		long minutes = Math.max(0, duration.getSeconds() / 60);
		if (minutes == 0 && duration.getSeconds() > 0) {
			return texts.get("reporting.duration.underMinute");
		}
		long days = minutes / (24 * 60);
		long hours = minutes % (24 * 60) / 60;
		long rest = minutes % 60;
		if (days > 0) {
			return texts.get("reporting.duration.dhm", days, hours, rest);
		}
		if (hours > 0) {
			return texts.get("reporting.duration.hm", hours, rest);
		}
		return texts.get("reporting.duration.m", rest);
	}

}
