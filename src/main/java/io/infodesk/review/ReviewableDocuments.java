package io.infodesk.review;

import java.util.List;

import io.infodesk.shared.security.AuthenticatedUser;

/**
 * How one document type takes part in the review chain: one bean per type (information items here; platform
 * articles, plans and bulletins later). {@link ReviewChains} asks it for the facts and tells it where the
 * review stands, inside the transaction of the review action.
 */
public interface ReviewableDocuments {

	/** The document type, e.g. {@code INFORMATION_ITEM}. */
	String type();

	ReviewSubject subject(long documentId);

	/** The review moved: the document updates its own status (in the same transaction). */
	void reviewChanged(long documentId, ReviewProgress progress, AuthenticatedUser actor);

	/** The page of the document, for the inbox. */
	String link(long documentId);

	/** The chain used when none is configured for the unit. */
	List<ReviewRole> defaultSteps(ReviewTrack track);

	/**
	 * True when each unit may set its own chain per track (items); false when one bureau-wide chain on the
	 * normal track reviews every document of the type (bulletins, compiled by the office).
	 */
	default boolean chainPerUnit() {
		return true;
	}

}
