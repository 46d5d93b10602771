package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;

/**
 * The rankings read whole months from the monthly sums (asm_entry_month, kept by Ledger.write) and the days of
 * partly covered months from the entries: for every kind of period their totals equal the ledger's entries.
 */
class MonthlySumsTests extends AssessmentIntegrationTest {

	@Autowired
	Rankings rankings;

	private Map<Long, BigDecimal> fromEntries(boolean persons, Period period) {
		Map<Long, BigDecimal> sums = new HashMap<>();
		String column = persons ? "person_id" : "unit_id";
		jdbc.query("select " + column + " as id, sum(points) as points from asm_entry where person_id is "
				+ (persons ? "not null" : "null") + " and period_date between ? and ? group by " + column, rs -> {
					sums.put(rs.getLong("id"), rs.getBigDecimal("points"));
				}, period.from(), period.to());
		return sums;
	}

	private static Map<Long, BigDecimal> totals(List<Rankings.Standing> rows) {
		Map<Long, BigDecimal> totals = new HashMap<>();
		rows.stream().filter(r -> r.total().signum() != 0).forEach(r -> totals.put(r.id(), r.total()));
		return totals;
	}

	private static Map<Long, BigDecimal> nonZero(Map<Long, BigDecimal> sums) {
		Map<Long, BigDecimal> result = new HashMap<>();
		sums.forEach((id, points) -> {
			if (points.signum() != 0) {
				result.put(id, points.setScale(2));
			}
		});
		return result;
	}

	@Test
	void everyKindOfPeriodGivesTheLedgersTotals() {
		InformationItem city = submittedUpward("月度汇总：市级采用");
		adopt(city, AdministrativeLevel.CITY);
		clock.set(clock.instant().minus(java.time.Duration.ofDays(40)));
		InformationItem district = submittedUpward("月度汇总：区级采用（上月）");
		adopt(district, AdministrativeLevel.DISTRICT);
		instruct(district, AdministrativeLevel.DISTRICT);
		settle();
		LocalDate today = LocalDate.of(2026, 11, 27);
		List<Period> periods = List.of(Period.month(YearMonth.of(2026, 11)), Period.month(YearMonth.of(2026, 10)),
				Period.quarter(2026, 4), Period.year(2026), Period.range(LocalDate.of(2026, 10, 15), today),
				Period.range(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 20)),
				Period.range(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 20)),
				Period.range(LocalDate.of(2026, 1, 1), today));
		for (Period period : periods) {
			Map<Long, BigDecimal> units = nonZero(fromEntries(false, period));
			assertThat(totals(rankings.units(period))).as("units %s", period).isEqualTo(units);
			assertThat(totals(rankings.people(period, null))).as("people %s", period)
				.isEqualTo(nonZero(fromEntries(true, period)));
		}
		assertThat(nonZero(fromEntries(false, Period.month(YearMonth.of(2026, 10))))).isNotEmpty();
	}

}
