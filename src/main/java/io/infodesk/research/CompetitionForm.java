package io.infodesk.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the office enters to open a competition. Criteria as parallel lists (name, weight); award counts per level;
 * judges as person ids.
 */
public record CompetitionForm(
		@NotBlank(message = "{research.competition.title.required}") @Size(max = 200, message = "{research.competition.title.size}") String title,
		@Size(max = 2000, message = "{research.competition.description.size}") String description,
		@Size(max = 1000, message = "{research.competition.eligibility.size}") String eligibility,
		@NotNull(message = "{research.competition.opens.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opens,
		@NotNull(message = "{research.competition.closes.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closes,
		@NotNull(message = "{research.competition.judgingCloses.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate judgingCloses,
		@NotNull(message = "{research.competition.threshold.required}") @DecimalMin(value = "0", message = "{research.competition.threshold.range}") BigDecimal disagreementThreshold,
		List<String> criterionNames, List<Integer> criterionWeights, Integer firstCount, Integer secondCount,
		Integer thirdCount, List<Long> judgePersonIds) {

	/** The default criteria of the notice's practice: 选题价值 30, 调研深度 30, 对策可行性 30, 文字表达 10. */
	public static final List<String> DEFAULT_CRITERIA = List.of("选题价值", "调研深度", "对策可行性", "文字表达");

	public static final List<Integer> DEFAULT_WEIGHTS = List.of(30, 30, 30, 10);

	public static CompetitionForm blank(LocalDate today) {
		return new CompetitionForm("", "", "", today, today.plusDays(30), today.plusDays(45), BigDecimal.valueOf(20),
				new ArrayList<>(DEFAULT_CRITERIA), new ArrayList<>(DEFAULT_WEIGHTS), 1, 2, 3, new ArrayList<>());
	}

	public CompetitionForm {
		criterionNames = criterionNames == null ? new ArrayList<>() : new ArrayList<>(criterionNames);
		criterionWeights = criterionWeights == null ? new ArrayList<>() : new ArrayList<>(criterionWeights);
		judgePersonIds = judgePersonIds == null ? new ArrayList<>() : new ArrayList<>(judgePersonIds);
	}

}
