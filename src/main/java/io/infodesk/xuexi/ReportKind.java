package io.infodesk.xuexi;

import java.util.List;

/**
 * The two kinds of the platform's learning reports: the daily detail (member × day: date, points that day, logged in
 * or not) and the cumulative snapshot (as of a date: total points, points this year). Label {@code xuexi.kind.<NAME>}.
 */
public enum ReportKind {

	DAILY(List.of(ReportField.DATE, ReportField.POINTS), List.of(ReportField.LOGGED_IN, ReportField.ORG)),
	SNAPSHOT(List.of(ReportField.TOTAL_POINTS, ReportField.YEAR_POINTS), List.of(ReportField.DATE, ReportField.ORG));

	private final List<ReportField> required;

	private final List<ReportField> optional;

	ReportKind(List<ReportField> required, List<ReportField> optional) {
		this.required = required;
		this.optional = optional;
	}

	/** The fields a column must be mapped to (besides an identity: name or platform member ID). */
	public List<ReportField> required() {
		return required;
	}

	/** Every field of this kind, identity first, for the mapping form. */
	public List<ReportField> fields() {
		List<ReportField> all = new java.util.ArrayList<>(List.of(ReportField.NAME, ReportField.PHONE, ReportField.MEMBER_ID));
		all.addAll(required);
		all.addAll(optional);
		return all;
	}

}
