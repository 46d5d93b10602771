package io.infodesk.organization.internal;

import java.time.LocalDate;

/** Date ranges with an inclusive start and an inclusive, optional end (open = still in force). */
public final class Periods {

	private Periods() {
	}

	/** Whether [start1, end1] and [start2, end2] share at least one day; a null end is open. */
	public static boolean overlap(LocalDate start1, LocalDate end1, LocalDate start2, LocalDate end2) {
		boolean firstStartsBeforeSecondEnds = end2 == null || !start1.isAfter(end2);
		boolean secondStartsBeforeFirstEnds = end1 == null || !start2.isAfter(end1);
		return firstStartsBeforeSecondEnds && secondStartsBeforeFirstEnds;
	}

}
