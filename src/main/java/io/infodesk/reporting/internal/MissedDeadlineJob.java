package io.infodesk.reporting.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Publishes overdue solicitations and missed same-day reports ({@link MissedDeadlines}) every
 * {@code infodesk.reporting.missed-deadline-interval} (one minute by default), on one instance at a time under
 * ShedLock (lock "reporting-missed-deadlines").
 */
@Component
class MissedDeadlineJob {

	private final MissedDeadlines missedDeadlines;

	MissedDeadlineJob(MissedDeadlines missedDeadlines) {
		this.missedDeadlines = missedDeadlines;
	}

	@Scheduled(fixedDelayString = "${infodesk.reporting.missed-deadline-interval:1m}",
			initialDelayString = "${infodesk.reporting.missed-deadline-interval:1m}")
	@SchedulerLock(name = "reporting-missed-deadlines", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	public void publish() {
		missedDeadlines.run();
	}

}
