package io.infodesk.assessment;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of the assessment pages for a period — the ranking and the entries behind a score — for the links of
 * every page that shows assessment figures (the ranking table, the home page's panel), so that all of them name the
 * period alike and open the same figures.
 */
public final class AssessmentLinks {

	private AssessmentLinks() {
	}

	/** The unit ranking of the period. */
	public static String ranking(Period period) {
		return withPeriod("/assessment", period);
	}

	/** The entries of the period (all units for those who see them); append the unit or person, and a category. */
	public static String entries(Period period) {
		return withPeriod("/assessment/entries", period);
	}

	/** The entries of one unit in the period. */
	public static String entries(Period period, long unitId) {
		return entries(period) + "&unitId=" + unitId;
	}

	private static String withPeriod(String path, Period period) {
		return UriComponentsBuilder.fromPath(path)
			.queryParam("kind", period.kind())
			.queryParam("year", period.year())
			.queryParam("month", period.from().getMonthValue())
			.queryParam("quarter", period.quarter())
			.queryParam("from", period.from())
			.queryParam("to", period.to())
			.build()
			.toUriString();
	}

}
