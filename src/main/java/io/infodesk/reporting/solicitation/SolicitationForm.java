package io.infodesk.reporting.solicitation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A solicitation as the office registers it: from whom, what, received when, due when, answerable units and people. */
public record SolicitationForm(@NotNull(message = "{reporting.solicitation.body.required}") Long bodyId,
		@NotBlank(message = "{reporting.solicitation.topic.required}") @Size(max = 200, message = "{reporting.solicitation.topic.size}") String topic,
		@Size(max = 4000, message = "{reporting.solicitation.requirements.size}") String requirements,
		@NotNull(message = "{reporting.solicitation.receivedOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
		@NotNull(message = "{reporting.solicitation.deadline.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
		List<Long> unitIds, List<Long> ownerIds) {

	public SolicitationForm {
		unitIds = unitIds == null ? new ArrayList<>() : new ArrayList<>(unitIds);
		ownerIds = ownerIds == null ? new ArrayList<>() : new ArrayList<>(ownerIds);
	}

	public static SolicitationForm blank(LocalDate today) {
		return new SolicitationForm(null, "", "", today, today.plusDays(3).atTime(17, 0), List.of(), List.of());
	}

	public static SolicitationForm of(Solicitation solicitation) {
		return new SolicitationForm(solicitation.getBodyId(), solicitation.getTopic(), solicitation.getRequirements(),
				solicitation.getReceivedOn(),
				LocalDateTime.ofInstant(solicitation.getDeadline(), io.infodesk.shared.time.TimeConfiguration.ZONE),
				new ArrayList<>(solicitation.getUnitIds()),
				solicitation.getOwners().stream().map(SolicitationOwner::getPersonId).toList());
	}

}
