package io.infodesk.reporting.item;

/**
 * Where an information item stands: drafted, in the review chain, returned to the drafter, signed off by
 * the last reviewer (ready to leave the bureau), submitted upward, adopted by an outlet. Labels:
 * {@code reporting.status.<NAME>}.
 */
public enum ItemStatus {

	DRAFT, IN_REVIEW, RETURNED, SIGNED_OFF, SUBMITTED, ADOPTED;

	/** The drafter (and co-authors) may change the content only before review or after a return. */
	public boolean editableByDrafter() {
		return this == DRAFT || this == RETURNED;
	}

	/** Submission records need the leader's sign-off first (S3.1-b). */
	public boolean signedOff() {
		return this == SIGNED_OFF || this == SUBMITTED || this == ADOPTED;
	}

}
