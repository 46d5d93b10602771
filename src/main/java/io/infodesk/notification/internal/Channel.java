package io.infodesk.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.notification.ChannelKind;
import io.infodesk.shared.crypto.EncryptedText;

/** A delivery channel of a unit or of a user, with its recent health. */
@Entity
@Table(name = "notification_channel")
public class Channel {

	/** From this many failed attempts in a row a channel is shown to the admin as failing. */
	public static final int FAILING_AFTER = 3;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ChannelKind kind;

	private String name;

	private String target;

	// stored encrypted (SM4, GB/T 39786): read back to log in to the server / to sign
	@Convert(converter = EncryptedText.class)
	private String secret;

	@Column(name = "owner_unit_id")
	private Long ownerUnitId;

	@Column(name = "owner_user_id")
	private Long ownerUserId;

	private boolean enabled = true;

	@Column(name = "consecutive_failures")
	private int consecutiveFailures;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "last_failure_at")
	private Instant lastFailureAt;

	@Column(name = "last_success_at")
	private Instant lastSuccessAt;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Channel() {
	}

	public Channel(ChannelKind kind, String name, String target, String secret, Long ownerUnitId, Long ownerUserId,
			Instant createdAt) {
		this.kind = kind;
		this.name = name;
		this.target = target;
		this.secret = secret == null || secret.isBlank() ? null : secret.strip();
		this.ownerUnitId = ownerUnitId;
		this.ownerUserId = ownerUserId;
		this.createdAt = createdAt;
	}

	void succeeded(Instant at) {
		consecutiveFailures = 0;
		lastSuccessAt = at;
	}

	void failed(String error, Instant at) {
		consecutiveFailures++;
		lastError = error;
		lastFailureAt = at;
	}

	public boolean isFailing() {
		return consecutiveFailures >= FAILING_AFTER;
	}

	public Long getId() {
		return id;
	}

	public ChannelKind getKind() {
		return kind;
	}

	public String getName() {
		return name;
	}

	public String getTarget() {
		return target;
	}

	String getSecret() {
		return secret;
	}

	public boolean isSecretSet() {
		return secret != null;
	}

	public Long getOwnerUnitId() {
		return ownerUnitId;
	}

	public Long getOwnerUserId() {
		return ownerUserId;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public int getConsecutiveFailures() {
		return consecutiveFailures;
	}

	public String getLastError() {
		return lastError;
	}

	public Instant getLastFailureAt() {
		return lastFailureAt;
	}

	public Instant getLastSuccessAt() {
		return lastSuccessAt;
	}

}
