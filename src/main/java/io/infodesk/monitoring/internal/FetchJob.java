package io.infodesk.monitoring.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The fetch job ({@code infodesk.monitoring.fetch-interval}, every minute by default) on the scheduler's thread, so
 * fetching never blocks a web request; one instance at a time under ShedLock (lock "monitoring-fetch").
 */
@Component
class FetchJob {

	private final Sources sources;

	FetchJob(Sources sources) {
		this.sources = sources;
	}

	@Scheduled(fixedDelayString = "${infodesk.monitoring.fetch-interval:1m}",
			initialDelayString = "${infodesk.monitoring.fetch-interval:1m}")
	@SchedulerLock(name = "monitoring-fetch", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	void fetch() {
		sources.fetchDue();
	}

}
