package io.infodesk.assessment.internal;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.Quotas;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Closes the previous month on the 1st (quota shortfall, issue 4 point 2) on one instance (ShedLock). Idempotent:
 * the ledger keys make a second run — or the office's manual close — write nothing.
 */
@Component
class MonthCloseJob {

	private final Quotas quotas;

	private final Clock clock;

	MonthCloseJob(Quotas quotas, Clock clock) {
		this.quotas = quotas;
		this.clock = clock;
	}

	@Scheduled(cron = "${infodesk.assessment.close-cron:0 30 1 1 * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "assessment-month-close", lockAtMostFor = "PT30M")
	void closePreviousMonth() {
		quotas.close(YearMonth.now(clock).minusMonths(1));
	}

}
