package io.infodesk.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A paper competition (调研论文评比) as read: its window (submissions from {@code opens} to {@code closes}, or until
 * {@code reopenedUntil} when the office reopened it), the day judging closes, the spread of judges' totals above which
 * a paper is flagged, its criteria, award levels with counts and judges (person ids).
 */
public record Competition(long id, String title, String description, String eligibility, LocalDate opens,
		LocalDate closes, LocalDate judgingCloses, LocalDate reopenedUntil, BigDecimal disagreementThreshold,
		CompetitionStatus status, LocalDate publishedOn, List<Criterion> criteria,
		LinkedHashMap<AwardRank, Integer> levels, List<Long> judgePersonIds) {

	/** A criterion and its weight (the most points a judge gives for it). */
	public record Criterion(long id, String name, int weight) {

	}

	/** Accepts submissions on the day: open, within the window or the reopened period. */
	public boolean acceptsSubmissions(LocalDate day) {
		return status == CompetitionStatus.OPEN && (!day.isBefore(opens) && !day.isAfter(closes)
				|| reopenedUntil != null && !day.isAfter(reopenedUntil));
	}

	/** Judges may score on the day. */
	public boolean acceptsScores(LocalDate day) {
		return status == CompetitionStatus.JUDGING && !day.isAfter(judgingCloses);
	}

	public boolean published() {
		return status == CompetitionStatus.PUBLISHED;
	}

	public int maxPoints() {
		return criteria.stream().mapToInt(Criterion::weight).sum();
	}

}
