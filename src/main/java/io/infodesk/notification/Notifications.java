package io.infodesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.infodesk.notification.internal.Notification;
import io.infodesk.notification.internal.NotificationRepository;

/**
 * The inbox API other modules call: {@link #notify} puts a notification into a user's inbox (recipients are user
 * account ids) and, after the caller's transaction commits, hands it to the user's delivery channels. Reading and
 * marking read only ever touch the given user's own notifications.
 */
@Service
public class Notifications {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 2000;

	private final NotificationRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(NotificationRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Notifies one user (by account id) in the caller's transaction; returns the notification's id. The link is
	 * the path of the record it is about (application-relative, starting with "/"), or null.
	 */
	@Transactional
	public long notify(long recipientUserId, NotificationType type, String title, String body, String link) {
		Notification saved = repository.save(new Notification(recipientUserId, type, cut(title, TITLE_MAX),
				body == null ? null : cut(body, BODY_MAX), safeLink(link), Instant.now(clock)));
		events.publishEvent(new NotificationCreated(saved.getId(), recipientUserId, type));
		return saved.getId();
	}

	/** Notifies each user of the list. */
	@Transactional
	public List<Long> notifyAll(Iterable<Long> recipientUserIds, NotificationType type, String title, String body,
			String link) {
		List<Long> ids = new ArrayList<>();
		for (Long recipient : recipientUserIds) {
			ids.add(notify(recipient, type, title, body, link));
		}
		return ids;
	}

	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return repository.countByRecipientUserIdAndReadAtIsNull(userId);
	}

	/** The user's notifications, newest first, filtered by type and read state ("read", "unread" or empty). */
	@Transactional(readOnly = true)
	public Page<Notification> search(long userId, NotificationType type, String readState, Pageable pageable) {
		Specification<Notification> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("recipientUserId"), userId));
			if (type != null) {
				where.add(cb.equal(root.get("type"), type));
			}
			if ("unread".equals(readState)) {
				where.add(cb.isNull(root.get("readAt")));
			}
			else if ("read".equals(readState)) {
				where.add(cb.isNotNull(root.get("readAt")));
			}
			query.orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
			return cb.and(where.toArray(Predicate[]::new));
		};
		return repository.findAll(spec, pageable);
	}

	@Transactional(readOnly = true)
	public Optional<Notification> find(long userId, long id) {
		return repository.findByIdAndRecipientUserId(id, userId);
	}

	/** Marks one of the user's notifications read; another user's notification is left alone. */
	@Transactional
	public boolean markRead(long userId, long id) {
		return repository.markRead(id, userId, Instant.now(clock)) > 0;
	}

	@Transactional
	public int markAllRead(long userId) {
		return repository.markAllRead(userId, Instant.now(clock));
	}

	/** Only application paths are kept as links, so that a notification never sends a user to another site. */
	static String safeLink(String link) {
		if (!StringUtils.hasText(link)) {
			return null;
		}
		String trimmed = link.strip();
		return trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.contains("\\") ? cut(trimmed, 500) : null;
	}

	private static String cut(String text, int max) {
		String value = text == null ? "" : text.strip();
		return value.length() <= max ? value : value.substring(0, max);
	}

}
