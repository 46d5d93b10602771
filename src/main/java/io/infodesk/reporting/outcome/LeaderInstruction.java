package io.infodesk.reporting.outcome;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.reporting.AdministrativeLevel;

/**
 * A leader's instruction on an item (领导批示, S3.1-d): level, leader, day, what was instructed, and the
 * feedback (批示反馈) it calls for — due when, given when, saying what.
 */
@Entity
@Table(name = "rpt_instruction")
public class LeaderInstruction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id")
	private Long itemId;

	@Enumerated(EnumType.STRING)
	private AdministrativeLevel level;

	private String leader;

	@Column(name = "instructed_on")
	private LocalDate instructedOn;

	private String summary;

	@Column(name = "feedback_due")
	private LocalDate feedbackDue;

	@Column(name = "feedback_on")
	private LocalDate feedbackOn;

	@Column(name = "feedback_note")
	private String feedbackNote;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected LeaderInstruction() {
	}

	LeaderInstruction(Long itemId, AdministrativeLevel level, String leader, LocalDate instructedOn, String summary,
			LocalDate feedbackDue, String recordedByName, Instant recordedAt) {
		this.itemId = itemId;
		this.level = level;
		this.leader = leader;
		this.instructedOn = instructedOn;
		this.summary = summary;
		this.feedbackDue = feedbackDue;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	void feedback(LocalDate on, String note) {
		this.feedbackOn = on;
		this.feedbackNote = note;
	}

	/** Feedback is due and not yet given by the day. */
	public boolean feedbackOverdueOn(LocalDate today) {
		return feedbackDue != null && feedbackOn == null && today.isAfter(feedbackDue);
	}

	public boolean feedbackPending() {
		return feedbackDue != null && feedbackOn == null;
	}

	public Long getId() {
		return id;
	}

	public Long getItemId() {
		return itemId;
	}

	public AdministrativeLevel getLevel() {
		return level;
	}

	public String getLeader() {
		return leader;
	}

	public LocalDate getInstructedOn() {
		return instructedOn;
	}

	public String getSummary() {
		return summary;
	}

	public LocalDate getFeedbackDue() {
		return feedbackDue;
	}

	public LocalDate getFeedbackOn() {
		return feedbackOn;
	}

	public String getFeedbackNote() {
		return feedbackNote;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

}
