package io.infodesk.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A planning item of a major news topic (重大题材新闻报道策划, S3.2-b), like a newsroom's planning item with coverage
 * assignments: the topic and its rationale, the owner unit and people, target media, the linked plan points and
 * calendar day, the assignments (who produces what — text, photos, video, new media — for which outlet, by when,
 * fulfilled by a coverage record), the planning meetings and the state.
 */
public record Topic(long id, String title, String rationale, long ownerUnitId, String ownerUnitName, Status status,
		MediaTier targetTier, String targetMedia, LocalDate calendarOn, String createdBy, Instant createdAt,
		List<Named> people, List<PointRef> points, List<Assignment> assignments, List<Meeting> meetings) {

	/** Where a planning item stands. */
	public enum Status {

		PLANNING, IN_PROGRESS, DONE, CANCELLED

	}

	/** What an assignment produces. */
	public enum Medium {

		TEXT, PHOTO, VIDEO, NEW_MEDIA

	}

	public record Named(long id, String name) {

	}

	/** A linked point of a unit's annual plan (identified by the plan and the point's work). */
	public record PointRef(long planId, long unitId, String unitName, int year, String work) {

	}

	/** Who produces what by when; {@code coverageId} once a coverage record fulfils it. */
	public record Assignment(long id, long personId, String personName, Medium medium, Long outletId, String outletName,
			LocalDate dueOn, String note, Long coverageId, String coverageTitle, boolean overdue) {

		public boolean done() {
			return coverageId != null;
		}

	}

	public record Meeting(long id, LocalDate heldOn, String attendees, String decisions, String recordedBy) {

	}

	/** Assignments fulfilled / all. */
	public long doneCount() {
		return assignments.stream().filter(Assignment::done).count();
	}

}
