package io.infodesk.assessment.internal;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.circular.Circulars;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Declares the deadline of the previous month's 通报 (due by the 10th, issue 4 point 5) to the office, every morning
 * of the 1st to the 10th until it is issued, so that a day the application was down does not lose it; the
 * notification module reminds three days and one day before and at the due time, and the deadline is completed
 * when the circular is issued. Idempotent (one key per month), on one instance (ShedLock).
 */
@Component
class CircularReminderJob {

	private final Circulars circulars;

	private final Clock clock;

	CircularReminderJob(Circulars circulars, Clock clock) {
		this.circulars = circulars;
		this.clock = clock;
	}

	@Scheduled(cron = "${infodesk.assessment.circular-reminder-cron:0 0 8 1-10 * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "assessment-circular-reminder", lockAtMostFor = "PT10M")
	void remindPreviousMonth() {
		circulars.remindMonthly(YearMonth.now(clock).minusMonths(1));
	}

}
