package io.infodesk.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A person of a unit designated as its information publicist from a start date (end date optional). */
public record PublicistForm(@NotNull(message = "{publicist.unit.required}") Long unitId,
		@NotNull(message = "{publicist.person.required}") Long personId,
		@NotNull(message = "{org.startDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {

}
