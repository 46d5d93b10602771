package io.infodesk.audit.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One link of the audit chain (its {@code hash} is the HMAC-SM3 or, before the keyed segment, SM3 link). Never updated or deleted by the application (retention excepted). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long seq;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String actor;

	@Column(name = "actor_ip")
	private String actorIp;

	private String action;

	@Column(name = "entity_type")
	private String entityType;

	@Column(name = "entity_id")
	private String entityId;

	private String summary;

	private String outcome;

	@Column(name = "prev_hash")
	private String prevHash;

	private String hash;

	protected AuditEntry() {
	}

	AuditEntry(long seq, Instant occurredAt, String actor, String actorIp, String action, String entityType,
			String entityId, String summary, String outcome, String prevHash) {
		this.seq = seq;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.actorIp = actorIp;
		this.action = action;
		this.entityType = entityType;
		this.entityId = entityId;
		this.summary = summary;
		this.outcome = outcome;
		this.prevHash = prevHash;
	}

	/** Sets the entry's link, computed by {@link AuditHashing} over {@link #canonical()}, before it is saved. */
	void seal(String link) {
		this.hash = link;
	}

	/** The text that is hashed: every field but the hash itself, in a fixed order. */
	String canonical() {
		return String.join("\u001f", Long.toString(seq), occurredAt.toString(), nz(actor), nz(actorIp), nz(action),
				nz(entityType), nz(entityId), nz(summary), nz(outcome), nz(prevHash));
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	public Long getId() {
		return id;
	}

	public long getSeq() {
		return seq;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public String getActor() {
		return actor;
	}

	public String getActorIp() {
		return actorIp;
	}

	public String getAction() {
		return action;
	}

	public String getEntityType() {
		return entityType;
	}

	public String getEntityId() {
		return entityId;
	}

	public String getSummary() {
		return summary;
	}

	public String getOutcome() {
		return outcome;
	}

	public String getPrevHash() {
		return prevHash;
	}

	public String getHash() {
		return hash;
	}

}
