package io.infodesk.xuexi;

import java.time.LocalDate;
import java.util.List;

/**
 * The district's three figures for a period (S3.4-b), bureau-wide and per unit, and every section-level cadre's year
 * points against 5,000 as of the period's last day (or today, if earlier). Definitions in docs/xuexi.md.
 *
 * @param from first day of the period
 * @param to last day of the period
 * @param asOf the day the registration and the cadres' points are taken at: the period's end, or today if earlier
 * @param dataDays days of the period (up to {@code asOf}) with an imported daily report
 * @param gapDays days of the period (up to {@code asOf}) without one — left out, never counted as zeros
 */
public record Figures(LocalDate from, LocalDate to, LocalDate asOf, UnitFigures bureau, List<UnitFigures> units,
		List<CadreFigures> cadres, int dataDays, int gapDays) {

	public static final double REGISTRATION_TARGET = 1.0;

	public static final double LOGIN_TARGET = 0.95;

	public static final int YEAR_POINTS_TARGET = 5000;

	/** The pace line on {@code asOf}: 5,000 × day of year ÷ days in year. */
	public double pace() {
		return (double) YEAR_POINTS_TARGET * asOf.getDayOfYear() / asOf.lengthOfYear();
	}

	/** The cadres behind the pace line now, furthest behind first. */
	public List<CadreFigures> cadresBehind() {
		return cadres.stream().filter(CadreFigures::behind).toList();
	}

	/**
	 * @param unitId the unit, or {@code null} for the bureau as a whole
	 * @param required people on the roster who must study (active)
	 * @param registered of those, registered on the platform by {@code asOf}
	 * @param registrationRate registered ÷ required, {@code null} when no one is required
	 * @param loginRate mean over the data days of (logged in that day ÷ registered by that day), {@code null} without
	 * any such day
	 * @param loginDays the days the login rate is the mean of
	 */
	public record UnitFigures(Long unitId, String unitName, int required, int registered, Double registrationRate,
			Double loginRate, int loginDays, int cadres, int cadresBehind) {

		public boolean registrationShort() {
			return registrationRate != null && registrationRate < REGISTRATION_TARGET;
		}

		public boolean loginShort() {
			return loginRate != null && loginRate < LOGIN_TARGET;
		}

	}

	/**
	 * A section-level cadre's year as of {@code asOf}.
	 *
	 * @param yearPoints points this year (the latest snapshot's year points plus the daily points after it)
	 * @param pace the pace line: 5,000 × day of year ÷ days in year
	 * @param behindBy how far below the pace line (0 when on or above it)
	 * @param dailyNeeded the points a day still needed over the rest of the year to reach 5,000 (0 when reached)
	 * @param recentRate points a day over the last 30 days (data days only)
	 * @param forecast year points at 31 December at the recent rate
	 */
	public record CadreFigures(long personId, String name, long unitId, String unitName, int yearPoints, double pace,
			int behindBy, double dailyNeeded, double recentRate, int forecast) {

		public boolean behind() {
			return behindBy > 0;
		}

		public boolean willMiss() {
			return forecast < YEAR_POINTS_TARGET;
		}

	}

}
