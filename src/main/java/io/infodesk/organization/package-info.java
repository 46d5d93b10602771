/**
 * The bureau's organisation: units (sections and institutions), people, the leaders in charge of
 * each unit, designated information publicists and online commentators, and the leadership chart
 * drawn from them (S2-a, S4-a, S3.6-c, attachment 1).
 */
package io.infodesk.organization;
