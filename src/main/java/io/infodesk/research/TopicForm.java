package io.infodesk.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the office enters for a research topic: title, background, source (and the district key topic or the
 * analysis candidate it takes on), aim, responsible unit and lead, the group's members and the four milestone days.
 */
public record TopicForm(
		@NotBlank(message = "{research.topic.title.required}") @Size(max = 200, message = "{research.topic.title.size}") String title,
		@Size(max = 2000, message = "{research.topic.background.size}") String background,
		@NotNull(message = "{research.topic.source.required}") Topic.Source source,
		@NotNull(message = "{research.topic.aim.required}") Topic.Aim aim,
		@NotNull(message = "{research.topic.unit.required}") Long unitId,
		@NotNull(message = "{research.topic.lead.required}") Long leadPersonId, List<Long> memberPersonIds,
		@NotNull(message = "{research.topic.planOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planOn,
		@NotNull(message = "{research.topic.fieldOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fieldOn,
		@NotNull(message = "{research.topic.draftOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate draftOn,
		@NotNull(message = "{research.topic.finalOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate finalOn,
		Long keyTopicId, Long candidateId) {

	public TopicForm {
		memberPersonIds = memberPersonIds == null ? new ArrayList<>() : new ArrayList<>(memberPersonIds);
	}

	public static TopicForm blank(LocalDate today) {
		return new TopicForm("", "", Topic.Source.OWN, Topic.Aim.SERVE_DECISIONS, null, null, new ArrayList<>(),
				today.plusDays(14), today.plusMonths(2), today.plusMonths(4), today.plusMonths(5), null, null);
	}

	/** The milestone days in the order of {@link Topic.MilestoneKind}. */
	public List<LocalDate> milestoneDays() {
		return java.util.Arrays.asList(planOn, fieldOn, draftOn, finalOn);
	}

}
