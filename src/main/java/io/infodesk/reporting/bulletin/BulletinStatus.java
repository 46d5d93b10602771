package io.infodesk.reporting.bulletin;

/**
 * Where a bulletin (简报) stands: compiled by the office, in the review chain, returned to the office, signed off
 * by the leader, issued (numbered, written as DOCX and archived; nothing changes after that). Labels:
 * {@code reporting.bulletin.status.<NAME>}.
 */
public enum BulletinStatus {

	DRAFT, IN_REVIEW, RETURNED, SIGNED_OFF, ISSUED;

	/** The office may change the content only before review or after a return. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
