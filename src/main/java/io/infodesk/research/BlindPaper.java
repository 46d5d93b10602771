package io.infodesk.research;

import java.math.BigDecimal;

/**
 * A paper as a judge sees it: its code and title, the size of its blind copy, and whether (and with what normalised
 * total) this judge has scored it. No author, no unit, no file name.
 */
public record BlindPaper(long id, long competitionId, String code, String title, String fileType, long blindSize,
		BigDecimal myTotal) {

	public boolean scored() {
		return myTotal != null;
	}

}
