package io.infodesk.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One saved content of a reviewed document (item, later articles, plans, bulletins): every edit is a new
 * numbered version, so that the drafter sees what each reviewer changed (逐级修改, S3.1-b). The note says
 * why it was written ({@code reporting.version.note.<NOTE>}).
 */
@Entity
@Table(name = "rpt_document_version")
public class DocumentVersion {

	/** Why a version was written. */
	public enum Note {

		DRAFTED, DRAFT_EDITED, REVIEW_EDITED, REVISED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "document_type")
	private String documentType;

	@Column(name = "document_id")
	private Long documentId;

	@Column(name = "version_no")
	private int versionNo;

	private String title;

	private String body;

	@Column(name = "body_text")
	private String bodyText;

	private String note;

	@Column(name = "actor_user_id")
	private Long actorUserId;

	@Column(name = "actor_name")
	private String actorName;

	@Column(name = "created_at")
	private Instant createdAt;

	/**
	 * The facts of the document beside title and body as they stood in this version (for an item: unit, authors and
	 * their weights, urgency, event time, solicitation), so that a change of them is kept too (issue 17, finding 5).
	 */
	private String facts;

	protected DocumentVersion() {
	}

	public DocumentVersion(DocumentRef document, int versionNo, String title, String body, String bodyText,
			Note note, Long actorUserId, String actorName, Instant createdAt) {
		this.documentType = document.type();
		this.documentId = document.id();
		this.versionNo = versionNo;
		this.title = title;
		this.body = body;
		this.bodyText = bodyText;
		this.note = note.name();
		this.actorUserId = actorUserId;
		this.actorName = actorName;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public DocumentRef document() {
		return new DocumentRef(documentType, documentId);
	}

	public int getVersionNo() {
		return versionNo;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public String getBodyText() {
		return bodyText;
	}

	public String getFacts() {
		return facts;
	}

	void setFacts(String facts) {
		this.facts = facts;
	}

	public String getNote() {
		return note;
	}

	public Long getActorUserId() {
		return actorUserId;
	}

	public String getActorName() {
		return actorName;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
