package io.infodesk.training;

import java.time.LocalDate;

/** A practical training session (实务培训) as read. */
public record TrainingSession(long id, String topic, SkillArea skillArea, String trainer, LocalDate heldOn,
		String place, String materials) {

}
