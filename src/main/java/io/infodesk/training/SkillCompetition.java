package io.infodesk.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.infodesk.research.AwardRank;

/**
 * A skills competition (技能竞赛) or a planning practice (专题策划实践) in one skill area, judged like the paper
 * competition: the judges are people with a login ({@code judgePersonIds}, their names in {@code judges}, same order),
 * each scores each entry (not of the own unit) on the criteria, and research's
 * {@link io.infodesk.research.ScoringEngine} normalises the complete sheets and makes the result. Labels
 * {@code training.competition.kind.<NAME>}, {@code training.competition.status.<NAME>}.
 */
public record SkillCompetition(long id, String title, Kind kind, SkillArea skillArea, LocalDate heldOn,
		String description, List<String> judges, List<Long> judgePersonIds, List<Criterion> criteria, int firstCount,
		int secondCount, int thirdCount, BigDecimal disagreementThreshold, Status status, LocalDate publishedOn) {

	public SkillCompetition {
		judges = List.copyOf(judges);
		judgePersonIds = List.copyOf(judgePersonIds);
		criteria = List.copyOf(criteria);
	}

	/** A scoring criterion: its maximum is its weight. */
	public record Criterion(long id, String name, int weight) {

	}

	/** Whether the person judges this competition. */
	public boolean judgedBy(Long personId) {
		return personId != null && judgePersonIds.contains(personId);
	}

	public enum Kind {
		SKILLS, PLANNING
	}

	/** 进行中 (entries and scores), 已拟定 (awards proposed), 已公布. */
	public enum Status {
		OPEN, PROPOSED, PUBLISHED
	}

	public int count(AwardRank rank) {
		return switch (rank) {
			case FIRST -> firstCount;
			case SECOND -> secondCount;
			case THIRD -> thirdCount;
		};
	}

	public boolean published() {
		return status == Status.PUBLISHED;
	}

	/**
	 * An entry: who (and their unit), what, each judge's normalised total (in the order of the judges; null: no complete
	 * sheet yet) and the result.
	 */
	public record Entry(long id, long competitionId, long personId, long unitId, String title, List<BigDecimal> scores,
			BigDecimal finalScore, Integer judgeCount, BigDecimal spread, boolean flagged, AwardRank proposedRank,
			AwardRank awardRank, Integer placing) {

		public Entry {
			scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
		}

	}

}
