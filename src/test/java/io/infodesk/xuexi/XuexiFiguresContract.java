package io.infodesk.xuexi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.shared.security.DataScope;
import io.infodesk.xuexi.Figures.CadreFigures;
import io.infodesk.xuexi.XuexiFigures.TotalsSource;
import io.infodesk.xuexi.internal.FigureCalculator;
import io.infodesk.xuexi.internal.FigureCalculator.DailyData;

/**
 * The figures summed by the database ({@code FigureQueries}: {@code group by} unit and day, and member) are the
 * figures of the member × day facts held in memory ({@link DailyData}, whose definitions {@code FigureCalculatorTests}
 * checks on hand-computed fixtures): on the demo's year (two gap days, a member registered in the middle of the year,
 * two never registered, a unit below 95 %, cadres behind pace), for periods across the gaps, the registration, the
 * turn of the year and the future, for one unit's scope, with a snapshot followed by later days, and with a person
 * made inactive. Run on H2 and on PostgreSQL by {@link XuexiFiguresTests}.
 */
abstract class XuexiFiguresContract extends ReportingIntegrationTest {

	@Autowired
	XuexiFigures figures;

	@Autowired
	PlatformTransactionManager transactions;

	/** The member × day facts read row by row into {@link DailyData}, as the figures were computed before. */
	private TotalsSource rowByRow() {
		return (from, asOf, members, snapshots, excluded) -> {
			LocalDate base = FigureCalculator.base(from, asOf);
			LocalDate last = asOf.isBefore(base) ? base : asOf;
			DailyData daily = new DailyData(base, last);
			jdbc.query("select member_id, learn_day, points, logged_in from xuexi_daily where learn_day between ? and ?",
					rs -> {
						daily.add(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBoolean(4));
					}, Date.valueOf(base), Date.valueOf(last));
			return daily.totals(members, asOf, snapshots);
		};
	}

	private Figures bothWays(LocalDate from, LocalDate to, DataScope scope) {
		Figures summed = figures.figures(from, to, scope);
		assertThat(summed).as("%s … %s", from, to).isEqualTo(figures.figures(from, to, scope, rowByRow()));
		return summed;
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void theDatabasesSumsGiveTheFiguresOfTheDemoYearForEveryPeriod() {
		// the clock of the tests: 2026-11-27; the demo's days 2026-01-01 … 11-26, gaps 02-10 and 11-15, one member
		// registered on 06-15
		Figures year = bothWays(d("2026-01-01"), d("2026-11-27"), DataScope.all());
		assertThat(year.gapDays()).isGreaterThanOrEqualTo(2);
		assertThat(year.bureau().loginRate()).isBetween(0.8, 1.0);
		assertThat(year.cadresBehind()).isNotEmpty();
		assertThat(year.units()).anyMatch(Figures.UnitFigures::loginShort);
		// the cadres who learn, and one of the two never registered: no points at all
		assertThat(year.cadres()).anyMatch(c -> c.yearPoints() > 5000).anyMatch(c -> c.yearPoints() == 0);

		Figures february = bothWays(d("2026-02-01"), d("2026-02-28"), DataScope.all());
		assertThat(february.gapDays()).isEqualTo(1);
		assertThat(february.bureau().loginDays()).isEqualTo(27);
		bothWays(d("2026-06-10"), d("2026-06-20"), DataScope.all());
		bothWays(d("2026-11-10"), d("2026-11-20"), DataScope.all());
		bothWays(d("2026-11-27"), d("2026-11-27"), DataScope.all());
		// across the turn of the year: the year points of 2026 only, the 30-day window reaching into 2025
		bothWays(d("2025-12-01"), d("2026-01-10"), DataScope.all());
		// a period in the future: no day yet
		Figures future = bothWays(d("2027-01-01"), d("2027-01-31"), DataScope.all());
		assertThat(future.bureau().loginRate()).isNull();
	}

	@Test
	void oneUnitsScopeCountsOnlyThatUnit() {
		long unit = figures.yearToDate(DataScope.all()).units().stream()
			.filter(u -> u.cadres() > 0)
			.findFirst()
			.orElseThrow()
			.unitId();
		Figures own = bothWays(d("2026-01-01"), d("2026-11-27"), DataScope.units(Set.of(unit)));
		assertThat(own.units()).extracting(Figures.UnitFigures::unitId).containsExactly(unit);
		assertThat(own.cadres()).isNotEmpty().allMatch(c -> c.unitId() == unit);
	}

	@Test
	void aSnapshotFollowedByLaterDaysAndAnInactivePersonGiveTheSameFigures() {
		Figures before = figures.yearToDate(DataScope.all());
		CadreFigures gone = before.cadres().get(0);
		CadreFigures snapped = before.cadres().get(before.cadres().size() - 1);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> {
			// a snapshot of 1 September: the year points up to the end of October are its 4,000 + the days after it
			long member = jdbc.queryForObject("select id from xuexi_member where person_id = ?", Long.class,
					snapped.personId());
			long anImport = jdbc.queryForObject("select max(id) from xuexi_import", Long.class);
			jdbc.update("insert into xuexi_snapshot (member_id, as_of, total_points, year_points, import_id) "
					+ "values (?, ?, 9000, 4000, ?)", member, d("2026-09-01"), anImport);
			// the person leaves: no longer counted
			jdbc.update("update org_person set active = false where id = ?", gone.personId());

			Figures october = bothWays(d("2026-10-01"), d("2026-10-31"), DataScope.all());
			CadreFigures line = october.cadres().stream()
				.filter(c -> c.personId() == snapped.personId())
				.findFirst()
				.orElseThrow();
			int after = jdbc.queryForObject("select coalesce(sum(points), 0) from xuexi_daily where member_id = ? "
					+ "and learn_day > ? and learn_day <= ?", Integer.class, member, d("2026-09-01"), d("2026-10-31"));
			assertThat(after).isPositive();
			assertThat(line.yearPoints()).isEqualTo(4000 + after);
			assertThat(october.cadres()).noneMatch(c -> c.personId() == gone.personId());

			Figures year = bothWays(d("2026-01-01"), d("2026-11-27"), DataScope.all());
			assertThat(year.bureau().required()).isEqualTo(before.bureau().required() - 1);
			status.setRollbackOnly();
		});
		assertThat(figures.yearToDate(DataScope.all())).isEqualTo(before);
	}

	@Test
	void aScopeWithoutUnitsHasNoFigures() {
		Figures none = bothWays(d("2026-01-01"), d("2026-11-27"), DataScope.units(Set.of(-1L)));
		assertThat(none.units()).isEmpty();
		assertThat(none.cadres()).isEmpty();
		assertThat(none.bureau().required()).isZero();
		assertThat(none.bureau().registrationRate()).isNull();
		assertThat(none.bureau().loginRate()).isNull();
	}

}
