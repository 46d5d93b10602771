package io.infodesk.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A research topic (调研课题, S3.3-a … c): where it comes from, what it aims at, the responsible unit and lead, the
 * research group, its four milestones. The activity log, the outputs and the upward uses are read separately
 * ({@link Topics#activities}, {@link Topics#outputs}, {@link Topics#uses}). Labels: {@code research.topic.<enum>.<NAME>}.
 */
public record Topic(long id, String title, String background, Source source, Aim aim, long unitId, long leadPersonId,
		int year, Status status, List<Long> memberPersonIds, List<Milestone> milestones, Long keyTopicId) {

	public Topic {
		memberPersonIds = List.copyOf(memberPersonIds);
		milestones = List.copyOf(milestones);
	}

	/** Where the topic comes from: an annual key topic of one of the four district bodies, the bureau, an analysis. */
	public enum Source {

		/** 区委年度调研重点课题 */
		DISTRICT_COMMITTEE,
		/** 区政府年度调研重点课题 */
		DISTRICT_GOVERNMENT,
		/** 区人大年度调研重点课题 */
		DISTRICT_CONGRESS,
		/** 区政协年度调研重点课题 */
		DISTRICT_CPPCC,
		/** 局自选课题 */
		OWN,
		/** 选题分析确定 */
		ANALYSIS;

		/** One of the four district bodies' annual key topics. */
		public boolean districtKeyTopic() {
			return this != OWN && this != ANALYSIS;
		}

	}

	/** 服务上层决策, 推进工作拓展, 寻求瓶颈突破 (S3.3-b). */
	public enum Aim {
		SERVE_DECISIONS, EXPAND_WORK, BREAK_BOTTLENECKS
	}

	/** 已立项 → 调研中 (a milestone met or an activity recorded) → 已结题 (the final report's milestone met). */
	public enum Status {
		PLANNED, IN_PROGRESS, CONCLUDED
	}

	/** 调研方案, 实地调研, 形成初稿, 定稿结题 — in this order. */
	public enum MilestoneKind {
		PLAN, FIELD_RESEARCH, DRAFT, FINAL
	}

	/** 走访, 座谈会, 问卷调查, 个别访谈, 其他. */
	public enum ActivityKind {
		VISIT, SYMPOSIUM, QUESTIONNAIRE, INTERVIEW, OTHER
	}

	/** 调研报告, 调研论文, 对策建议. */
	public enum OutputKind {
		REPORT, PAPER, PROPOSAL
	}

	/** The outcome adopted by a body (采纳) or instructed on by a leader (领导批示). */
	public enum UseKind {
		ADOPTED, INSTRUCTION
	}

	/** The level of the adopting body or the instructing leader (the qualifiers of ADOPTION / INSTRUCTION rules). */
	public enum UseLevel {
		DISTRICT, CITY, PROVINCE, NATIONAL
	}

	public record Milestone(long id, MilestoneKind kind, LocalDate dueOn, LocalDate doneOn) {

		public boolean done() {
			return doneOn != null;
		}

		public boolean overdue(LocalDate today) {
			return doneOn == null && dueOn.isBefore(today);
		}

	}

	public record Activity(long id, long topicId, ActivityKind kind, LocalDate heldOn, String place, String participants,
			String summary, Instant recordedAt, String recordedBy) {

	}

	public record Output(long id, long topicId, OutputKind kind, String title, String fileName, String fileType,
			long fileSize, Instant addedAt, String addedBy) {

	}

	public record Use(long id, long topicId, Long outputId, UseKind kind, UseLevel level, String usedBy, String content,
			LocalDate usedOn, String recordedBy) {

	}

}
