package io.infodesk.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The arithmetic of a judged competition: normalisation, trimmed mean, disagreement, awards by count with ties. */
class ScoringEngineTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void aSheetIsNormalisedToAHundredOverTheCriteriaMaxima() {
		Map<Long, Integer> maxima = Map.of(1L, 30, 2L, 30, 3L, 30, 4L, 10);
		assertThat(ScoringEngine.normalised(Map.of(1L, d("27"), 2L, d("25"), 3L, d("24"), 4L, d("8")), maxima))
			.isEqualByComparingTo("84");
		// criteria of 20 + 20 = 40: 30 points are 75 of a hundred
		assertThat(ScoringEngine.normalised(Map.of(1L, d("15"), 2L, d("15")), Map.of(1L, 20, 2L, 20)))
			.isEqualByComparingTo("75");
		// a third: rounded half up to the cent
		assertThat(ScoringEngine.normalised(Map.of(1L, d("1")), Map.of(1L, 3))).isEqualByComparingTo("33.33");
	}

	@Test
	void withFewerThanFiveJudgesTheMeanOfAllCounts() {
		ScoringEngine.Result result = ScoringEngine.result(List.of(d("80"), d("90"), d("70"), d("88")), d("25"));
		assertThat(result.score()).isEqualByComparingTo("82");
		assertThat(result.trimmed()).isFalse();
		assertThat(result.judges()).isEqualTo(4);
		assertThat(result.spread()).isEqualByComparingTo("20");
		assertThat(result.flagged()).isFalse();
	}

	@Test
	void withFiveJudgesOrMoreTheHighestAndLowestAreDropped() {
		ScoringEngine.Result result = ScoringEngine.result(List.of(d("80"), d("99"), d("70"), d("85"), d("40")),
				d("20"));
		// 40 and 99 dropped: (70 + 80 + 85) / 3 = 78.33
		assertThat(result.score()).isEqualByComparingTo("78.33");
		assertThat(result.trimmed()).isTrue();
		assertThat(result.spread()).isEqualByComparingTo("59");
		assertThat(result.flagged()).isTrue();
	}

	@Test
	void aSpreadEqualToTheThresholdIsNotFlagged() {
		assertThat(ScoringEngine.result(List.of(d("70"), d("90")), d("20")).flagged()).isFalse();
		assertThat(ScoringEngine.result(List.of(d("70"), d("90.5")), d("20")).flagged()).isTrue();
		assertThat(ScoringEngine.result(List.of(), d("20")).score()).isNull();
	}

	@Test
	void awardsFollowTheCountsInOrderOfScore() {
		LinkedHashMap<String, Integer> levels = levels(1, 2, 3);
		List<ScoringEngine.Placing> placings = ScoringEngine.awards(List.of(entry(1, "70"), entry(2, "95"), entry(3, "80"),
				entry(4, "60"), entry(5, "85"), entry(6, "50"), entry(7, "40"), entry(8, null)), levels);
		assertThat(placings).extracting(ScoringEngine.Placing::id).containsExactly(2L, 5L, 3L, 1L, 4L, 6L, 7L, 8L);
		assertThat(placings).extracting(ScoringEngine.Placing::level)
			.containsExactly("FIRST", "SECOND", "SECOND", "THIRD", "THIRD", "THIRD", null, null);
		assertThat(placings).extracting(ScoringEngine.Placing::place).containsExactly(1, 2, 3, 4, 5, 6, 7, 0);
	}

	@Test
	void tiedEntriesShareTheLevelAndThePlaceAndTheLevelsBelowShrink() {
		// two tie for the only first prize: both first; second prize has one place left of two
		List<ScoringEngine.Placing> placings = ScoringEngine.awards(
				List.of(entry(1, "90"), entry(2, "90"), entry(3, "80"), entry(4, "75"), entry(5, "70")), levels(1, 2, 1));
		assertThat(placings).extracting(ScoringEngine.Placing::level)
			.containsExactly("FIRST", "FIRST", "SECOND", "THIRD", null);
		assertThat(placings).extracting(ScoringEngine.Placing::place).containsExactly(1, 1, 3, 4, 5);
	}

	@Test
	void aTieAtTheLastAwardLeavesNobodyTiedOut() {
		List<ScoringEngine.Placing> placings = ScoringEngine.awards(
				List.of(entry(1, "90"), entry(2, "80"), entry(3, "80"), entry(4, "70")), levels(1, 0, 1));
		assertThat(placings).extracting(ScoringEngine.Placing::level).containsExactly("FIRST", "THIRD", "THIRD", null);
	}

	private static ScoringEngine.Entry entry(long id, String score) {
		return new ScoringEngine.Entry(id, score == null ? null : d(score));
	}

	private static LinkedHashMap<String, Integer> levels(int first, int second, int third) {
		LinkedHashMap<String, Integer> levels = new LinkedHashMap<>();
		levels.put("FIRST", first);
		levels.put("SECOND", second);
		levels.put("THIRD", third);
		return levels;
	}

}
