package io.infodesk.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One notification on its way to one channel. */
@Entity
@Table(name = "notification_delivery")
public class Delivery {

	public enum Status {

		PENDING, SENT, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "notification_id")
	private Long notificationId;

	@Column(name = "channel_id")
	private long channelId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status status = Status.PENDING;

	private int attempts;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected Delivery() {
	}

	Delivery(long notificationId, long channelId, Instant now) {
		this(notificationId, channelId, now, now);
	}

	Delivery(long notificationId, long channelId, Instant now, Instant firstAttemptAt) {
		this.notificationId = notificationId;
		this.channelId = channelId;
		this.nextAttemptAt = firstAttemptAt;
		this.createdAt = now;
	}

	void sent(Instant at) {
		attempts++;
		status = Status.SENT;
		sentAt = at;
		lastError = null;
	}

	/** A failed attempt: try again after the back-off, or give up when the attempts are used up. */
	void failed(String error, Instant at, int maxAttempts, java.time.Duration firstBackoff) {
		attempts++;
		lastError = error;
		if (attempts >= maxAttempts) {
			status = Status.FAILED;
		}
		else {
			nextAttemptAt = at.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 16)));
		}
	}

	public Long getId() {
		return id;
	}

	public Long getNotificationId() {
		return notificationId;
	}

	public long getChannelId() {
		return channelId;
	}

	public Status getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public String getLastError() {
		return lastError;
	}

}
