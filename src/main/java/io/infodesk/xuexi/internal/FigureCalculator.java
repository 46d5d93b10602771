package io.infodesk.xuexi.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.infodesk.xuexi.Figures;
import io.infodesk.xuexi.Figures.CadreFigures;
import io.infodesk.xuexi.Figures.UnitFigures;

/**
 * Computes the figures of S3.4-b from plain facts, with no database: the definitions of docs/xuexi.md in code.
 * The daily facts come already summed ({@link DailyTotals}: logins per unit and day, points per member over the
 * ranges {@link #countFrom} and {@link #windowStart} define) — in production from SQL {@code group by} queries
 * ({@code FigureQueries}), in the tests from {@link DailyData}, the member × day facts held in memory.
 */
public final class FigureCalculator {

	/** A person on the roster who must study, as of the computation. */
	public record MemberFacts(long memberId, long personId, String name, long unitId, boolean registered,
			LocalDate registeredOn, boolean cadre) {

		boolean registeredBy(LocalDate day) {
			return registered && (registeredOn == null || !registeredOn.isAfter(day));
		}

	}

	/** A member's year points as of a snapshot date. */
	public record SnapshotFact(long memberId, LocalDate asOf, int yearPoints) {

	}

	/**
	 * The daily-detail facts the figures need, summed. Only the members handed to {@link #compute} count; the ranges
	 * are those of {@link #countFrom} and {@link #windowStart}.
	 */
	public interface DailyTotals {

		/** Of the unit's members, those registered by the day ({@link MemberFacts#registeredBy}) who logged in on it. */
		int loggedIn(long unitId, LocalDate day);

		/** The member's daily points from {@link #countFrom} (their latest snapshot of the year) up to the as-of day. */
		int yearPointsAfterSnapshot(long memberId);

		/** The member's daily points from {@link #windowStart} up to the as-of day. */
		int recentPoints(long memberId);

	}

	/** The daily-detail facts from {@code base} on: points (or none) and logged in, per member and day. */
	public static final class DailyData {

		static final int NONE = Integer.MIN_VALUE;

		private final LocalDate base;

		private final int days;

		private final Map<Long, int[]> points = new HashMap<>();

		private final Map<Long, BitSet> logins = new HashMap<>();

		public DailyData(LocalDate base, LocalDate last) {
			this.base = base;
			this.days = (int) ChronoUnit.DAYS.between(base, last) + 1;
		}

		public void add(long memberId, LocalDate day, int dayPoints, boolean loggedIn) {
			int index = index(day);
			if (index < 0 || index >= days) {
				return;
			}
			points.computeIfAbsent(memberId, id -> {
				int[] values = new int[days];
				java.util.Arrays.fill(values, NONE);
				return values;
			})[index] = dayPoints;
			if (loggedIn) {
				logins.computeIfAbsent(memberId, id -> new BitSet(days)).set(index);
			}
		}

		int index(LocalDate day) {
			return (int) ChronoUnit.DAYS.between(base, day);
		}

		boolean loggedIn(long memberId, int index) {
			BitSet set = logins.get(memberId);
			return set != null && set.get(index);
		}

		/** These facts summed as {@link DailyTotals} for the members, as of the day, with the members' snapshots. */
		public DailyTotals totals(List<MemberFacts> members, LocalDate asOf, Map<Long, SnapshotFact> snapshots) {
			Map<Long, List<MemberFacts>> byUnit = new HashMap<>();
			members.forEach(m -> byUnit.computeIfAbsent(m.unitId(), id -> new ArrayList<>()).add(m));
			LocalDate windowStart = windowStart(asOf);
			return new DailyTotals() {

				@Override
				public int loggedIn(long unitId, LocalDate day) {
					int index = index(day);
					int count = 0;
					if (index >= 0 && index < days) {
						for (MemberFacts member : byUnit.getOrDefault(unitId, List.of())) {
							if (member.registeredBy(day) && DailyData.this.loggedIn(member.memberId(), index)) {
								count++;
							}
						}
					}
					return count;
				}

				@Override
				public int yearPointsAfterSnapshot(long memberId) {
					return sum(memberId, countFrom(snapshots.get(memberId), asOf).minusDays(1), asOf);
				}

				@Override
				public int recentPoints(long memberId) {
					return sum(memberId, windowStart.minusDays(1), asOf);
				}

			};
		}

		/** Points over the days (from, to], or 0. */
		int sum(long memberId, LocalDate afterExclusive, LocalDate to) {
			int[] values = points.get(memberId);
			if (values == null) {
				return 0;
			}
			int start = Math.max(0, index(afterExclusive) + 1);
			int end = Math.min(days - 1, index(to));
			int sum = 0;
			for (int i = start; i <= end; i++) {
				if (values[i] != NONE) {
					sum += values[i];
				}
			}
			return sum;
		}

	}

	private FigureCalculator() {
	}

	/** The first day the daily data must cover for {@link #compute}. */
	public static LocalDate base(LocalDate from, LocalDate asOf) {
		LocalDate base = asOf.withDayOfYear(1);
		if (from.isBefore(base)) {
			base = from;
		}
		LocalDate window = windowStart(asOf);
		return window.isBefore(base) ? window : base;
	}

	/** The first of the 30 days up to {@code asOf} whose points give the recent rate. */
	public static LocalDate windowStart(LocalDate asOf) {
		return asOf.minusDays(29);
	}

	/** A snapshot that counts for the year points as of {@code asOf}: taken that year, not after {@code asOf}. */
	public static boolean counts(SnapshotFact snapshot, LocalDate asOf) {
		return snapshot != null && !snapshot.asOf().isBefore(asOf.withDayOfYear(1)) && !snapshot.asOf().isAfter(asOf);
	}

	/**
	 * The first day whose daily points add to the year points as of {@code asOf}: the day after the snapshot, if it
	 * counts, else 1 January.
	 */
	public static LocalDate countFrom(SnapshotFact snapshot, LocalDate asOf) {
		return counts(snapshot, asOf) ? snapshot.asOf().plusDays(1) : asOf.withDayOfYear(1);
	}

	/** The figures from the member × day facts held in memory (summed by {@link DailyData#totals}). */
	public static Figures compute(LocalDate from, LocalDate to, LocalDate today, List<MemberFacts> members,
			Map<Long, String> unitNames, SortedSet<LocalDate> dataDays, DailyData daily,
			Map<Long, SnapshotFact> snapshots) {
		LocalDate asOf = to.isAfter(today) ? today : to;
		return compute(from, to, today, members, unitNames, dataDays, daily.totals(members, asOf, snapshots),
				snapshots);
	}

	/**
	 * @param unitNames the units to show, in their order (members of other units count bureau-wide only)
	 * @param dataDays every day with an imported daily report
	 * @param snapshots the latest snapshot of each member with {@code asOf} in the year and not after it
	 */
	public static Figures compute(LocalDate from, LocalDate to, LocalDate today, List<MemberFacts> members,
			Map<Long, String> unitNames, SortedSet<LocalDate> dataDays, DailyTotals daily,
			Map<Long, SnapshotFact> snapshots) {
		LocalDate asOf = to.isAfter(today) ? today : to;
		List<LocalDate> periodDays = asOf.isBefore(from) ? List.of()
				: List.copyOf(dataDays.subSet(from, asOf.plusDays(1)));
		int periodLength = asOf.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, asOf) + 1;

		List<CadreFigures> cadres = new ArrayList<>();
		for (MemberFacts member : members) {
			if (member.cadre()) {
				cadres.add(cadre(member, unitNames.getOrDefault(member.unitId(), ""), asOf, dataDays, daily,
						snapshots.get(member.memberId())));
			}
		}
		cadres.sort(Comparator.comparingInt(CadreFigures::behindBy)
			.reversed()
			.thenComparingInt(CadreFigures::yearPoints)
			.thenComparing(CadreFigures::name));

		Map<Long, List<MemberFacts>> byUnit = new LinkedHashMap<>();
		unitNames.keySet().forEach(id -> byUnit.put(id, new ArrayList<>()));
		for (MemberFacts member : members) {
			List<MemberFacts> list = byUnit.get(member.unitId());
			if (list != null) {
				list.add(member);
			}
		}
		List<UnitFigures> units = new ArrayList<>();
		for (Map.Entry<Long, List<MemberFacts>> entry : byUnit.entrySet()) {
			units.add(unit(entry.getKey(), unitNames.get(entry.getKey()), entry.getValue(), asOf, periodDays, daily,
					cadres));
		}
		UnitFigures bureau = unit(null, null, members, asOf, periodDays, daily, cadres);
		return new Figures(from, to, asOf, bureau, units, cadres, periodDays.size(), periodLength - periodDays.size());
	}

	static UnitFigures unit(Long unitId, String unitName, List<MemberFacts> members, LocalDate asOf,
			List<LocalDate> periodDays, DailyTotals daily, List<CadreFigures> cadres) {
		int required = members.size();
		int registered = (int) members.stream().filter(m -> m.registeredBy(asOf)).count();
		Double registrationRate = required == 0 ? null : (double) registered / required;
		// the bureau: every unit of its members
		List<Long> units = members.stream().map(MemberFacts::unitId).distinct().toList();
		double sum = 0;
		int counted = 0;
		for (LocalDate day : periodDays) {
			int denominator = 0;
			for (MemberFacts member : members) {
				if (member.registeredBy(day)) {
					denominator++;
				}
			}
			int loggedIn = 0;
			if (denominator > 0) {
				for (long unit : units) {
					loggedIn += daily.loggedIn(unit, day);
				}
			}
			if (denominator > 0) {
				sum += (double) loggedIn / denominator;
				counted++;
			}
		}
		Double loginRate = counted == 0 ? null : sum / counted;
		List<CadreFigures> own = unitId == null ? cadres
				: cadres.stream().filter(c -> c.unitId() == unitId).toList();
		int behind = (int) own.stream().filter(CadreFigures::behind).count();
		return new UnitFigures(unitId, unitName, required, registered, registrationRate, loginRate, counted, own.size(),
				behind);
	}

	/** 5,000 × day of year ÷ days in year. */
	public static double pace(LocalDate day) {
		return (double) Figures.YEAR_POINTS_TARGET * day.getDayOfYear() / day.lengthOfYear();
	}

	static CadreFigures cadre(MemberFacts member, String unitName, LocalDate asOf, SortedSet<LocalDate> dataDays,
			DailyTotals daily, SnapshotFact snapshot) {
		int yearPoints = (counts(snapshot, asOf) ? snapshot.yearPoints() : 0)
				+ daily.yearPointsAfterSnapshot(member.memberId());
		double pace = pace(asOf);
		int behindBy = (int) Math.max(0, Math.ceil(pace - yearPoints));
		int remainingDays = asOf.lengthOfYear() - asOf.getDayOfYear();
		int missing = Math.max(0, Figures.YEAR_POINTS_TARGET - yearPoints);
		double dailyNeeded = missing == 0 ? 0 : remainingDays == 0 ? missing : (double) missing / remainingDays;
		LocalDate windowStart = windowStart(asOf);
		int windowDays = dataDays.subSet(windowStart, asOf.plusDays(1)).size();
		double recentRate = windowDays == 0 ? 0 : (double) daily.recentPoints(member.memberId()) / windowDays;
		int forecast = (int) Math.round(yearPoints + recentRate * remainingDays);
		return new CadreFigures(member.personId(), member.name(), member.unitId(), unitName, yearPoints, pace, behindBy,
				dailyNeeded, recentRate, forecast);
	}

}
