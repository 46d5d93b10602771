package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A proposed adjustment: the unit (and optionally one of its people), signed points, reason, the day it counts. */
public record AdjustmentForm(@NotNull(message = "{assessment.adjustment.unit.required}") Long unitId, Long personId,
		@NotNull(message = "{assessment.adjustment.points.required}") BigDecimal points,
		@NotBlank(message = "{assessment.adjustment.reason.required}") @Size(max = 500, message = "{assessment.adjustment.reason.size}") String reason,
		@NotNull(message = "{assessment.adjustment.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodDate) {

}
