package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An entry the rules call for, before it is written (or compared with the ledger by a recomputation). */
public record PlannedEntry(LedgerKey key, long unitId, Long personId, BigDecimal points, ScoreKind category,
		Long ruleId, Integer ruleVersion, LocalDate day, Long itemId, String label, String link, String note) {

	public PlannedEntry withPoints(BigDecimal value, String text) {
		return new PlannedEntry(key, unitId, personId, value, category, ruleId, ruleVersion, day, itemId, label, link,
				text);
	}

}
