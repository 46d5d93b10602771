package io.infodesk.reporting.item;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A verification record as entered (核实, S3.1-b). */
public record VerificationForm(@NotNull(message = "{reporting.verification.method.required}") VerificationMethod method,
		@NotBlank(message = "{reporting.verification.verifier.required}") @Size(max = 50, message = "{reporting.verification.verifier.size}") String verifier,
		@Size(max = 100, message = "{reporting.verification.counterpart.size}") String counterpart,
		@NotNull(message = "{reporting.verification.date.required}") LocalDate verifiedOn,
		@NotBlank(message = "{reporting.verification.confirmed.required}") @Size(max = 2000, message = "{reporting.verification.confirmed.size}") String confirmed) {

	public static VerificationForm blank(String verifier, LocalDate today) {
		return new VerificationForm(null, verifier, "", today, "");
	}

}
