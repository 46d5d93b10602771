package io.infodesk.research;

/**
 * Where a competition stands: open for submissions, being judged, awards proposed (scoring closed, the office checks
 * the proposal), results published. Labels {@code research.status.<NAME>}.
 */
public enum CompetitionStatus {

	OPEN, JUDGING, PROPOSED, PUBLISHED

}
