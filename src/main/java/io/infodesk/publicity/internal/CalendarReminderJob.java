package io.infodesk.publicity.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.infodesk.publicity.PublicityCalendar;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Registers the reminders of the publicity calendar's holidays and themed days every night (S3.2-c) — this year's
 * still ahead and, from December, next year's — so a day added or computed for a new year is reminded
 * {@code leadDays} before it through the notification module's deadlines.
 */
@Component
class CalendarReminderJob {

	private final PublicityCalendar calendar;

	private final Clock clock;

	CalendarReminderJob(PublicityCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Scheduled(cron = "${infodesk.publicity.calendar-reminder-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "publicity-calendar-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void register() {
		LocalDate today = LocalDate.now(clock);
		calendar.registerReminders(today.getYear());
		if (today.getMonthValue() == 12) {
			calendar.registerReminders(today.getYear() + 1);
		}
	}

}
