package io.infodesk.research;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A submitted paper as the office and its author see it (with author and unit). Judges never receive this type:
 * they get {@link BlindPaper}.
 */
public record Paper(long id, long competitionId, String code, String title, long authorPersonId, long unitId,
		String fileName, String fileType, long fileSize, Instant submittedAt, boolean excluded, String excludeReason,
		BigDecimal finalScore, Integer judgeCount, BigDecimal spread, boolean flagged, AwardRank proposedRank,
		AwardRank awardRank, Integer placing) {

}
