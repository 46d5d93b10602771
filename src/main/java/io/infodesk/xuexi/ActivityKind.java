package io.infodesk.xuexi;

/** What a learning activity with platform content was (S3.4-c). Labels {@code xuexi.activity.kind.<NAME>}. */
public enum ActivityKind {

	THEME_LEARNING, PARTY_DAY, TEAM_BUILDING, OTHER

}
