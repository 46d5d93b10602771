package io.infodesk.review;

import java.time.Instant;
import java.util.List;

/** For tests of other modules' repositories: a review process started at its first step, not yet saved. */
public final class ReviewFixtures {

	private ReviewFixtures() {
	}

	public static ReviewProcess started(DocumentRef document, Long unitId, ReviewTrack track, List<ReviewRole> steps,
			Instant now) {
		ReviewProcess process = new ReviewProcess(document);
		process.start(unitId, track, steps, now);
		return process;
	}

}
