package io.infodesk.shared.scheduling;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again every event whose listener failed: the publication stays in the event publication registry
 * until its listener completes (Spring Modulith), and this job resubmits those older than
 * {@code infodesk.events.retry-after} (10 minutes by default) every {@code infodesk.events.retry-interval} (5
 * minutes), on one instance at a time (lock "shared-event-retry"). Listeners are idempotent (the assessment
 * ledger's unique key), so a retry never counts twice. Without it a failed listener would only be retried at the
 * next restart ({@code republish-outstanding-events-on-restart}).
 */
@Component
public class EventPublicationRetry {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	EventPublicationRetry(IncompleteEventPublications incomplete,
			@Value("${infodesk.events.retry-after:PT10M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
	}

	@Scheduled(fixedDelayString = "${infodesk.events.retry-interval:5m}",
			initialDelayString = "${infodesk.events.retry-interval:5m}")
	@SchedulerLock(name = "shared-event-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	public void resubmit() {
		log.debug("resubmitting event publications incomplete for more than {}", retryAfter);
		incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
	}

}
