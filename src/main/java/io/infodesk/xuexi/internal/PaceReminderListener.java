package io.infodesk.xuexi.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.infodesk.xuexi.PlatformStatsImported;
import io.infodesk.xuexi.XuexiReminders;

/**
 * The figures changed (a report was imported and committed): the cadres behind pace get (or keep) their weekly
 * reminder, the others have it completed — after the commit, asynchronously, each deadline in its own transaction.
 */
@Component
class PaceReminderListener {

	private final XuexiReminders reminders;

	PaceReminderListener(XuexiReminders reminders) {
		this.reminders = reminders;
	}

	@Async
	@TransactionalEventListener
	void on(PlatformStatsImported imported) {
		reminders.refreshPaceDeadlines();
	}

}
