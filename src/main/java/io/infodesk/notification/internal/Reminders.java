package io.infodesk.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Turns registered deadlines into reminders (issue 5, point 4). For each open deadline, the offsets whose moment
 * (due minus offset) has come are due; only the latest of them is reminded (after a downtime nobody needs three
 * reminders at once), the earlier ones are marked as passed. Insert-first: the (deadline, offset) row is inserted
 * before the reminder is written, in one transaction, so a second instance or a restart finds the row (or waits on
 * it and then hits the primary key) and sends nothing.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private static final DateTimeFormatter DUE = DateFormats.MINUTES;

	private final JdbcTemplate jdbc;

	private final Notifications notifications;

	private final TransactionTemplate tx;

	private final Texts texts;

	private final Clock clock;

	Reminders(JdbcTemplate jdbc, Notifications notifications, TransactionTemplate tx, Texts texts,
			Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.tx = tx;
		this.texts = texts;
		this.clock = clock;
	}

	private record Open(long id, NotificationType type, String title, String link, Instant dueAt, List<Long> offsets) {
	}

	/** Sends the reminders whose time has come; returns how many reminders (deadline × offset) were sent. */
	public int run() {
		Instant now = Instant.now(clock);
		List<Open> open = jdbc.query(
				"select id, type, title, link, due_at, offset_minutes from notification_deadline where completed_at is null",
				(rs, i) -> new Open(rs.getLong(1), NotificationType.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
						Arrays.stream(rs.getString(6).split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList()));
		int sent = 0;
		for (Open deadline : open) {
			List<Long> passed = deadline.offsets().stream()
				.filter(offset -> !deadline.dueAt().minus(Duration.ofMinutes(offset)).isAfter(now))
				.sorted(Comparator.naturalOrder())
				.toList();
			if (passed.isEmpty()) {
				continue;
			}
			if (remind(deadline, passed.get(0), now)) {
				sent++;
			}
			for (Long earlier : passed.subList(1, passed.size())) {
				mark(deadline.id(), earlier, now);
			}
		}
		return sent;
	}

	private boolean remind(Open deadline, long offset, Instant now) {
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				if (!insertSent(deadline.id(), offset, now)) {
					return false;
				}
				List<Long> owners = jdbc.queryForList(
						"select user_id from notification_deadline_owner where deadline_id = ? order by user_id", Long.class,
						deadline.id());
				String body = texts.get(offset >= 0 ? "notification.reminder.before" : "notification.reminder.after",
						DUE.format(deadline.dueAt()), describe(Math.abs(offset)));
				notifications.notifyAll(owners, deadline.type(), deadline.title(), body, deadline.link());
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Reminder {} / {} already sent by another instance", deadline.id(), offset);
			return false;
		}
		catch (DataAccessException ex) {
			// e.g. a lock timeout while another instance holds the row: nothing was committed here, the next run
			// finds the row (sent) or tries again
			log.warn("Reminder {} / {} not sent this time: {}", deadline.id(), offset, ex.getMessage());
			return false;
		}
	}

	private void mark(long deadlineId, long offset, Instant now) {
		try {
			tx.executeWithoutResult(status -> insertSent(deadlineId, offset, now));
		}
		catch (DataAccessException ex) {
			// another instance marked it, or will on a later run
		}
	}

	/** Inserts the (deadline, offset) row if it is not there yet; false when it was. */
	private boolean insertSent(long deadlineId, long offset, Instant now) {
		Integer there = jdbc.queryForObject(
				"select count(*) from notification_reminder_sent where deadline_id = ? and offset_minutes = ?", Integer.class,
				deadlineId, offset);
		if (there != null && there > 0) {
			return false;
		}
		jdbc.update("insert into notification_reminder_sent (deadline_id, offset_minutes, sent_at) values (?, ?, ?)",
				deadlineId, offset, JdbcTime.utc(now));
		return true;
	}

	private String describe(long minutes) {
		if (minutes == 0) {
			return "";
		}
		if (minutes % 60 == 0) {
			return texts.get("notification.reminder.hours", minutes / 60);
		}
		return texts.get("notification.reminder.minutes", minutes);
	}

}
