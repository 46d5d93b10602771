package io.infodesk.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

/**
 * Rankings of units and people for a period (issue 4 point 4): net points from the ledger, per category, ties
 * ranked equal (1, 1, 3); for units also the target for the period (the annual target pro-rated), its completion
 * and the grade band. Every reporting unit of the bureau appears (also with 0 points); the leadership does not.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

	/** One line of a ranking. {@code target}, {@code completion} and {@code grade} are null for people. */
	public record Standing(int rank, long id, String name, long unitId, String unitName, BigDecimal total,
			Map<ScoreKind, BigDecimal> byCategory, BigDecimal target, BigDecimal completion, Grade grade) {

		public BigDecimal category(ScoreKind kind) {
			return byCategory.getOrDefault(kind, BigDecimal.ZERO);
		}

		public boolean belowTarget() {
			return completion != null && grade == Grade.POOR;
		}

	}

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final AssessmentSettings settings;

	Rankings(JdbcTemplate jdbc, Organization organization, AssessmentSettings settings) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.settings = settings;
	}

	public List<Standing> units(Period period) {
		Map<Long, Map<ScoreKind, BigDecimal>> sums = sums("unit_id", "person_id is null", period);
		Map<Long, BigDecimal> targets = settings.targets(period.year());
		AssessmentSettings.Thresholds thresholds = settings.thresholds();
		List<Standing> rows = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			if (unit.getType() == UnitType.LEADERSHIP) {
				continue;
			}
			Map<ScoreKind, BigDecimal> byCategory = sums.getOrDefault(unit.getId(), Map.of());
			BigDecimal total = total(byCategory);
			BigDecimal target = targets.getOrDefault(unit.getId(), AssessmentSettings.DEFAULT_TARGET)
				.multiply(BigDecimal.valueOf(period.share()))
				.setScale(2, RoundingMode.HALF_UP);
			BigDecimal completion = target.signum() == 0 ? null
					: total.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
			rows.add(new Standing(0, unit.getId(), unit.getName(), unit.getId(), unit.getName(), total, byCategory,
					target, completion, thresholds.grade(completion)));
		}
		return ranked(rows);
	}

	/** People with entries in the period (optionally of one unit). */
	public List<Standing> people(Period period, Long unitId) {
		Map<Long, Map<ScoreKind, BigDecimal>> sums = sums("person_id", "person_id is not null", period);
		Map<Long, String> unitNames = new HashMap<>();
		for (Unit unit : organization.activeUnits()) {
			unitNames.put(unit.getId(), unit.getName());
		}
		List<Standing> rows = new ArrayList<>();
		sums.forEach((personId, byCategory) -> {
			Person person = organization.person(personId).orElse(null);
			if (person == null || unitId != null && !unitId.equals(person.getUnitId())) {
				return;
			}
			rows.add(new Standing(0, personId, person.getName(), person.getUnitId(),
					unitNames.getOrDefault(person.getUnitId(), ""), total(byCategory), byCategory, null, null, null));
		});
		return ranked(rows);
	}

	/** Net points per month of the year for each unit (the trend chart): unit id → 12 values. */
	public Map<Long, BigDecimal[]> monthlyTrend(int year) {
		Map<Long, BigDecimal[]> trend = new LinkedHashMap<>();
		jdbc.query("""
				select unit_id, extract(month from period_date) as m, sum(points) as points from asm_entry
				where person_id is null and period_date between ? and ? group by unit_id, extract(month from period_date)""",
				rs -> {
					BigDecimal[] months = trend.computeIfAbsent(rs.getLong("unit_id"), id -> zeros());
					months[rs.getInt("m") - 1] = rs.getBigDecimal("points");
				}, java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31));
		return trend;
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] values = new BigDecimal[12];
		java.util.Arrays.fill(values, BigDecimal.ZERO);
		return values;
	}

	private Map<Long, Map<ScoreKind, BigDecimal>> sums(String column, String side, Period period) {
		Map<Long, Map<ScoreKind, BigDecimal>> sums = new HashMap<>();
		jdbc.query("select " + column + " as id, category, sum(points) as points from asm_entry where " + side
				+ " and period_date between ? and ? group by " + column + ", category", rs -> {
					sums.computeIfAbsent(rs.getLong("id"), id -> new EnumMap<>(ScoreKind.class))
						.put(ScoreKind.valueOf(rs.getString("category")), rs.getBigDecimal("points"));
				}, period.from(), period.to());
		return sums;
	}

	private static BigDecimal total(Map<ScoreKind, BigDecimal> byCategory) {
		return byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
	}

	/** Sorted by total (then name); equal totals share the rank and the next rank skips (1, 1, 3). */
	static List<Standing> ranked(List<Standing> rows) {
		List<Standing> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing(Standing::total).reversed().thenComparing(Standing::name));
		List<Standing> result = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Standing row = sorted.get(i);
			int rank = i > 0 && sorted.get(i - 1).total().compareTo(row.total()) == 0 ? result.get(i - 1).rank() : i + 1;
			result.add(new Standing(rank, row.id(), row.name(), row.unitId(), row.unitName(), row.total(),
					row.byCategory(), row.target(), row.completion(), row.grade()));
		}
		return result;
	}

}
