package io.infodesk.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What the organiser enters for a session: topic, skill area, trainer, day, place, materials, invited people. */
public record TrainingForm(
		@NotBlank(message = "{training.topic.required}") @Size(max = 200, message = "{training.topic.size}") String topic,
		@NotNull(message = "{training.skill.required}") SkillArea skillArea,
		@NotBlank(message = "{training.trainer.required}") @Size(max = 100, message = "{training.trainer.size}") String trainer,
		@NotNull(message = "{training.heldOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
		@NotBlank(message = "{training.place.required}") @Size(max = 200, message = "{training.place.size}") String place,
		@Size(max = 1000, message = "{training.materials.size}") String materials, List<Long> invitedPersonIds) {

	public TrainingForm {
		invitedPersonIds = invitedPersonIds == null ? new ArrayList<>() : new ArrayList<>(invitedPersonIds);
	}

	public static TrainingForm blank(LocalDate day) {
		return new TrainingForm("", SkillArea.WRITING, "", day, "", "", new ArrayList<>());
	}

}
