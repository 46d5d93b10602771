package io.infodesk.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;

/**
 * Times the rankings as read right after a ledger write (issue 4 "Performance"): before each run the ledger's stamp
 * is changed as {@code Ledger.write} does, so {@link Rankings} reads its sums again instead of reusing them — the cost
 * the first page after every new entry pays, which the page scenarios (served from the reused sums) do not show.
 * Keys: {@code ranking.year} (default 2026), {@code ranking.runs} (default 10).
 */
public final class RankingBench implements BenchTask {

	@Override
	public void run(ConfigurableApplicationContext app, Properties config) {
		int year = Integer.parseInt(config.getProperty("ranking.year", "2026"));
		int runs = Integer.parseInt(config.getProperty("ranking.runs", "10"));
		Rankings rankings = app.getBean(Rankings.class);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		time("units, month 6", runs, jdbc, () -> rankings.units(Period.month(java.time.YearMonth.of(year, 6))));
		time("units, quarter 3", runs, jdbc, () -> rankings.units(Period.quarter(year, 3)));
		time("units, year", runs, jdbc, () -> rankings.units(Period.year(year)));
		time("units, range 03-15..09-14", runs, jdbc,
				() -> rankings.units(Period.range(java.time.LocalDate.of(year, 3, 15), java.time.LocalDate.of(year, 9, 14))));
		time("people, year", runs, jdbc, () -> rankings.people(Period.year(year), null));
		time("trend, year", runs, jdbc, () -> List.copyOf(rankings.monthlyTrend(year).keySet()));
	}

	private static void time(String what, int runs, JdbcTemplate jdbc, Supplier<List<?>> ranking) {
		double[] millis = new double[runs];
		int rows = 0;
		for (int i = 0; i < runs; i++) {
			jdbc.update("update asm_ledger_stamp set stamp = ? where id = 1", ThreadLocalRandom.current().nextLong());
			long t = System.nanoTime();
			rows = ranking.get().size();
			millis[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf("RANKING after a ledger write, %s: median %.1f ms, min %.1f ms, max %.1f ms over %d runs (%d rows)%n",
				what, millis[runs / 2], millis[0], millis[runs - 1], runs, rows);
	}

}
