package io.infodesk.monitoring.internal;

import io.infodesk.monitoring.AlertLevel;

/**
 * The alert level from points: the weight of the heaviest matched scheme (1 … 5), the source tier (central 3,
 * provincial 2, city 1, district, forum or unknown 0), the negativity (score × 4, rounded) and the spread (sources
 * carrying the cluster: 2 → 1, 3–4 → 2, 5 or more → 3). Thresholds (editable on the settings page): 较大 from
 * {@code larger}, 重大 from {@code major}, 特别重大 from {@code severe} points; any match is at least 一般.
 */
public record AlertLevels(int larger, int major, int severe) {

	public static final AlertLevels DEFAULT = new AlertLevels(7, 10, 13);

	public AlertLevels {
		if (larger < 1 || major <= larger || severe <= major) {
			throw new SchemeInvalid("monitoring.levels.error.order");
		}
	}

	/** Source tiers: 1 central, 2 provincial, 3 city, 4 district / industry / forum. */
	public static int tierPoints(Integer tier) {
		if (tier == null) {
			return 0;
		}
		return switch (tier) {
			case 1 -> 3;
			case 2 -> 2;
			case 3 -> 1;
			default -> 0;
		};
	}

	public static int spreadPoints(int sources) {
		if (sources >= 5) {
			return 3;
		}
		if (sources >= 3) {
			return 2;
		}
		return sources == 2 ? 1 : 0;
	}

	public int points(int weight, Integer tier, double negativity, int spread) {
		return weight + tierPoints(tier) + (int) Math.round(negativity * 4) + spreadPoints(spread);
	}

	public AlertLevel level(int weight, Integer tier, double negativity, int spread) {
		int points = points(weight, tier, negativity, spread);
		if (points >= severe) {
			return AlertLevel.SEVERE;
		}
		if (points >= major) {
			return AlertLevel.MAJOR;
		}
		if (points >= larger) {
			return AlertLevel.LARGER;
		}
		return AlertLevel.GENERAL;
	}

}
