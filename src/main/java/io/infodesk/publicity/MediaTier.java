package io.infodesk.publicity;

/** The tier of an outlet (区级, 市级, 省级, 中央级): the qualifier of assessment's MEDIA_COVERAGE rules. */
public enum MediaTier {

	DISTRICT, CITY, PROVINCE, CENTRAL

}
