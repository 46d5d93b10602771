package io.infodesk.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module listener for the event publication tests: records what it received and fails on demand, so a
 * test can see a publication stay incomplete in {@code event_publication} and be completed on resubmission.
 */
public class EventProbe {

	/** The probe's event; serialised to JSON in {@code event_publication.serialized_event}. */
	public record ProbeEvent(String id, long unitId) {
	}

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	// the listener is proxied (transactional, async), so tests use methods, never the fields

	public boolean received(String id) {
		return received.contains(id);
	}

	public void failFor(String id, boolean fail) {
		if (fail) {
			failing.add(id);
		}
		else {
			failing.remove(id);
		}
	}

	@ApplicationModuleListener
	void on(ProbeEvent event) {
		if (failing.contains(event.id())) {
			throw new IllegalStateException("probe listener fails on purpose for " + event.id());
		}
		received.add(event.id());
	}

}
