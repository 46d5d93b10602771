package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the points ledger as written (append-only; a correction is a later revision of the same key).
 * {@code origin}: EVENT (a listener), RECOMPUTE (a compensating entry of an applied recomputation), QUOTA (the
 * month close), ADJUSTMENT (approved by a leader).
 */
public record LedgerEntry(long id, long unitId, Long personId, String recipientKey, BigDecimal points,
		ScoreKind category, String ruleKey, Long ruleId, Integer ruleVersion, String sourceType, String sourceId,
		Long itemId, String label, String link, LocalDate periodDate, int revision, String origin, String note,
		String createdBy, Instant createdAt) {

}
