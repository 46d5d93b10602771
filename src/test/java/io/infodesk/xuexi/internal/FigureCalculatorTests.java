package io.infodesk.xuexi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.infodesk.xuexi.Figures;
import io.infodesk.xuexi.Figures.CadreFigures;
import io.infodesk.xuexi.Figures.UnitFigures;
import io.infodesk.xuexi.internal.FigureCalculator.DailyData;
import io.infodesk.xuexi.internal.FigureCalculator.MemberFacts;
import io.infodesk.xuexi.internal.FigureCalculator.SnapshotFact;

/**
 * The figure definitions of docs/xuexi.md on fixtures computed by hand: gap days left out of the login rate (not
 * zeros), a member registered mid-period counted only from that day, the pace line in a leap year and a common one,
 * the year points from a snapshot plus later days, the daily points needed and the forecast from the last 30 days.
 */
class FigureCalculatorTests {

	static final Map<Long, String> UNITS = new LinkedHashMap<>(Map.of(1L, "物业管理科"));

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void gapDaysAreLeftOutAndAMemberRegisteredMidPeriodCountsFromThatDay() {
		MemberFacts early = new MemberFacts(1, 101, "甲", 1, true, d("2026-01-01"), false);
		MemberFacts late = new MemberFacts(2, 102, "乙", 1, true, d("2026-03-03"), false);
		MemberFacts never = new MemberFacts(3, 103, "丙", 1, false, null, false);
		TreeSet<LocalDate> dataDays = new TreeSet<>(List.of(d("2026-03-01"), d("2026-03-02"), d("2026-03-04"),
				d("2026-03-05")));
		DailyData daily = new DailyData(d("2026-01-01"), d("2026-03-05"));
		daily.add(1, d("2026-03-01"), 30, true); // 1 of 1
		daily.add(1, d("2026-03-02"), 0, false); // 0 of 1
		daily.add(1, d("2026-03-04"), 25, true); // 2 of 2
		daily.add(2, d("2026-03-04"), 12, true);
		daily.add(1, d("2026-03-05"), 20, true); // 1 of 2
		daily.add(2, d("2026-03-05"), 0, false);
		// 03-03 has no report: a gap, not a day of zeros

		Figures figures = FigureCalculator.compute(d("2026-03-01"), d("2026-03-05"), d("2026-03-10"),
				List.of(early, late, never), UNITS, dataDays, daily, Map.of());

		UnitFigures unit = figures.units().get(0);
		assertThat(unit.required()).isEqualTo(3);
		assertThat(unit.registered()).isEqualTo(2);
		assertThat(unit.registrationRate()).isCloseTo(2.0 / 3, within(1e-9));
		// (1 + 0 + 1 + 0.5) / 4
		assertThat(unit.loginRate()).isCloseTo(0.625, within(1e-9));
		assertThat(unit.loginDays()).isEqualTo(4);
		assertThat(figures.dataDays()).isEqualTo(4);
		assertThat(figures.gapDays()).isEqualTo(1);
		assertThat(figures.bureau().loginRate()).isCloseTo(0.625, within(1e-9));
		assertThat(unit.loginShort()).isTrue();
		assertThat(unit.registrationShort()).isTrue();
	}

	@Test
	void registrationIsTakenAtThePeriodsEndOrTodayIfEarlier() {
		MemberFacts late = new MemberFacts(2, 102, "乙", 1, true, d("2026-03-20"), false);
		DailyData daily = new DailyData(d("2026-01-01"), d("2026-03-31"));
		Figures before = FigureCalculator.compute(d("2026-03-01"), d("2026-03-31"), d("2026-03-10"), List.of(late),
				UNITS, new TreeSet<>(), daily, Map.of());
		assertThat(before.asOf()).isEqualTo(d("2026-03-10"));
		assertThat(before.bureau().registered()).isZero();
		assertThat(before.bureau().loginRate()).isNull();
		Figures after = FigureCalculator.compute(d("2026-03-01"), d("2026-03-31"), d("2026-04-10"), List.of(late),
				UNITS, new TreeSet<>(), daily, Map.of());
		assertThat(after.bureau().registrationRate()).isEqualTo(1.0);
	}

	@Test
	void thePaceLineCountsTheDaysOfTheYearLeapOrNot() {
		// 1 March is day 61 of 366 in 2024 and day 60 of 365 in 2026
		assertThat(FigureCalculator.pace(d("2024-03-01"))).isCloseTo(5000.0 * 61 / 366, within(1e-9));
		assertThat(FigureCalculator.pace(d("2024-03-01"))).isCloseTo(833.33, within(0.01));
		assertThat(FigureCalculator.pace(d("2026-03-01"))).isCloseTo(821.92, within(0.01));
		assertThat(FigureCalculator.pace(d("2024-12-31"))).isEqualTo(5000.0);
		assertThat(FigureCalculator.pace(d("2026-12-31"))).isEqualTo(5000.0);
	}

	@Test
	void aCadreBehindPaceInALeapYearWithForecastAndDailyNeed() {
		MemberFacts cadre = new MemberFacts(7, 107, "孙伟", 1, true, d("2023-05-01"), true);
		DailyData daily = new DailyData(FigureCalculator.base(d("2024-03-01"), d("2024-03-01")), d("2024-03-01"));
		daily.add(7, d("2024-02-29"), 10, true);
		daily.add(7, d("2024-03-01"), 20, true);
		TreeSet<LocalDate> dataDays = new TreeSet<>(List.of(d("2024-02-29"), d("2024-03-01")));
		Figures figures = FigureCalculator.compute(d("2024-03-01"), d("2024-03-01"), d("2024-03-01"), List.of(cadre),
				UNITS, dataDays, daily, Map.of(7L, new SnapshotFact(7, d("2024-02-28"), 700)));

		CadreFigures line = figures.cadres().get(0);
		assertThat(line.yearPoints()).isEqualTo(730); // 700 + 10 + 20
		assertThat(line.pace()).isCloseTo(833.33, within(0.01));
		assertThat(line.behindBy()).isEqualTo(104); // ⌈833.33 − 730⌉
		assertThat(line.behind()).isTrue();
		// 366 − 61 = 305 days left, 4,270 points missing
		assertThat(line.dailyNeeded()).isCloseTo(14.0, within(1e-9));
		// last 30 days: 2 data days with 30 points → 15 a day
		assertThat(line.recentRate()).isCloseTo(15.0, within(1e-9));
		assertThat(line.forecast()).isEqualTo(730 + 15 * 305);
		assertThat(line.willMiss()).isFalse();
		assertThat(figures.units().get(0).cadresBehind()).isEqualTo(1);
	}

	@Test
	void withoutSnapshotTheYearPointsAreTheDailyPointsOfTheYearOnly() {
		MemberFacts cadre = new MemberFacts(8, 108, "邓文", 1, true, null, true);
		DailyData daily = new DailyData(d("2025-12-01"), d("2026-01-10"));
		daily.add(8, d("2025-12-31"), 50, true); // last year: not counted
		for (int day = 1; day <= 10; day++) {
			daily.add(8, d("2026-01-01").plusDays(day - 1), 8, true);
		}
		TreeSet<LocalDate> dataDays = new TreeSet<>();
		for (int day = 0; day < 10; day++) {
			dataDays.add(d("2026-01-01").plusDays(day));
		}
		dataDays.add(d("2025-12-31"));
		Figures figures = FigureCalculator.compute(d("2026-01-01"), d("2026-01-10"), d("2026-01-20"), List.of(cadre),
				UNITS, dataDays, daily, Map.of());
		CadreFigures line = figures.cadres().get(0);
		assertThat(line.yearPoints()).isEqualTo(80);
		// pace 5000 × 10 / 365 = 136.99 → behind by 57
		assertThat(line.behindBy()).isEqualTo(57);
		// window 12-12 … 01-10: 11 data days, 130 points
		assertThat(line.recentRate()).isCloseTo(130.0 / 11, within(1e-9));
		// 80 + 11.82 × 355 = 4,275: will miss 5,000 at this pace
		assertThat(line.forecast()).isEqualTo((int) Math.round(80 + 130.0 / 11 * 355));
		assertThat(line.willMiss()).isTrue();
		assertThat(line.dailyNeeded()).isCloseTo(4920.0 / 355, within(1e-9));
	}

	@Test
	void aCadreWhoReachedTheTargetNeedsNothingMore() {
		MemberFacts cadre = new MemberFacts(9, 109, "傅强", 1, true, null, true);
		DailyData daily = new DailyData(d("2026-01-01"), d("2026-12-31"));
		Figures figures = FigureCalculator.compute(d("2026-12-01"), d("2026-12-31"), d("2027-01-05"), List.of(cadre),
				UNITS, new TreeSet<>(), daily, Map.of(9L, new SnapshotFact(9, d("2026-12-30"), 5120)));
		CadreFigures line = figures.cadres().get(0);
		assertThat(line.yearPoints()).isEqualTo(5120);
		assertThat(line.behindBy()).isZero();
		assertThat(line.dailyNeeded()).isZero();
		assertThat(line.forecast()).isEqualTo(5120);
	}

}
