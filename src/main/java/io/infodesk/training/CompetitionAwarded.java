package io.infodesk.training;

import java.time.LocalDate;

import io.infodesk.research.AwardRank;

/**
 * An award of a skills competition or planning practice was published (S4-b): for assessment, which scores the
 * person 100 % and the unit by the rule {@code COMPETITION_AWARD:<rank>} in force on the day of publication.
 */
public record CompetitionAwarded(long entryId, long competitionId, AwardRank rank, LocalDate on, long personId,
		long unitId, String title) {

}
