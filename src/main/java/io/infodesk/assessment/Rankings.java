package io.infodesk.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.assessment.internal.LedgerStore;
import io.infodesk.organization.Organization;
import io.infodesk.organization.PersonName;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitType;

/**
 * Rankings of units and people for a period (issue 4 point 4): net points from the ledger, per category, ties
 * ranked equal (1, 1, 3); for units also the target for the period (the annual target pro-rated), its completion
 * and the grade band. Every reporting unit of the bureau appears (also with 0 points); the leadership does not.
 * <p>
 * The sums of a period are kept in memory with the ledger's stamp ({@link Ledger#stamp()}, changed in the
 * transaction of every entry) and reused while the stamp stands: a ranking page is read far more often than the
 * ledger is written, and the stamp lives in the database, so every instance sees another's write at its next read.
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

	private final LedgerStore store;

	private final Organization organization;

	private final AssessmentSettings settings;

	private final Ledger ledger;

	/** Sums of recently asked periods with the ledger stamp they were read at (least recently used dropped). */
	private final Map<Object, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Object, Cached> eldest) {
			return size() > CACHED_PERIODS;
		}

	});

	/**
	 * How many periods' sums are kept: a people ranking of a year holds 2,000 people's sums (under 1 MB), so at most
	 * some 50 MB even if every kept period were a people ranking of a large bureau.
	 */
	static final int CACHED_PERIODS = 64;

	private record Cached(long stamp, Object value) {

	}

	private record SumsKey(boolean persons, LocalDate from, LocalDate to) {

	}

	private record TrendKey(int year) {

	}

	Rankings(LedgerStore store, Organization organization, AssessmentSettings settings, Ledger ledger) {
		this.store = store;
		this.organization = organization;
		this.settings = settings;
		this.ledger = ledger;
	}

	public List<Standing> units(Period period) {
		Map<Long, Map<ScoreKind, BigDecimal>> sums = sums(false, period);
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
		Map<Long, Map<ScoreKind, BigDecimal>> sums = sums(true, period);
		Map<Long, String> unitNames = new HashMap<>();
		for (Unit unit : organization.activeUnits()) {
			unitNames.put(unit.getId(), unit.getName());
		}
		List<Standing> rows = new ArrayList<>();
		for (PersonName person : organization.names(sums.keySet())) {
			if (unitId != null && !unitId.equals(person.unitId())) {
				continue;
			}
			Map<ScoreKind, BigDecimal> byCategory = sums.get(person.id());
			rows.add(new Standing(0, person.id(), person.name(), person.unitId() == null ? 0 : person.unitId(),
					unitNames.getOrDefault(person.unitId(), ""), total(byCategory), byCategory, null, null, null));
		}
		return ranked(rows);
	}

	/** Net points per month of the year for each unit (the trend chart): unit id → 12 values. */
	public Map<Long, BigDecimal[]> monthlyTrend(int year) {
		Map<Long, BigDecimal[]> cached = cached(new TrendKey(year), () -> {
			Map<Long, BigDecimal[]> trend = new LinkedHashMap<>();
			store.unitMonthSums(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), rs -> {
				BigDecimal[] months = trend.computeIfAbsent(rs.getLong("unit_id"), id -> zeros());
				months[rs.getObject("month_start", LocalDate.class).getMonthValue() - 1] = rs.getBigDecimal("points");
			});
			return trend;
		});
		// the cached arrays stay as read: the caller gets its own
		Map<Long, BigDecimal[]> copy = new LinkedHashMap<>();
		cached.forEach((unitId, months) -> copy.put(unitId, months.clone()));
		return copy;
	}

	/**
	 * The value of a key as of the ledger's current stamp: the cached one while the stamp has not moved, else
	 * computed again. The stamp is read before the sums, so a write in between only makes the cached value newer
	 * than its stamp says, never older.
	 */
	@SuppressWarnings("unchecked")
	private <T> T cached(Object key, Supplier<T> compute) {
		long stamp = ledger.stamp();
		Cached hit = cache.get(key);
		if (hit != null && hit.stamp() == stamp) {
			return (T) hit.value();
		}
		T value = compute.get();
		cache.put(key, new Cached(stamp, value));
		return value;
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] values = new BigDecimal[12];
		java.util.Arrays.fill(values, BigDecimal.ZERO);
		return values;
	}

	/**
	 * Net points per recipient and category: whole months of the period from the monthly sums
	 * ({@code asm_entry_month}, kept with every entry), the days of a month the period covers only in part from the
	 * entries themselves (the ledger's totals either way: docs/performance.md).
	 */
	private Map<Long, Map<ScoreKind, BigDecimal>> sums(boolean persons, Period period) {
		return cached(new SumsKey(persons, period.from(), period.to()), () -> readSums(persons, period));
	}

	private Map<Long, Map<ScoreKind, BigDecimal>> readSums(boolean persons, Period period) {
		Map<Long, Map<ScoreKind, BigDecimal>> sums = new HashMap<>();
		LocalDate from = period.from();
		LocalDate to = period.to();
		LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate lastWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
		if (firstWhole.isAfter(lastWhole)) {
			entrySums(sums, persons, from, to);
			return readOnly(sums);
		}
		if (from.isBefore(firstWhole)) {
			entrySums(sums, persons, from, firstWhole.minusDays(1));
		}
		store.monthSumsPerRecipient(persons, firstWhole, lastWhole, rs -> {
			add(sums, rs.getLong("id"), rs.getString("category"), rs.getBigDecimal("points"));
		});
		LocalDate afterWhole = lastWhole.plusMonths(1);
		if (!afterWhole.isAfter(to)) {
			entrySums(sums, persons, afterWhole, to);
		}
		return readOnly(sums);
	}

	/** The sums as they are shared between requests: nobody may change them. */
	private static Map<Long, Map<ScoreKind, BigDecimal>> readOnly(Map<Long, Map<ScoreKind, BigDecimal>> sums) {
		sums.replaceAll((id, byCategory) -> Collections.unmodifiableMap(byCategory));
		return Collections.unmodifiableMap(sums);
	}

	private void entrySums(Map<Long, Map<ScoreKind, BigDecimal>> sums, boolean persons, LocalDate from, LocalDate to) {
		store.sumsPerRecipient(persons, from, to, rs -> {
			add(sums, rs.getLong("id"), rs.getString("category"), rs.getBigDecimal("points"));
		});
	}

	private static void add(Map<Long, Map<ScoreKind, BigDecimal>> sums, long id, String category, BigDecimal points) {
		sums.computeIfAbsent(id, key -> new EnumMap<>(ScoreKind.class))
			.merge(ScoreKind.valueOf(category), points, BigDecimal::add);
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
