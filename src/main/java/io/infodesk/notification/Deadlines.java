package io.infodesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.notification.internal.NotificationSettings;
import static io.infodesk.shared.time.JdbcTime.utc;

/**
 * Where every module declares its deadlines (issue 5, point 4): a unique key chosen by the module (e.g.
 * "reporting:solicitation:42"), the owners (user account ids), the due instant, the notification type, a title and
 * the link of the record. The reminder job turns them into notifications at the configured offsets before (or,
 * with a negative offset, after) the due instant; the notification module knows nothing else of the record.
 */
@Service
public class Deadlines {

	private final JdbcTemplate jdbc;

	private final NotificationSettings settings;

	private final Clock clock;

	Deadlines(JdbcTemplate jdbc, NotificationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** Registers a deadline with the default offsets ({@code infodesk.notification.reminder-offsets}). */
	@Transactional
	public void register(String key, Collection<Long> ownerUserIds, Instant dueAt, NotificationType type, String title,
			String link) {
		register(key, ownerUserIds, dueAt, type, title, link, settings.reminderOffsets());
	}

	/**
	 * Registers or updates a deadline. Reminding again after the due instant has moved: the reminders already sent
	 * are forgotten when the due instant changes, so the new offsets are reminded.
	 */
	@Transactional
	public void register(String key, Collection<Long> ownerUserIds, Instant dueAt, NotificationType type, String title,
			String link, List<Duration> offsets) {
		Objects.requireNonNull(key);
		Objects.requireNonNull(dueAt);
		String offsetMinutes = offsets.stream().map(o -> Long.toString(o.toMinutes())).distinct()
			.collect(Collectors.joining(","));
		String safeLink = Notifications.safeLink(link);
		List<Long> existing = jdbc.queryForList("select id from notification_deadline where deadline_key = ?", Long.class, key);
		long id;
		if (existing.isEmpty()) {
			jdbc.update("insert into notification_deadline (deadline_key, type, title, link, due_at, offset_minutes, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)", key, type.name(), title, safeLink, utc(dueAt),
					offsetMinutes, utc(Instant.now(clock)));
			id = jdbc.queryForObject("select id from notification_deadline where deadline_key = ?", Long.class, key);
		}
		else {
			id = existing.get(0);
			int moved = jdbc.update("update notification_deadline set due_at = ? where id = ? and due_at <> ?",
					utc(dueAt), id, utc(dueAt));
			if (moved > 0) {
				jdbc.update("delete from notification_reminder_sent where deadline_id = ?", id);
			}
			jdbc.update("update notification_deadline set type = ?, title = ?, link = ?, offset_minutes = ?, completed_at = null "
					+ "where id = ?", type.name(), title, safeLink, offsetMinutes, id);
			jdbc.update("delete from notification_deadline_owner where deadline_id = ?", id);
		}
		for (Long owner : ownerUserIds.stream().distinct().toList()) {
			jdbc.update("insert into notification_deadline_owner (deadline_id, user_id) values (?, ?)", id, owner);
		}
	}

	/** The deadline was met or dropped: no more reminders. */
	@Transactional
	public void complete(String key) {
		jdbc.update("update notification_deadline set completed_at = ? where deadline_key = ? and completed_at is null",
				utc(Instant.now(clock)), key);
	}

}
