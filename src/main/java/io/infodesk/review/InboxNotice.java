package io.infodesk.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A notice in the work inbox of everyone holding a role (a shared desk, like the office's): e.g. "an urgent
 * item entered review". Done once one of them has dealt with it.
 */
@Entity
@Table(name = "rpt_inbox_notice")
public class InboxNotice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "recipient_role")
	private String recipientRole;

	@Column(name = "document_type")
	private String documentType;

	@Column(name = "document_id")
	private Long documentId;

	private String summary;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "done_at")
	private Instant doneAt;

	@Column(name = "done_by")
	private String doneBy;

	protected InboxNotice() {
	}

	public InboxNotice(String recipientRole, DocumentRef document, String summary, Instant createdAt) {
		this.recipientRole = recipientRole;
		this.documentType = document.type();
		this.documentId = document.id();
		this.summary = summary;
		this.createdAt = createdAt;
	}

	void done(String by, Instant now) {
		this.doneBy = by;
		this.doneAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getRecipientRole() {
		return recipientRole;
	}

	public DocumentRef document() {
		return new DocumentRef(documentType, documentId);
	}

	public String getSummary() {
		return summary;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getDoneAt() {
		return doneAt;
	}

	public String getDoneBy() {
		return doneBy;
	}

	public boolean isDone() {
		return doneAt != null;
	}

}
