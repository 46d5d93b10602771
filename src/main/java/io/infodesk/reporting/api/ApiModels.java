package io.infodesk.reporting.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.urgent.UrgentCategory;

/**
 * What the REST API under {@code /api} reads and writes (issue 3 point 10): small JSON records, separate from the
 * entities and the page forms. Times are written with the Asia/Shanghai offset ({@code 2026-11-27T09:00:00+08:00});
 * times sent by clients are Asia/Shanghai wall-clock times without offset, as in the forms.
 */
final class ApiModels {

	private ApiModels() {
	}

	@Schema(description = "一页结果")
	record PageJson<T>(List<T> content, @Schema(description = "页码，从 1 开始") int page, int size, long totalElements,
			int totalPages) {

	}

	record UnitRef(long id, String name) {

	}

	record AuthorJson(long personId, String name, long unitId, Integer weight) {

	}

	@Schema(description = "信息列表中的一条")
	record ItemSummary(long id, String title, ItemKind kind, UnitRef unit, ItemStatus status, String statusLabel,
			String drafter, int revision, boolean urgent, OffsetDateTime dueAt, OffsetDateTime firstSubmittedAt,
			AdministrativeLevel adoptionLevel, OffsetDateTime createdAt) {

	}

	@Schema(description = "审核进度：approve / return 须带上 round 和 step")
	record ReviewJson(String status, int round, int step, String role, String roleLabel, List<String> steps) {

	}

	record SubmissionJson(long id, long bodyId, String body, SubmissionChannel channel, OffsetDateTime submittedAt,
			String note, String recordedBy) {

	}

	@Schema(description = "一条信息的全部内容")
	record ItemJson(long id, String title, ItemKind kind, UnitRef unit, ItemStatus status, String statusLabel,
			@Schema(description = "正文（已净化的 HTML）") String body, String bodyText, Set<Angle> angles,
			Set<SourceTag> sources, List<AuthorJson> authors, String drafter, int revision, Long solicitationId,
			boolean urgent, UrgentCategory urgentCategory, OffsetDateTime eventAt, OffsetDateTime dueAt,
			OffsetDateTime firstSubmittedAt, Long lateSeconds, AdministrativeLevel adoptionLevel, ReviewJson review,
			List<SubmissionJson> submissions, List<AdoptionJson> adoptions, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {

	}

	record AuthorRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long personId,
			@Schema(description = "联合供稿时的比例（1–100，全部填写且合计 100，或都不填）") Integer weight) {

	}

	@Schema(description = "新信息（草稿）")
	record ItemRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ItemKind kind,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "正文：文字段落或 HTML（保存时净化）") String body,
			Set<Angle> angles, Set<SourceTag> sources,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AuthorRequest> authors, Long solicitationId,
			Boolean urgent, UrgentCategory urgentCategory,
			@Schema(description = "事件发生时间（北京时间），当日报送信息必填", example = "2026-11-27T08:30:00", type = "string", format = "local-date-time") LocalDateTime eventAt) {

	}

	@Schema(description = "审核动作：针对详情中 review 的 round 和 step")
	record ReviewRequest(Integer round, Integer step, @Schema(description = "退回时必填") String comment) {

	}

	@Schema(description = "报送记录")
	record SubmissionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long bodyId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) SubmissionChannel channel,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "报送时间（北京时间）", example = "2026-11-27T10:00:00", type = "string", format = "local-date-time") LocalDateTime submittedAt,
			String note) {

	}

	record BodyRef(long id, String shortName) {

	}

	record OwnerJson(long personId, String name) {

	}

	@Schema(description = "约稿")
	record SolicitationJson(long id, BodyRef body, String topic, String requirements, LocalDate receivedOn,
			OffsetDateTime deadline, SolicitationStatus status, String statusLabel, List<UnitRef> units,
			List<OwnerJson> owners, OffsetDateTime deliveredAt, Long deliveredItemId) {

	}

	@Schema(description = "新约稿")
	record SolicitationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long bodyId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String topic, String requirements,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate receivedOn,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "截止时间（北京时间）", example = "2026-11-30T17:00:00", type = "string", format = "local-date-time") LocalDateTime deadline,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Long> unitIds, List<Long> ownerIds) {

	}

	@Schema(description = "采用记录")
	record AdoptionJson(long id, long itemId, String itemTitle, Long unitId, String outlet, String issue,
			AdministrativeLevel level, LocalDate adoptedOn, String evidence, String recordedBy,
			OffsetDateTime recordedAt) {

	}

	@Schema(description = "新采用记录")
	record AdoptionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String outlet,
			String issue, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AdministrativeLevel level,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate adoptedOn, String evidence) {

	}

}
