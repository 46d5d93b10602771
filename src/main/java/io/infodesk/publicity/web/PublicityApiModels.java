package io.infodesk.publicity.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import io.infodesk.publicity.AnnualPlans;
import io.infodesk.publicity.CalendarEntry;
import io.infodesk.publicity.Coverage;
import io.infodesk.publicity.FollowThrough;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Topic;

/** The JSON of the publicity API (docs/api.md, docs/publicity.md). */
final class PublicityApiModels {

	private PublicityApiModels() {
	}

	@Schema(name = "PublicityUnitRef", description = "单位（编号和名称）")
	record UnitRef(long id, String name) {

	}

	@Schema(name = "PublicityPlanStatus", description = "一个单位本年度宣传要点计划的备案情况与完成情况")
	record PlanStatusJson(UnitRef unit, @Schema(description = "FILED、SUBMITTED、RETURNED、DRAFT、MISSING") AnnualPlans.State state,
			String stateLabel, @Schema(description = "备案截止后仍未备案") boolean overdue, int revision, int points,
			@Schema(description = "已完成（有见报记录）的要点数") long done, long pending,
			@Schema(description = "节点已过仍无见报记录的要点数") long overduePoints) {

	}

	@Schema(name = "PublicityPlan", description = "年度宣传要点计划及其要点")
	record PlanJson(UnitRef unit, int year, AnnualPlans.State state, String stateLabel, int revision,
			@Schema(description = "备案截止日期") LocalDate deadline, @Schema(description = "退回意见，无则为 null") String comment,
			List<PlanPointJson> points) {

	}

	@Schema(name = "PublicityPlanPoint", description = "宣传要点：工作、形式、目标媒体级别、时间节点与完成情况")
	record PlanPointJson(int position, String work, Coverage.Form form, MediaTier targetTier,
			@Schema(description = "节点月份") int month, @Schema(description = "节点日期，只填月份时为 null") LocalDate date,
			@Schema(description = "DONE、PENDING、OVERDUE") FollowThrough.State progress,
			@Schema(description = "关联的见报播出标题") List<String> coverage) {

	}

	@Schema(name = "PublicityCalendarEntry", description = "宣传日历节点：节日纪念日、主题月、计划节点、重大活动或工作节点")
	record CalendarEntryJson(String uid, CalendarEntry.Kind kind, String kindLabel, String title, LocalDate start,
			@Schema(description = "结束日期（含）") LocalDate end,
			@Schema(description = "开始时间（北京时间），全天节点为 null") LocalTime startTime, LocalTime endTime, String detail,
			@Schema(description = "所属单位，全局节点为 null") UnitRef unit, @Schema(description = "提前提醒天数") Integer leadDays) {

	}

	@Schema(name = "PublicityCoverage", description = "见报、播出记录")
	record CoverageJson(long id, LocalDate publishedOn, String outlet, MediaTier tier, String title,
			@Schema(description = "链接，无则为 null") String link, Coverage.Form form, Coverage.Placement placement,
			List<CreditJson> credits, String recordedBy, OffsetDateTime recordedAt) {

	}

	@Schema(name = "PublicityCoverageCredit", description = "署名人员及其所在单位，权重为空表示均分")
	record CreditJson(long personId, String person, UnitRef unit, Integer weight) {

	}

	@Schema(name = "PublicityTopic", description = "重大题材新闻报道策划")
	record TopicJson(long id, String title, String rationale, UnitRef ownerUnit, Topic.Status status, String statusLabel,
			MediaTier targetTier, String targetMedia, LocalDate calendarOn, List<String> people,
			@Schema(description = "关联的宣传要点") List<String> points, List<AssignmentJson> assignments,
			List<MeetingJson> meetings) {

	}

	@Schema(name = "PublicityTopicAssignment", description = "采写任务：谁、什么产品、投送哪家媒体、何时完成，完成后关联见报记录")
	record AssignmentJson(long id, String person, Topic.Medium medium, String outlet, LocalDate dueOn, String note,
			@Schema(description = "完成它的见报播出记录编号，未完成为 null") Long coverageId, boolean overdue) {

	}

	@Schema(name = "PublicityTopicMeeting", description = "策划会记录")
	record MeetingJson(LocalDate heldOn, String attendees, String decisions) {

	}

}
