package io.infodesk.reporting.outcome;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A submission record as the office enters it: to which body, how, when. */
public record SubmissionForm(@NotNull(message = "{reporting.submission.body.required}") Long bodyId,
		@NotNull(message = "{reporting.submission.channel.required}") SubmissionChannel channel,
		@NotNull(message = "{reporting.submission.at.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime submittedAt,
		@Size(max = 500, message = "{reporting.submission.note.size}") String note) {

	public static SubmissionForm blank(Long bodyId, LocalDateTime now) {
		return new SubmissionForm(bodyId, SubmissionChannel.PLATFORM, now.withSecond(0).withNano(0), "");
	}

}
