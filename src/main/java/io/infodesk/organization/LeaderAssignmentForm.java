package io.infodesk.organization;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A bureau leader put in charge of one or more units from a start date (end date optional). */
public record LeaderAssignmentForm(@NotNull(message = "{leader.leader.required}") Long leaderId,
		@NotEmpty(message = "{leader.units.required}") List<Long> unitIds,
		@NotNull(message = "{org.startDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {

	public LeaderAssignmentForm {
		unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
	}

}
