package io.infodesk.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.assessment.Recomputations;

/**
 * Times the full recomputation of a year (issue 4 "Performance": ≤ 5 s) with the real service against the seeded
 * database: {@code recompute.runs} previews (facts read from the source records, scored with the rule book, compared
 * key by key with the ledger), then one apply (the same plus the run recorded and audited). Prints every run, the
 * median and the number of differences (0 when the seeded ledger is what the listeners would have written).
 * Keys: {@code recompute.from}, {@code recompute.to} (default the year 2026), {@code recompute.runs} (default 5).
 */
public final class RecomputeBench implements BenchTask {

	@Override
	public void run(ConfigurableApplicationContext app, Properties config) throws Exception {
		LocalDate from = LocalDate.parse(config.getProperty("recompute.from", "2026-01-01"));
		LocalDate to = LocalDate.parse(config.getProperty("recompute.to", "2026-12-31"));
		int runs = Integer.parseInt(config.getProperty("recompute.runs", "5"));
		Recomputations recomputations = app.getBean(Recomputations.class);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		System.out.printf("Ledger: %d entries, %d in the period; scored events in the period: %d%n",
				jdbc.queryForObject("select count(*) from asm_entry", Long.class),
				jdbc.queryForObject("select count(*) from asm_entry where period_date between ? and ?", Long.class, from, to),
				jdbc.queryForObject("select count(distinct source_type || ':' || source_id) from asm_entry "
						+ "where source_type <> 'URGENT_LATE' and period_date between ? and ?", Long.class, from, to));
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			Recomputations.Preview preview = recomputations.preview(from, to);
			seconds[i] = (System.nanoTime() - t) / 1e9;
			System.out.printf("RECOMPUTE preview %d: %.2f s — %d facts, ledger %s, recomputed %s, %d differences%n", i + 1,
					seconds[i], preview.facts(), preview.ledgerTotal(), preview.expectedTotal(),
					preview.differences().size());
			if (i == 0 && !preview.differences().isEmpty()) {
				preview.differences().stream().limit(5).forEach(d -> System.out.printf("  difference %s: ledger %s, recomputed %s%n",
						d.entry().key(), d.ledger(), d.expected()));
			}
		}
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		System.out.printf("RECOMPUTE preview of %s..%s: median %.2f s, min %.2f s, max %.2f s over %d runs%n", from, to,
				sorted[runs / 2], sorted[0], sorted[runs - 1], runs);
		long t = System.nanoTime();
		Recomputations.Preview applied = recomputations.apply(from, to);
		System.out.printf("RECOMPUTE apply: %.2f s — %d corrections written%n", (System.nanoTime() - t) / 1e9,
				applied.differences().size());
	}

}
