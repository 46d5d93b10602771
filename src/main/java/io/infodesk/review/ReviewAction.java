package io.infodesk.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing done in a review: submitted, approved, edited, returned with a comment. Every one is kept, with
 * the round, the step, who did it and the revision it concerned (S3.1-b: every revision and every reviewer
 * comment kept). Labels: {@code reporting.review.action.<KIND>}.
 */
@Entity
@Table(name = "rpt_review_action")
public class ReviewAction {

	/** What was done. */
	public enum Kind {

		SUBMITTED, APPROVED, EDITED, RETURNED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "process_id")
	private Long processId;

	@Column(name = "round_no")
	private int round;

	@Column(name = "step_no")
	private int stepNo;

	@Column(name = "step_role")
	private String stepRole;

	@Enumerated(EnumType.STRING)
	private Kind action;

	@Column(name = "actor_user_id")
	private Long actorUserId;

	@Column(name = "actor_person_id")
	private Long actorPersonId;

	@Column(name = "actor_name")
	private String actorName;

	private String comment;

	private int revision;

	@Column(name = "acted_at")
	private Instant actedAt;

	protected ReviewAction() {
	}

	ReviewAction(ReviewProcess process, Kind action, ReviewRole role, Long actorUserId, Long actorPersonId,
			String actorName, String comment, int revision, Instant actedAt) {
		this.processId = process.getId();
		this.round = process.getRound();
		this.stepNo = process.getCurrentStep();
		this.stepRole = role == null ? null : role.name();
		this.action = action;
		this.actorUserId = actorUserId;
		this.actorPersonId = actorPersonId;
		this.actorName = actorName;
		this.comment = comment;
		this.revision = revision;
		this.actedAt = actedAt;
	}

	public Long getId() {
		return id;
	}

	public int getRound() {
		return round;
	}

	public int getStepNo() {
		return stepNo;
	}

	public ReviewRole getStepRole() {
		return stepRole == null ? null : ReviewRole.valueOf(stepRole);
	}

	public Kind getAction() {
		return action;
	}

	public Long getActorUserId() {
		return actorUserId;
	}

	public Long getActorPersonId() {
		return actorPersonId;
	}

	public String getActorName() {
		return actorName;
	}

	public String getComment() {
		return comment;
	}

	public int getRevision() {
		return revision;
	}

	public Instant getActedAt() {
		return actedAt;
	}

}
