package io.infodesk.reporting;

import java.time.Instant;
import java.util.List;

import io.infodesk.reporting.outcome.SubmissionChannel;

/**
 * An item was submitted upward to a body (S3.1-c). {@code first} marks its first submission (the one that
 * counts as "submitted" and, for time-critical items, against the same-day clock).
 */
public record InformationSubmitted(ItemId item, long unitId, long submissionId, long bodyId,
		SubmissionChannel channel, Instant submittedAt, boolean first, boolean urgent, List<AuthorShare> authors) {

}
