package io.infodesk.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A solicitation was delivered by an answering item (S3.1-c): on time, or late by {@code delay}. */
public record SolicitationDelivered(long solicitationId, ItemId item, long bodyId, Set<Long> responsibleUnitIds,
		Instant deadline, Instant deliveredAt, boolean onTime, Duration delay) {

}
