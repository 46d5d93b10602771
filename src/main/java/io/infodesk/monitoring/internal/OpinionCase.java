package io.infodesk.monitoring.internal;

import java.time.Instant;

import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;

/**
 * An opinion case (舆情事件, S3.6-a): what it is about, its level and hot spot, the responsible section and its leader
 * in charge, its state, and its deadlines by level with the moment each was met.
 */
public record OpinionCase(long id, String title, String summary, AlertLevel level, Topic topic, Long clusterId,
		Long unitId, Long leaderPersonId, Status status, Instant openedAt, String openedBy, Instant infoDueAt,
		Instant infoAt, Instant pressDueAt, Instant pressAt, Instant responseDueAt, Instant responseAt, Instant closedAt,
		String closingSummary, String review) {

	/** Labels: {@code monitoring.case.status.<NAME>}. */
	public enum Status {

		/** 待分办 */
		OPEN,
		/** 处置中 */
		HANDLING,
		/** 已办结 */
		CLOSED

	}

	/** The logged actions (处置记录). Labels: {@code monitoring.case.action.<NAME>}. */
	public enum Action {

		VERIFY, ASSESS, RESPOND, PUBLISH, PRESS, GUIDE, REPORT_UP

	}

	/** Whether the case is major (重大, 特别重大): authoritative information and a press event are due. */
	public static boolean major(AlertLevel level) {
		return level == AlertLevel.MAJOR || level == AlertLevel.SEVERE;
	}

	/** A deadline missed: not met and past, or met after it. */
	public static boolean overdue(Instant due, Instant met, Instant now) {
		return due != null && (met == null ? now.isAfter(due) : met.isAfter(due));
	}

	public boolean overdue(Instant now) {
		return overdue(infoDueAt, infoAt, now) || overdue(pressDueAt, pressAt, now)
				|| overdue(responseDueAt, responseAt, now);
	}

}
