package io.infodesk.reporting.outcome;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import io.infodesk.reporting.AdministrativeLevel;

/** An adoption record: outlet or periodical and issue, level, day, evidence. */
public record AdoptionForm(
		@NotBlank(message = "{reporting.adoption.outlet.required}") @Size(max = 100, message = "{reporting.adoption.outlet.size}") String outlet,
		@Size(max = 50, message = "{reporting.adoption.issue.size}") String issue,
		@NotNull(message = "{reporting.adoption.level.required}") AdministrativeLevel level,
		@NotNull(message = "{reporting.adoption.on.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
		@Size(max = 1000, message = "{reporting.adoption.evidence.size}") String evidence) {

	public static AdoptionForm blank(LocalDate today) {
		return new AdoptionForm("", "", AdministrativeLevel.DISTRICT, today, "");
	}

}
