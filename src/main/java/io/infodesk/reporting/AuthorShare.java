package io.infodesk.reporting;

/** One author's share of the credit for an item, in percent (joint items split credit). */
public record AuthorShare(long personId, long unitId, double percent) {

}
