package io.infodesk.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/** Dates and times as bureau staff read them (2026-11-27, 24-hour Asia/Shanghai): {@code ${@reportingDates.dateTime(x)}}. */
@Component("reportingDates")
public class ReportingDates {

	private static final DateTimeFormatter DATE = DateFormats.DATE;

	private static final DateTimeFormatter DATE_TIME = DateFormats.MINUTES;

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateFormats.SECONDS;

	private static final DateTimeFormatter INPUT = DateFormats.INPUT;

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(TimeConfiguration.ZONE));
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(TimeConfiguration.ZONE));
	}

	public String dateTimeSeconds(Instant instant) {
		return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(TimeConfiguration.ZONE));
	}

	public String dateTimeSeconds(LocalDateTime dateTime) {
		return dateTime == null ? "" : DATE_TIME_SECONDS.format(dateTime);
	}

	public String dateTime(LocalDateTime dateTime) {
		return dateTime == null ? "" : DATE_TIME.format(dateTime);
	}

	/** The value of an {@code <input type="datetime-local">}. */
	public String input(LocalDateTime dateTime) {
		return dateTime == null ? "" : INPUT.format(dateTime);
	}

	public static LocalDateTime local(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, TimeConfiguration.ZONE);
	}

}
