package io.infodesk.xuexi.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.infodesk.xuexi.internal.FigureCalculator.DailyTotals;

/**
 * The daily-detail facts of the figures summed by the database ({@code group by}, the same SQL on H2 and PostgreSQL),
 * so that a year of a few hundred members is a few thousand rows to read, not one row per member and day:
 * <ul>
 * <li>logins per unit and day: members on the roster who must study, registered by that day (registered, and the
 * registration date empty or not after the day), logged in on it — the days from the period's first day to the as-of
 * day;</li>
 * <li>per member, the points from {@link FigureCalculator#countFrom} (the day after the latest snapshot of the
 * as-of day's year, not after the as-of day; 1 January without one) and from {@link FigureCalculator#windowStart},
 * each up to the as-of day.</li>
 * </ul>
 * Members who do not count (their person inactive or gone) are left out by id. The definitions are those of
 * {@link FigureCalculator}; {@code XuexiFiguresTests} checks that both give the same figures.
 */
@Component
public class FigureQueries {

	private final JdbcTemplate jdbc;

	FigureQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param from the period's first day
	 * @param asOf the as-of day (the period's end, or today if earlier)
	 * @param excluded roster members who must study but do not count (their person inactive or missing)
	 */
	public DailyTotals totals(LocalDate from, LocalDate asOf, Collection<Long> excluded) {
		String exclusion = excluded.isEmpty() ? ""
				: " and m.id not in (" + String.join(",", Collections.nCopies(excluded.size(), "?")) + ")";
		Map<Long, Map<LocalDate, Integer>> logins = new HashMap<>();
		if (!asOf.isBefore(from)) {
			List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(asOf)));
			args.addAll(excluded);
			jdbc.query("""
					select m.unit_id, d.learn_day, count(*)
					from xuexi_daily d join xuexi_member m on m.id = d.member_id
					where d.learn_day between ? and ? and d.logged_in = true and m.required = true and m.registered = true
					and (m.registered_on is null or m.registered_on <= d.learn_day)""" + exclusion + """

					group by m.unit_id, d.learn_day""", rs -> {
				logins.computeIfAbsent(rs.getLong(1), unit -> new HashMap<>())
					.put(rs.getObject(2, LocalDate.class), rs.getInt(3));
			}, args.toArray());
		}

		LocalDate yearStart = asOf.withDayOfYear(1);
		LocalDate windowStart = FigureCalculator.windowStart(asOf);
		LocalDate first = windowStart.isBefore(yearStart) ? windowStart : yearStart;
		Map<Long, int[]> points = new HashMap<>();
		List<Object> args = new ArrayList<>(List.of(Date.valueOf(yearStart), Date.valueOf(windowStart),
				Date.valueOf(yearStart), Date.valueOf(asOf), Date.valueOf(first), Date.valueOf(asOf)));
		args.addAll(excluded);
		jdbc.query("""
				select d.member_id,
				sum(case when (s.as_of is null and d.learn_day >= ?) or d.learn_day > s.as_of then d.points else 0 end),
				sum(case when d.learn_day >= ? then d.points else 0 end)
				from xuexi_daily d
				join xuexi_member m on m.id = d.member_id
				left join (select member_id, max(as_of) as as_of from xuexi_snapshot where as_of between ? and ?
				group by member_id) s on s.member_id = d.member_id
				where d.learn_day between ? and ? and m.required = true""" + exclusion + """

				group by d.member_id""", rs -> {
			points.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) });
		}, args.toArray());

		return new DailyTotals() {

			@Override
			public int loggedIn(long unitId, LocalDate day) {
				Map<LocalDate, Integer> days = logins.get(unitId);
				return days == null ? 0 : days.getOrDefault(day, 0);
			}

			@Override
			public int yearPointsAfterSnapshot(long memberId) {
				int[] sums = points.get(memberId);
				return sums == null ? 0 : sums[0];
			}

			@Override
			public int recentPoints(long memberId) {
				int[] sums = points.get(memberId);
				return sums == null ? 0 : sums[1];
			}

		};
	}

}
