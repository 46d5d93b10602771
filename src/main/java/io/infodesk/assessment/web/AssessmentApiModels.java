package io.infodesk.assessment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import io.infodesk.assessment.circular.Circulars;
import io.infodesk.assessment.Grade;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.ScoreKind;

/** The JSON of the assessment API (docs/api.md). */
final class AssessmentApiModels {

	private AssessmentApiModels() {
	}

	/**
	 * The period asked for, as on the ranking page: MONTH (year, month), QUARTER (year, quarter), YEAR (year) or
	 * RANGE (from, to); missing values mean the current month, quarter or year.
	 */
	record PeriodQuery(@Parameter(description = "周期类型，默认 MONTH") Period.Kind kind,
			@Parameter(description = "年度，默认今年") Integer year,
			@Parameter(description = "月份 1–12（MONTH），默认本月") Integer month,
			@Parameter(description = "季度 1–4（QUARTER），默认本季度") Integer quarter,
			@Parameter(description = "起始日期（RANGE）") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "截止日期（RANGE）") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

		Period period(LocalDate today) {
			return new RankingFilter(kind, year, month, quarter, from, to, null, null).period(today);
		}

	}

	@Schema(name = "AssessmentPeriod", description = "考核周期（起止日期含当日）")
	record PeriodJson(Period.Kind kind, LocalDate from, LocalDate to, @Schema(example = "2026年11月") String label) {

	}

	@Schema(name = "AssessmentCategoryPoints", description = "一个计分类别的净得分")
	record CategoryPoints(ScoreKind category, @Schema(example = "信息采用") String label, BigDecimal points) {

	}

	@Schema(name = "AssessmentStanding", description = "排名中的一行：名次（并列同名次）、总分和各类别得分；单位另有目标分、完成率和等次")
	record StandingJson(int rank, @Schema(description = "单位或人员编号") long id, String name, long unitId,
			String unitName, BigDecimal total, List<CategoryPoints> categories,
			@Schema(description = "本周期目标分（单位）") BigDecimal target,
			@Schema(description = "目标完成率 %（单位）") BigDecimal completion,
			@Schema(description = "等次（单位）") Grade grade, String gradeLabel) {

	}

	@Schema(name = "AssessmentRanking", description = "一个周期的排名")
	record RankingJson(PeriodJson period, List<StandingJson> standings) {

	}

	@Schema(name = "AssessmentSource", description = "计分来源记录")
	record SourceJson(@Schema(example = "ADOPTION") String type, @Schema(example = "信息采用") String typeLabel,
			String id, @Schema(description = "来源记录的名称") String label,
			@Schema(description = "来源记录的页面地址（相对本服务器）") String link,
			@Schema(description = "所属信息的编号") Long itemId) {

	}

	@Schema(name = "AssessmentEntry", description = "积分台账的一条记录（只增不改；更正是同一来源的后续版本）")
	record EntryJson(long id, LocalDate day, ScoreKind category, String categoryLabel,
			@Schema(description = "计分规则及版本", example = "市级采用（第2版）") String rule, String ruleKey,
			Integer ruleVersion, BigDecimal points, long unitId, Long personId, SourceJson source, int revision,
			@Schema(description = "EVENT、RECOMPUTE、QUOTA 或 ADJUSTMENT") String origin, String originLabel, String note,
			String createdBy, OffsetDateTime createdAt) {

	}

	@Schema(name = "AssessmentEntries", description = "一个单位或一名人员在周期内的积分记录（最多 2000 条，最新在前）")
	record EntriesJson(PeriodJson period, @Schema(description = "单位或人员编号") long subjectId, String subjectName,
			BigDecimal total, List<CategoryPoints> categories, List<EntryJson> entries) {

	}

	@Schema(name = "AssessmentCircularFile", description = "通报的一个文件（与印发时逐字节相同）")
	record FileJson(@Schema(description = "下载地址") String href, long size, String sha256) {

	}

	@Schema(name = "AssessmentCircularPosition", description = "本单位在该期通报中的位置")
	record PositionJson(int rank, BigDecimal total, BigDecimal completion, Grade grade, String gradeLabel) {

	}

	@Schema(name = "AssessmentCircular", description = "一期通报（一个周期的一个版本）")
	record CircularJson(long id, String title, PeriodJson period, int version, Circulars.Status status,
			String statusLabel, String documentNumber, LocalDate issuedOn, OffsetDateTime generatedAt,
			FileJson docx, FileJson xlsx,
			@Schema(description = "调用者所在单位在该期中的位置（无单位或未列入时为 null）") PositionJson ownUnit) {

	}

}
