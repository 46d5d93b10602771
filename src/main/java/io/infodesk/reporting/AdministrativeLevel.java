package io.infodesk.reporting;

/**
 * The level of a body, an adoption or a leader instruction: 区级, 市级, 省级, 国家级 (S3.1-d). Labels:
 * {@code reporting.level.<NAME>}.
 */
public enum AdministrativeLevel {

	DISTRICT, CITY, PROVINCE, NATIONAL

}
