package io.infodesk.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a recomputation reads the facts of a period from the source records (not from the ledger): one bean per
 * module whose records score. Facts carry the same source ids and rule keys the listeners write.
 */
public interface ScoringSource {

	/** The facts whose day falls in [from, to]. */
	List<ScoringFact> facts(LocalDate from, LocalDate to);

	/** Items whose scorings lose a share because their same-day report was late. */
	default List<Long> lateItems() {
		return List.of();
	}

	/** How many items each unit first submitted upward in the month (for the quota). */
	default java.util.Map<Long, Long> submittedPerUnit(LocalDate monthStart) {
		return java.util.Map.of();
	}

}
