package io.infodesk.review;

/** The ordinary chain, or the shortened one for time-critical (same-day) items. Labels: {@code reporting.chain.track.<NAME>}. */
public enum ReviewTrack {

	NORMAL, URGENT

}
