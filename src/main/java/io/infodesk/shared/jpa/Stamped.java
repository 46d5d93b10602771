package io.infodesk.shared.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The stamps every editable record carries (issue 10 point 4, one auditable base instead of the same three fields
 * in each entity): when it was created ({@code created_at}), last changed ({@code updated_at}, both UTC instants from
 * the business clock) and its optimistic-lock {@code version}. An entity extends it, calls {@link #created(Instant)}
 * in its constructor and {@link #touch(Instant)} on every change; who changed it stays in the audit trail.
 */
@MappedSuperclass
public abstract class Stamped {

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	/** Stamps a new record: created and last changed {@code now}. */
	protected final void created(Instant now) {
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Stamps a change. */
	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getVersion() {
		return version;
	}

}
