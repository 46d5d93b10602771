package io.infodesk.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a judged competition, without a database (paper competitions and skills competitions share it):
 * <ol>
 * <li>a judge's sheet is normalised to 0–100: the points given over the sum of the criteria's maxima (a criterion's
 * maximum is its weight, so 选题价值 30 + 调研深度 30 + 对策可行性 30 + 文字表达 10 = 100);</li>
 * <li>an entry's score is the mean of its judges' normalised totals; with {@value #TRIM_FROM} judges or more the
 * highest and the lowest total are dropped first (one each);</li>
 * <li>an entry is flagged when its judges disagree: the highest minus the lowest total (before trimming) exceeds the
 * competition's threshold;</li>
 * <li>awards are proposed in order of score, level by level with the level's count; entries tied with the last one
 * a level takes (equal to the cent) all receive that level and share the place, and the levels below shrink by as
 * many (a tie at the boundary of the last level gives one award more than counted: nobody tied is left out);
 * entries without any score receive nothing.</li>
 * </ol>
 */
public final class ScoringEngine {

	/** From this many judges on, the highest and the lowest total are dropped. */
	public static final int TRIM_FROM = 5;

	private ScoringEngine() {
	}

	/** One judge's points for one entry, by criterion id, and the criteria's maxima. */
	public static BigDecimal normalised(Map<Long, BigDecimal> points, Map<Long, Integer> maxima) {
		int max = maxima.values().stream().mapToInt(Integer::intValue).sum();
		if (max <= 0) {
			throw new IllegalArgumentException("criteria without weight");
		}
		BigDecimal sum = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(max), 2, RoundingMode.HALF_UP);
	}

	/** An entry's result from its judges' normalised totals. */
	public record Result(BigDecimal score, int judges, BigDecimal spread, boolean flagged, boolean trimmed) {

	}

	public static Result result(List<BigDecimal> totals, BigDecimal threshold) {
		if (totals.isEmpty()) {
			return new Result(null, 0, BigDecimal.ZERO, false, false);
		}
		List<BigDecimal> sorted = new ArrayList<>(totals);
		sorted.sort(Comparator.naturalOrder());
		BigDecimal spread = sorted.get(sorted.size() - 1).subtract(sorted.get(0));
		boolean trim = sorted.size() >= TRIM_FROM;
		List<BigDecimal> counted = trim ? sorted.subList(1, sorted.size() - 1) : sorted;
		BigDecimal mean = counted.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
		return new Result(mean, totals.size(), spread, spread.compareTo(threshold) > 0, trim);
	}

	/** An entry to place: its id and score (null: not scored). */
	public record Entry(long id, BigDecimal score) {

	}

	/** A proposed award: the entry, its place (1 = best; tied entries share it) and its level (null: none). */
	public record Placing(long id, BigDecimal score, int place, String level) {

	}

	/**
	 * Places the entries and proposes levels: {@code levels} in order (e.g. FIRST → 1, SECOND → 2, THIRD → 3). Ties
	 * at a level's boundary all get the level; the levels below lose the extra places.
	 */
	public static List<Placing> awards(List<Entry> entries, LinkedHashMap<String, Integer> levels) {
		List<Entry> scored = entries.stream()
			.filter(e -> e.score() != null)
			.sorted(Comparator.comparing(Entry::score).reversed().thenComparingLong(Entry::id))
			.toList();
		List<String> slots = new ArrayList<>();
		levels.forEach((level, count) -> {
			for (int i = 0; i < count; i++) {
				slots.add(level);
			}
		});
		List<Placing> placings = new ArrayList<>();
		int place = 0;
		String previousLevel = null;
		BigDecimal previousScore = null;
		for (int i = 0; i < scored.size(); i++) {
			Entry entry = scored.get(i);
			boolean tied = previousScore != null && previousScore.compareTo(entry.score()) == 0;
			if (!tied) {
				place = i + 1;
			}
			String level;
			if (tied) {
				level = previousLevel;
			}
			else {
				level = i < slots.size() ? slots.get(i) : null;
			}
			placings.add(new Placing(entry.id(), entry.score(), place, level));
			previousLevel = level;
			previousScore = entry.score();
		}
		entries.stream()
			.filter(e -> e.score() == null)
			.sorted(Comparator.comparingLong(Entry::id))
			.forEach(e -> placings.add(new Placing(e.id(), null, 0, null)));
		return placings;
	}

}
