package io.infodesk.reporting.item;

/**
 * The angle an item was chosen from (精细选题, S3.1-a): what the higher level focuses on, a new
 * highlight of the unit's own work, a hot or difficult issue for citizens and firms. Labels:
 * {@code reporting.angle.<NAME>}.
 */
public enum Angle {

	HIGHER_FOCUS, NEW_HIGHLIGHT, HOT_ISSUE

}
