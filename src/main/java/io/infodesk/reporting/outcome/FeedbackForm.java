package io.infodesk.reporting.outcome;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The feedback given on a leader instruction (批示反馈). */
public record FeedbackForm(
		@NotNull(message = "{reporting.instruction.feedbackOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate feedbackOn,
		@NotBlank(message = "{reporting.instruction.feedbackNote.required}") @Size(max = 2000, message = "{reporting.instruction.feedbackNote.size}") String note) {

}
