package io.infodesk.reporting.concealed;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.reporting.ConcealedKind;

/** A missed or concealed report as the office records it: unit, kind, day of the event, what, why. */
public record ConcealedReportForm(@NotNull(message = "{reporting.concealed.unit.required}") Long unitId,
		@NotNull(message = "{reporting.concealed.kind.required}") ConcealedKind kind,
		@NotNull(message = "{reporting.concealed.on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
		@NotBlank(message = "{reporting.concealed.subject.required}") @Size(max = 200, message = "{reporting.concealed.subject.size}") String subject,
		@NotBlank(message = "{reporting.concealed.reason.required}") @Size(max = 2000, message = "{reporting.concealed.reason.size}") String reason) {

	public static ConcealedReportForm blank(LocalDate today) {
		return new ConcealedReportForm(null, ConcealedKind.OMITTED, today, "", "");
	}

}
