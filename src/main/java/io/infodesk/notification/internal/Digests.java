package io.infodesk.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.time.TimeConfiguration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The optional morning digest (issue 5, point 5): for each user who asked for it, one notification a day with the
 * deadlines due that day (Asia/Shanghai) and the count of unread notifications; nothing when nothing waits. One
 * digest per user and day: the (user, day) row is inserted first, in the same transaction.
 */
@Component
public class Digests {

	private static final DateTimeFormatter TIME = DateFormats.TIME;

	private final JdbcTemplate jdbc;

	private final Notifications notifications;

	private final TransactionTemplate tx;

	private final Texts texts;

	private final Clock clock;

	Digests(JdbcTemplate jdbc, Notifications notifications, TransactionTemplate tx, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.tx = tx;
		this.texts = texts;
		this.clock = clock;
	}

	@Scheduled(cron = "${infodesk.notification.digest-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notification-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	public void morning() {
		run();
	}

	/** Sends today's digests not sent yet; returns how many were sent. */
	public int run() {
		LocalDate today = LocalDate.now(clock);
		int sent = 0;
		for (Long user : jdbc.queryForList("select user_id from notification_digest order by user_id", Long.class)) {
			try {
				if (Boolean.TRUE.equals(tx.execute(status -> send(user, today)))) {
					sent++;
				}
			}
			catch (DataAccessException ex) {
				// another instance sent it at the same moment
			}
		}
		return sent;
	}

	private boolean send(long user, LocalDate today) {
		Integer there = jdbc.queryForObject(
				"select count(*) from notification_digest_sent where user_id = ? and digest_date = ?", Integer.class, user,
				today);
		if (there != null && there > 0) {
			return false;
		}
		jdbc.update("insert into notification_digest_sent (user_id, digest_date, sent_at) values (?, ?, ?)", user, today,
				JdbcTime.utc(Instant.now(clock)));
		OffsetDateTime from = today.atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime();
		OffsetDateTime to = today.plusDays(1).atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime();
		List<String> due = jdbc.query("select d.title, d.due_at from notification_deadline d "
				+ "join notification_deadline_owner o on o.deadline_id = d.id "
				+ "where o.user_id = ? and d.completed_at is null and d.due_at >= ? and d.due_at < ? order by d.due_at",
				(rs, i) -> texts.get("notification.digest.item", TIME.format(rs.getObject(2, OffsetDateTime.class)),
						rs.getString(1)),
				user, from, to);
		long unread = notifications.unreadCount(user);
		if (due.isEmpty() && unread == 0) {
			return false;
		}
		List<String> lines = new ArrayList<>();
		if (!due.isEmpty()) {
			lines.add(texts.get("notification.digest.due"));
			lines.addAll(due);
		}
		if (unread > 0) {
			lines.add(texts.get("notification.digest.unread", unread));
		}
		notifications.notify(user, NotificationType.DIGEST, texts.get("notification.digest.title", today.toString()),
				String.join("\n", lines), "/notifications");
		return true;
	}

}
