package io.infodesk.reporting.web;

import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Time left and delays as staff read them: 2天3小时5分, 5小时20分, 12分钟, 不足1分钟 — whole minutes, cut not
 * rounded, so a deadline is never shown later than it is ({@code ${@reportingDurations.text(d)}}).
 */
@Component("reportingDurations")
class Durations {

	private final MessageSource messages;

	Durations(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Duration duration) {
		long minutes = Math.max(0, duration.getSeconds() / 60);
		if (minutes == 0 && duration.getSeconds() > 0) {
			return message("reporting.duration.underMinute");
		}
		long days = minutes / (24 * 60);
		long hours = minutes % (24 * 60) / 60;
		long rest = minutes % 60;
		if (days > 0) {
			return message("reporting.duration.dhm", days, hours, rest);
		}
		if (hours > 0) {
			return message("reporting.duration.hm", hours, rest);
		}
		return message("reporting.duration.m", rest);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
