package io.infodesk.reporting.outcome;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item submitted upward (报送, S3.1-c): to which body, by which channel, when, recorded by whom. */
@Entity
@Table(name = "rpt_submission")
public class Submission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id")
	private Long itemId;

	@Column(name = "body_id")
	private Long bodyId;

	@Enumerated(EnumType.STRING)
	private SubmissionChannel channel;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	private String note;

	@Column(name = "recorded_by_user_id")
	private Long recordedByUserId;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected Submission() {
	}

	Submission(Long itemId, Long bodyId, SubmissionChannel channel, Instant submittedAt, String note,
			Long recordedByUserId, String recordedByName, Instant recordedAt) {
		this.itemId = itemId;
		this.bodyId = bodyId;
		this.channel = channel;
		this.submittedAt = submittedAt;
		this.note = note;
		this.recordedByUserId = recordedByUserId;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getItemId() {
		return itemId;
	}

	public Long getBodyId() {
		return bodyId;
	}

	public SubmissionChannel getChannel() {
		return channel;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public String getNote() {
		return note;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
