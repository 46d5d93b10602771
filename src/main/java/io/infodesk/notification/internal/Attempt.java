package io.infodesk.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One delivery attempt to a channel, kept for the admin (delivery id null for a "send test"). */
@Entity
@Table(name = "notification_attempt")
public class Attempt {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "delivery_id")
	private Long deliveryId;

	@Column(name = "channel_id")
	private long channelId;

	@Column(name = "attempted_at")
	private Instant attemptedAt;

	private boolean success;

	private String error;

	protected Attempt() {
	}

	Attempt(Long deliveryId, long channelId, Instant attemptedAt, boolean success, String error) {
		this.deliveryId = deliveryId;
		this.channelId = channelId;
		this.attemptedAt = attemptedAt;
		this.success = success;
		this.error = error;
	}

	public Long getId() {
		return id;
	}

	public Long getDeliveryId() {
		return deliveryId;
	}

	public long getChannelId() {
		return channelId;
	}

	public Instant getAttemptedAt() {
		return attemptedAt;
	}

	public boolean isSuccess() {
		return success;
	}

	public String getError() {
		return error;
	}

}
