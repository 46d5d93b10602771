package io.infodesk.reporting;

import java.time.LocalDate;
import java.util.List;

/** A leader instructed on an item (领导批示, S3.1-d); feedback is due on {@code feedbackDue} (may be null). */
public record LeaderInstructionRecorded(ItemId item, long unitId, long instructionId, AdministrativeLevel level,
		LocalDate on, LocalDate feedbackDue, List<AuthorShare> authors) {

}
