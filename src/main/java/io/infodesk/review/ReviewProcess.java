package io.infodesk.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The review of one document (逐级审核, S3.1-b): the ordered steps fixed when it was submitted, the step it
 * waits at, and the round (every resubmission after a return starts again at the first step, since the
 * revised text has not been approved by anyone yet). Versioned, so two reviewers acting at once cannot both
 * move it.
 */
@Entity
@Table(name = "rpt_review_process")
public class ReviewProcess {

	/** In the chain, returned to the drafter, or signed off by the last step. */
	public enum Status {

		IN_REVIEW, RETURNED, APPROVED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "document_type")
	private String documentType;

	@Column(name = "document_id")
	private Long documentId;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private ReviewTrack track;

	private String steps;

	@Column(name = "current_step")
	private int currentStep;

	@Column(name = "waiting_role")
	private String currentRole;

	@Column(name = "round_no")
	private int round;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Version
	private long version;

	protected ReviewProcess() {
	}

	ReviewProcess(DocumentRef document) {
		this.documentType = document.type();
		this.documentId = document.id();
	}

	/** Starts a new round at the first of the given steps. */
	void start(Long unitId, ReviewTrack track, List<ReviewRole> steps, Instant now) {
		this.unitId = unitId;
		this.track = track;
		this.steps = steps.stream().map(Enum::name).collect(Collectors.joining(","));
		this.round++;
		this.currentStep = 0;
		this.currentRole = steps.get(0).name();
		this.status = Status.IN_REVIEW;
		this.startedAt = now;
		this.finishedAt = null;
	}

	/** The current step approved: the next step, or signed off after the last. */
	void advance(Instant now) {
		if (currentStep + 1 < steps().size()) {
			currentStep++;
			currentRole = steps().get(currentStep).name();
		}
		else {
			status = Status.APPROVED;
			currentRole = null;
			finishedAt = now;
		}
	}

	void returnToDrafter(Instant now) {
		status = Status.RETURNED;
		currentRole = null;
		finishedAt = now;
	}

	public DocumentRef document() {
		return new DocumentRef(documentType, documentId);
	}

	public List<ReviewRole> steps() {
		return Arrays.stream(steps.split(",")).map(ReviewRole::valueOf).toList();
	}

	/** The role of the step the document waits at, while in review. */
	public ReviewRole currentRole() {
		return currentRole == null ? null : ReviewRole.valueOf(currentRole);
	}

	public ReviewProgress progress() {
		return new ReviewProgress(status, currentRole());
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public ReviewTrack getTrack() {
		return track;
	}

	public int getCurrentStep() {
		return currentStep;
	}

	public int getRound() {
		return round;
	}

	public Status getStatus() {
		return status;
	}

	public boolean isInReview() {
		return status == Status.IN_REVIEW;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getFinishedAt() {
		return finishedAt;
	}

}
