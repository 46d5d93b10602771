package io.infodesk.reporting.solicitation;

/**
 * Where a solicitation stands, computed from the clock: open (not yet delivered, deadline ahead), delivered
 * on time, delivered late, missed (deadline passed, nothing delivered). Labels:
 * {@code reporting.solicitation.status.<NAME>}.
 */
public enum SolicitationStatus {

	OPEN, DELIVERED_ON_TIME, DELIVERED_LATE, MISSED

}
