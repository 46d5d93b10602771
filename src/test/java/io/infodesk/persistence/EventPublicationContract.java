package io.infodesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;

import io.infodesk.persistence.EventProbe.ProbeEvent;

/**
 * Spring Modulith's JPA event publication registry works on both databases: a module event published in a
 * transaction is stored in {@code event_publication} and marked complete once its listener ran; a failed
 * listener leaves the publication incomplete (nothing is lost) until it is resubmitted from the stored JSON.
 */
abstract class EventPublicationContract extends DatabaseContract {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	EventProbe probe;

	@Autowired
	IncompleteEventPublications incomplete;

	void publish(ProbeEvent event) {
		try {
			inNewTransaction().executeWithoutResult(status -> events.publishEvent(event));
		}
		catch (RuntimeException ex) {
			// a synchronous listener's failure may surface here; the registry has recorded it either way
		}
	}

	List<Map<String, Object>> publicationsOf(String id) {
		return jdbc.queryForList(
				"select listener_id, event_type, serialized_event, completion_date from event_publication "
						+ "where serialized_event like ?",
				"%" + id + "%");
	}

	@Test
	void aPublishedEventIsStoredAndCompletedOnceItsListenerRan() {
		String id = unique("event");
		publish(new ProbeEvent(id, 42));

		await().atMost(Duration.ofSeconds(20)).until(() -> probe.received(id));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publicationsOf(id)).singleElement()
			.satisfies(row -> assertThat(row.get("completion_date")).isNotNull()));
		Map<String, Object> row = publicationsOf(id).get(0);
		assertThat((String) row.get("event_type")).isEqualTo(ProbeEvent.class.getName());
		assertThat((String) row.get("listener_id")).contains("EventProbe");
		assertThat((String) row.get("serialized_event")).contains("\"unitId\":42");
	}

	@Test
	void aFailedListenerLeavesThePublicationIncompleteUntilItIsResubmitted() {
		String id = unique("failing");
		probe.failFor(id, true);
		publish(new ProbeEvent(id, 7));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publicationsOf(id)).singleElement()
			.satisfies(row -> assertThat(row.get("completion_date")).isNull()));
		assertThat(probe.received(id)).isFalse();

		probe.failFor(id, false);
		incomplete.resubmitIncompletePublications(
				publication -> publication.getEvent() instanceof ProbeEvent event && event.id().equals(id));

		await().atMost(Duration.ofSeconds(20)).until(() -> probe.received(id));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publicationsOf(id)).singleElement()
			.satisfies(row -> assertThat(row.get("completion_date")).isNotNull()));
	}

	/**
	 * Issue 18: an instance killed (kill -9) with an event published but its listener not done leaves the
	 * publication incomplete; the next start resubmits it. That is the registry's start hook — Spring calls
	 * {@link SmartInitializingSingleton#afterSingletonsInstantiated()} on the event multicaster once the beans are
	 * up, and it resubmits every incomplete publication when
	 * {@code spring.modulith.events.republish-outstanding-events-on-restart} is set (application.yml) — run here
	 * on the running context, as a restart would run it; with the setting off nothing is resubmitted and this fails.
	 */
	@Test
	void anIncompletePublicationIsResubmittedByTheStartOfAnInstance() {
		String id = unique("restart");
		probe.failFor(id, true);
		publish(new ProbeEvent(id, 9));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publicationsOf(id)).singleElement()
			.satisfies(row -> assertThat(row.get("completion_date")).isNull()));
		probe.failFor(id, false);

		assertThat(incomplete).as("the registry's multicaster").isInstanceOf(SmartInitializingSingleton.class);
		((SmartInitializingSingleton) incomplete).afterSingletonsInstantiated();

		await().atMost(Duration.ofSeconds(20)).until(() -> probe.received(id));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publicationsOf(id)).singleElement()
			.satisfies(row -> assertThat(row.get("completion_date")).isNotNull()));
	}

}
