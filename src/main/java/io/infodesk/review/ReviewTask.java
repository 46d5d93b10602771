package io.infodesk.review;

import java.time.Instant;

/** A review waiting for the user: which document, at which step, since when. */
public record ReviewTask(DocumentRef document, String title, String link, ReviewRole role, ReviewTrack track,
		Long unitId, Instant since) {

	public boolean urgent() {
		return track == ReviewTrack.URGENT;
	}

}
