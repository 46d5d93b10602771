package io.infodesk.reporting;

import java.time.Instant;

/**
 * A solicitation's deadline passed and nothing answering it had reached the body that asked (S3.1-c): published
 * once per solicitation and responsible unit (落实主体), by the missed-deadline job, shortly after the deadline.
 * Delivery is per solicitation (the first submission of an answering item to the asking body), so every
 * responsible unit of an undelivered solicitation gets one. A delivery after this still publishes
 * {@link SolicitationDelivered} with {@code onTime = false}: a listener that scores "late or missed" once per
 * solicitation and unit counts the pair once.
 */
public record SolicitationOverdue(long solicitationId, long bodyId, long unitId, Instant deadline,
		Instant detectedAt) {

}
