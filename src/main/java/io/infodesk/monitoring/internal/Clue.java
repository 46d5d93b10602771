package io.infodesk.monitoring.internal;

import java.time.Instant;

import io.infodesk.monitoring.Topic;

/**
 * A clue of major information (S3.5-a/b) as reported, with the office's second edit (二次整理) and its outcome: a
 * draft information item of reporting ({@code infoItemId}) or archived with a reason.
 */
public record Clue(long id, String title, String url, String summary, Integer classNo, Topic topic,
		String screenshotSha256, String screenshotType, Long unitId, long reporterUserId, Long reporterPersonId,
		String reporterName, Instant reportedAt, Status status, String editedTitle, String editedBody, String editedBy,
		Instant editedAt, String archiveReason, Long infoItemId, Instant closedAt) {

	/** Labels: {@code monitoring.clue.status.<NAME>}. */
	public enum Status {

		REPORTED, EDITED, DRAFTED, ARCHIVED;

		public boolean open() {
			return this == REPORTED || this == EDITED;
		}

	}

	/** The title the office works with: its edit, else the reporter's. */
	public String workingTitle() {
		return editedTitle != null ? editedTitle : title;
	}

	/** The text the office works with: its edit, else the reporter's summary (and address). */
	public String workingBody() {
		if (editedBody != null) {
			return editedBody;
		}
		return url == null ? summary : summary + "\n来源：" + url;
	}

}
