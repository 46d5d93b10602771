package io.infodesk.publicity;

import java.time.LocalDate;
import java.util.List;

/**
 * A coverage record was entered (S3.2-d): the outlet's tier, whether it was a front-page lead (头版头条), the day,
 * the credited units and the people's shares — what assessment needs for its MEDIA_COVERAGE entries.
 */
public record CoveragePublished(long coverageId, MediaTier tier, boolean frontPageLead, LocalDate on,
		List<Long> unitIds, List<Share> authors, String title) {

	/** A person's share of the credit in percent. */
	public record Share(long personId, long unitId, double percent) {

	}

}
