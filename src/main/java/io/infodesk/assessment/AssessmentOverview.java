package io.infodesk.assessment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.assessment.internal.LedgerStore;

/**
 * Counts for the leaders' home dashboard (issue 4 point 6), read from the ledger so that they agree with the
 * rankings: how many adoptions scored per level (the units' first entries of each adoption), and how many duties
 * were late or missed in a period. A duty count is
 * the number of ledger keys on the units' side (one per source record and unit) that still stand: a key whose
 * corrections brought it back to zero (a same-day item's 未报 cancelled by its late report, a recomputation that
 * removed it) is not counted; a key scored with 0 points is. Late same-day items are counted from the items the
 * ledger remembers as late ({@code asm_late_item}, by the day of the late report), whether or not they scored.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentOverview {

	/** Late and missed duties of a period (units' side): solicitations, same-day items, 漏报 / 瞒报 recorded. */
	public record Duties(long solicitationsLate, long solicitationsMissed, long urgentLate, long urgentMissed,
			long concealed) {

		public long total() {
			return solicitationsLate + solicitationsMissed + urgentLate + urgentMissed + concealed;
		}

	}

	private final JdbcTemplate jdbc;

	private final LedgerStore store;

	private final Rankings rankings;

	AssessmentOverview(JdbcTemplate jdbc, LedgerStore store, Rankings rankings) {
		this.jdbc = jdbc;
		this.store = store;
		this.rankings = rankings;
	}

	/** Scored adoptions per level (the qualifiers of {@link ScoreKind#ADOPTION}, in order, also with 0). */
	public Map<String, Long> adoptionsByLevel(Period period) {
		Map<String, Long> counts = new LinkedHashMap<>();
		ScoreKind.ADOPTION.qualifiers().forEach(level -> counts.put(level, 0L));
		store.firstAdoptionsByRule(SourceTypes.ADOPTION, period.from(), period.to(), rs -> {
			String level = rs.getString("rule_key").substring(ScoreKind.ADOPTION.name().length() + 1);
			long n = rs.getLong("n");
			counts.computeIfPresent(level, (key, old) -> n);
		});
		return counts;
	}

	public Duties duties(Period period) {
		Map<String, Long> keys = standingKeys(period, "SOLICITATION", "URGENT");
		long concealed = keys.getOrDefault(SourceTypes.CONCEALED + "|" + ScoreKind.URGENT.key("MISSED"), 0L)
				+ keys.getOrDefault(SourceTypes.CONCEALED + "|" + ScoreKind.URGENT.key("CONCEALED"), 0L);
		Long urgentLate = jdbc.queryForObject("select count(*) from asm_late_item where submitted_on between ? and ?",
				Long.class, period.from(), period.to());
		return new Duties(keys.getOrDefault(SourceTypes.SOLICITATION + "|" + ScoreKind.SOLICITATION.key("LATE"), 0L),
				keys.getOrDefault(SourceTypes.SOLICITATION + "|" + ScoreKind.SOLICITATION.key("MISSED"), 0L),
				urgentLate == null ? 0 : urgentLate,
				keys.getOrDefault(SourceTypes.URGENT_MISSED + "|" + ScoreKind.URGENT.key("MISSED"), 0L), concealed);
	}

	/**
	 * Net points per month of the year summed over the given units (the ranked units when {@code unitIds} is
	 * null): 12 values.
	 */
	public BigDecimal[] monthlyTotals(int year, Collection<Long> unitIds) {
		BigDecimal[] totals = new BigDecimal[12];
		java.util.Arrays.fill(totals, BigDecimal.ZERO);
		Collection<Long> units = unitIds != null ? unitIds
				: rankings.units(Period.year(year)).stream().map(Rankings.Standing::id).toList();
		Map<Long, BigDecimal[]> trend = rankings.monthlyTrend(year);
		for (Long unitId : units) {
			BigDecimal[] months = trend.get(unitId);
			if (months != null) {
				for (int m = 0; m < 12; m++) {
					totals[m] = totals[m].add(months[m]);
				}
			}
		}
		return totals;
	}

	/** "SOURCE_TYPE|RULE_KEY" → number of standing unit-side keys of the categories in the period. */
	private Map<String, Long> standingKeys(Period period, String... categories) {
		Map<String, Long> counts = new LinkedHashMap<>();
		store.standingKeys(period.from(), period.to(), categories, rs -> {
			counts.put(rs.getString("source_type") + "|" + rs.getString("rule_key"), rs.getLong("n"));
		});
		return counts;
	}

}
