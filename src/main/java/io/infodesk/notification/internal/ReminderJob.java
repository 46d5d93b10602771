package io.infodesk.notification.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The one reminder job ({@code infodesk.notification.reminder-interval}, every minute by default), run by one
 * instance at a time under ShedLock (lock "notification-reminders" in the {@code shedlock} table). The
 * no-duplicate rule does not rest on the lock alone: see {@link Reminders}.
 */
@Component
public class ReminderJob {

	private final Reminders reminders;

	ReminderJob(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${infodesk.notification.reminder-interval:1m}",
			initialDelayString = "${infodesk.notification.reminder-interval:1m}")
	@SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	public void remind() {
		reminders.run();
	}

}
