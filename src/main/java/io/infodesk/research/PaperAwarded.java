package io.infodesk.research;

import java.time.LocalDate;

/**
 * A paper of a published competition received an award (调研论文获奖): assessment scores {@code PAPER_AWARD:<rank>}
 * to the author and the unit on the day of publication.
 */
public record PaperAwarded(long paperId, long competitionId, AwardRank rank, LocalDate on, long authorPersonId,
		long unitId, String title) {

}
