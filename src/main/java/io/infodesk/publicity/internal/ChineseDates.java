package io.infodesk.publicity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * The Gregorian days of Chinese lunar dates and solar terms, computed for any year (S3.2-c), never typed in per year.
 * <ul>
 * <li>Lunar dates: ICU4J's {@link ChineseCalendar} gives the structure of the lunar year (which month is the first,
 * the leap months) and the approximate first day of the month; its new-moon computation is approximate (a few minutes
 * off), which puts a month's first day one day wrong when the new moon falls close to midnight Beijing time (春节 2027
 * and 2030: ICU4J 78.1 says 2027-02-07 and 2030-02-02; the new moons are 2027-02-06 23:56 and 2030-02-03 00:07
 * Beijing time, and the published days are 02-06 and 02-03). The first day is therefore corrected by the true new moon
 * of Meeus' "Astronomical Algorithms" (ch. 49, accurate to seconds), taken in Beijing time (UTC+8) as the Chinese
 * calendar defines it.</li>
 * <li>Solar terms (清明 = the sun at 15° ecliptic longitude): ICU4J's {@link CalendarAstronomer}, in Beijing time.</li>
 * </ul>
 */
public final class ChineseDates {

	/** The zone of the Chinese calendar (Beijing time, UTC+8). */
	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final double J1970 = 2440587.5;

	private ChineseDates() {
	}

	/**
	 * The Gregorian day of the lunar date (month 1–12, not leap, day 1–30) of the lunar year that begins in the given
	 * Gregorian year.
	 */
	public static LocalDate lunar(int year, int month, int day) {
		if (month < 1 || month > 12 || day < 1 || day > 30) {
			throw new IllegalArgumentException("lunar month " + month + " day " + day);
		}
		ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
		// 1 March is always in the lunar year that began in the same Gregorian year (春节 falls 21 Jan – 20 Feb)
		calendar.setTimeInMillis(millis(LocalDate.of(year, 3, 1).atTime(12, 0)));
		int extendedYear = calendar.get(Calendar.EXTENDED_YEAR);
		calendar.clear();
		calendar.set(Calendar.EXTENDED_YEAR, extendedYear);
		calendar.set(Calendar.MONTH, month - 1);
		calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
		calendar.set(Calendar.DAY_OF_MONTH, 1);
		LocalDate approximateFirst = day(calendar.getTimeInMillis());
		LocalDate first = trueNewMoonDay(approximateFirst);
		return first.plusDays(day - 1L);
	}

	/** The Gregorian day (Beijing time) on which the sun reaches the ecliptic longitude, searched from the day. */
	public static LocalDate solarTerm(int year, int longitudeDegrees, int fromMonth) {
		long start = millis(LocalDate.of(year, fromMonth, 1).atStartOfDay());
		long at = new CalendarAstronomer(start).getSunTime(Math.toRadians(longitudeDegrees), true);
		return day(at);
	}

	/** The Beijing day of the true new moon nearest to the day (within half a lunation). */
	static LocalDate trueNewMoonDay(LocalDate near) {
		double jd = near.toEpochDay() + J1970 + 0.5 - 8 / 24.0;
		double k = Math.round((jd - 2451550.09766) / 29.530588861);
		double jde = newMoonJde(k);
		// terrestrial time → universal time: ΔT about 69–75 s in these decades (Espenak–Meeus polynomial)
		double y = 2000 + (jde - 2451544.5) / 365.2425;
		double t = y - 2000;
		double deltaT = 62.92 + 0.32217 * t + 0.005589 * t * t;
		double jdUt = jde - deltaT / 86400.0;
		long ms = Math.round((jdUt - J1970) * 86400000.0);
		return day(ms);
	}

	/** Meeus, Astronomical Algorithms, 2nd ed., ch. 49: the true new moon of lunation k (JDE, TT). */
	static double newMoonJde(double k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double t4 = t3 * t;
		double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
		double e = 1 - 0.002516 * t - 0.0000074 * t2;
		double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
		double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
		double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
		double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
		double c = -0.40720 * Math.sin(mp) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mp)
				+ 0.01039 * Math.sin(2 * f) + 0.00739 * e * Math.sin(mp - m) - 0.00514 * e * Math.sin(mp + m)
				+ 0.00208 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mp - 2 * f) - 0.00057 * Math.sin(mp + 2 * f)
				+ 0.00056 * e * Math.sin(2 * mp + m) - 0.00042 * Math.sin(3 * mp) + 0.00042 * e * Math.sin(m + 2 * f)
				+ 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mp - m) - 0.00017 * Math.sin(om)
				- 0.00007 * Math.sin(mp + 2 * m) + 0.00004 * Math.sin(2 * mp - 2 * f) + 0.00004 * Math.sin(3 * m)
				+ 0.00003 * Math.sin(mp + m - 2 * f) + 0.00003 * Math.sin(2 * mp + 2 * f)
				- 0.00003 * Math.sin(mp + m + 2 * f) + 0.00003 * Math.sin(mp - m + 2 * f)
				- 0.00002 * Math.sin(mp - m - 2 * f) - 0.00002 * Math.sin(3 * mp + m) + 0.00002 * Math.sin(4 * mp);
		double[][] planetary = { { 299.77, 0.107408, 0.000325 }, { 251.88, 0.016321, 0.000165 },
				{ 251.83, 26.651886, 0.000164 }, { 349.42, 36.412478, 0.000126 }, { 84.66, 18.206239, 0.000110 },
				{ 141.74, 53.303771, 0.000062 }, { 207.14, 2.453732, 0.000060 }, { 154.84, 7.306860, 0.000056 },
				{ 34.52, 27.261239, 0.000047 }, { 207.19, 0.121824, 0.000042 }, { 291.34, 1.844379, 0.000040 },
				{ 161.72, 24.198154, 0.000037 }, { 239.56, 25.513099, 0.000035 }, { 331.55, 3.592518, 0.000023 } };
		double a = 0;
		for (int i = 0; i < planetary.length; i++) {
			double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
			a += planetary[i][2] * Math.sin(rad(arg));
		}
		return jde + c + a;
	}

	private static double rad(double degrees) {
		return Math.toRadians(degrees % 360);
	}

	private static long millis(LocalDateTime beijing) {
		return beijing.atZone(BEIJING).toInstant().toEpochMilli();
	}

	private static LocalDate day(long millis) {
		return Instant.ofEpochMilli(millis).atZone(BEIJING).toLocalDate();
	}

}
