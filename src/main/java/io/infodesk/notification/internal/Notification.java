package io.infodesk.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.infodesk.notification.NotificationType;

/** One message in a user's inbox. */
@Entity
@Table(name = "notification_inbox")
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "recipient_user_id", nullable = false)
	private long recipientUserId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NotificationType type;

	@Column(nullable = false)
	private String title;

	private String body;

	private String link;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private Instant readAt;

	protected Notification() {
	}

	public Notification(long recipientUserId, NotificationType type, String title, String body, String link,
			Instant createdAt) {
		this.recipientUserId = recipientUserId;
		this.type = type;
		this.title = title;
		this.body = body;
		this.link = link;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public long getRecipientUserId() {
		return recipientUserId;
	}

	public NotificationType getType() {
		return type;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public String getLink() {
		return link;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getReadAt() {
		return readAt;
	}

	public boolean isRead() {
		return readAt != null;
	}

}
