package io.infodesk.organization.internal;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Date ranges with an inclusive start and an inclusive, optional end (open = still in force). */
public final class Periods {

	private Periods() {
	}

	/**
	 * Ends a period that has not ended yet: today, or on its start day if it has not begun (so the
	 * end is never before the start). Returns whether it was ended.
	 */
	public static boolean endIfRunning(LocalDate start, LocalDate end, LocalDate today, Consumer<LocalDate> ender) {
		if (end != null && !end.isAfter(today)) {
			return false;
		}
		ender.accept(start.isAfter(today) ? start : today);
		return true;
	}

	/** Whether [start1, end1] and [start2, end2] share at least one day; a null end is open. */
	public static boolean overlap(LocalDate start1, LocalDate end1, LocalDate start2, LocalDate end2) {
		boolean firstStartsBeforeSecondEnds = end2 == null || !start1.isAfter(end2);
		boolean secondStartsBeforeFirstEnds = end1 == null || !start2.isAfter(end1);
		return firstStartsBeforeSecondEnds && secondStartsBeforeFirstEnds;
	}

}
