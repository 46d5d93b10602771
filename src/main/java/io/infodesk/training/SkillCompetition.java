package io.infodesk.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.infodesk.research.AwardRank;

/**
 * A skills competition (技能竞赛) or a planning practice (专题策划实践) in one skill area, judged on site by the judges
 * named: the office enters each judge's total per entry, research's {@link io.infodesk.research.ScoringEngine} makes
 * the result. Labels {@code training.competition.kind.<NAME>}, {@code training.competition.status.<NAME>}.
 */
public record SkillCompetition(long id, String title, Kind kind, SkillArea skillArea, LocalDate heldOn,
		String description, List<String> judges, int firstCount, int secondCount, int thirdCount,
		BigDecimal disagreementThreshold, Status status, LocalDate publishedOn) {

	public SkillCompetition {
		judges = List.copyOf(judges);
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

	/** An entry: who (and their unit), what, the judges' totals (by judge number, null: not yet) and the result. */
	public record Entry(long id, long competitionId, long personId, long unitId, String title, List<BigDecimal> scores,
			BigDecimal finalScore, Integer judgeCount, BigDecimal spread, boolean flagged, AwardRank proposedRank,
			AwardRank awardRank, Integer placing) {

		public Entry {
			scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
		}

	}

}
