package io.infodesk.reporting.outcome;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.reporting.AdministrativeLevel;

/** A leader instruction as recorded: level, leader, day, summary, feedback due (optional). */
public record InstructionForm(@NotNull(message = "{reporting.instruction.level.required}") AdministrativeLevel level,
		@NotBlank(message = "{reporting.instruction.leader.required}") @Size(max = 100, message = "{reporting.instruction.leader.size}") String leader,
		@NotNull(message = "{reporting.instruction.on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate instructedOn,
		@NotBlank(message = "{reporting.instruction.summary.required}") @Size(max = 2000, message = "{reporting.instruction.summary.size}") String summary,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate feedbackDue) {

	public static InstructionForm blank(LocalDate today) {
		return new InstructionForm(AdministrativeLevel.CITY, "", today, "", null);
	}

}
