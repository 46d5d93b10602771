package io.infodesk.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * Something that scores, as the ledger sees it: its source (type and id, unique within the type), the rule key,
 * the day that selects the rule version and the period, the units that receive unit points, the authors with their
 * shares (for author points), the item it concerns (for the drill-down and the halving of late items), a label and
 * the link of the source record page, and a count (missing items of a quota; 1 otherwise); optionally the key of
 * a rule whose multiplier applies to the points (a front-page lead: {@code MEDIA_COVERAGE:FRONT_PAGE_LEAD}).
 */
public record ScoringFact(String sourceType, String sourceId, String ruleKey, LocalDate day, List<Long> unitIds,
		Long itemId, List<Share> authors, String label, String link, int count, String multiplierKey) {

	public ScoringFact(String sourceType, String sourceId, String ruleKey, LocalDate day, List<Long> unitIds,
			Long itemId, List<Share> authors, String label, String link, int count) {
		this(sourceType, sourceId, ruleKey, day, unitIds, itemId, authors, label, link, count, null);
	}

	/** An author's share of an item in percent. */
	public record Share(long personId, long unitId, double percent) {

	}

	public ScoringFact {
		unitIds = List.copyOf(unitIds);
		authors = List.copyOf(authors);
	}

}
