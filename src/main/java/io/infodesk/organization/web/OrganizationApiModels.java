package io.infodesk.organization.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import io.infodesk.organization.PeriodStatus;
import io.infodesk.organization.UnitType;

/** The JSON of the organisation API (docs/api.md). */
final class OrganizationApiModels {

	private OrganizationApiModels() {
	}

	@Schema(name = "OrgUnitRef", description = "单位（编号和名称）")
	record UnitRef(long id, String name) {

	}

	@Schema(name = "OrgPersonRef", description = "人员（编号和姓名）")
	record PersonRef(long id, String name) {

	}

	@Schema(name = "OrgUnit", description = "单位（科室、直属单位、局领导班子）")
	record UnitJson(long id, String name, @Schema(description = "简称") String shortName, UnitType type,
			@Schema(description = "类型名称", example = "科室") String typeLabel,
			@Schema(description = "上级单位，无则为 null") UnitRef parent,
			@Schema(description = "负责人，无则为 null") PersonRef head, int sortOrder, boolean active,
			@Schema(description = "在职人数") long activePeople) {

	}

	@Schema(name = "OrgPerson", description = "人员")
	record PersonJson(long id, String name, UnitRef unit, String position, String phone, boolean partyMember,
			@Schema(description = "科级干部") boolean sectionLevelCadre,
			@Schema(description = "网评员") boolean onlineCommentator, int sortOrder, boolean active,
			@Schema(description = "现任信息宣传员") boolean publicist) {

	}

	@Schema(name = "OrgLeaderAssignment", description = "分管关系：局领导分管一个单位的期间")
	record LeaderJson(long id, PersonRef leader, UnitRef unit, LocalDate startDate,
			@Schema(description = "结束日期，未结束为 null") LocalDate endDate,
			@Schema(description = "今天的状态：UPCOMING、CURRENT、ENDED") PeriodStatus status, String statusLabel) {

	}

	@Schema(name = "OrgPublicistDesignation", description = "信息宣传员：单位指定的期间")
	record PublicistJson(long id, PersonRef person, UnitRef unit, LocalDate startDate,
			@Schema(description = "结束日期，未结束为 null") LocalDate endDate,
			@Schema(description = "今天的状态：UPCOMING、CURRENT、ENDED") PeriodStatus status, String statusLabel) {

	}

}
