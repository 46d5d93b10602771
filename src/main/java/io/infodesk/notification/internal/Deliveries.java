package io.infodesk.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.account.Accounts;
import io.infodesk.account.UserAccount;
import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.NotificationCreated;
import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Preferences;
import io.infodesk.organization.People;
import io.infodesk.shared.text.Texts;

/**
 * Delivery of inbox notifications to the channels of the recipient and of the recipient's unit (issue 5, point 2).
 * The deliveries are written in the transaction that creates the notification (never lost); they are sent after
 * commit on a background thread, so a slow or failing channel never blocks the action that caused the
 * notification. Every attempt is recorded; a failed attempt is retried after a back-off that doubles each time,
 * up to {@link NotificationSettings#maxAttempts()}; pending deliveries are also picked up periodically, which
 * covers retries and restarts. Each sending first claims its delivery (a lease on the next attempt time), so that
 * with several instances one sends it; if the sender dies, the lease runs out and the delivery is tried again.
 */
@Component
public class Deliveries implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final DeliveryRepository deliveries;

	private final ChannelRepository channels;

	private final AttemptRepository attempts;

	private final NotificationRepository inbox;

	private final ChannelSenders senders;

	private final NotificationSettings settings;

	private final Accounts accounts;

	private final People people;

	private final Preferences preferences;

	private final AuditTrail audit;

	private final Texts texts;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "notification-delivery");
		thread.setDaemon(true);
		return thread;
	});

	Deliveries(DeliveryRepository deliveries, ChannelRepository channels, AttemptRepository attempts,
			NotificationRepository inbox, ChannelSenders senders, NotificationSettings settings, Accounts accounts,
			People people, Preferences preferences, AuditTrail audit, Texts texts, TransactionTemplate tx, Clock clock) {
		this.deliveries = deliveries;
		this.channels = channels;
		this.attempts = attempts;
		this.inbox = inbox;
		this.senders = senders;
		this.settings = settings;
		this.accounts = accounts;
		this.people = people;
		this.preferences = preferences;
		this.audit = audit;
		this.texts = texts;
		this.tx = tx;
		this.clock = clock;
	}

	/** In the notifying transaction: one pending delivery per enabled channel of the recipient or their unit. */
	@EventListener
	void plan(NotificationCreated created) {
		Instant now = Instant.now(clock);
		Instant from = preferences.sendableFrom(created.recipientUserId(), created.type(), now);
		for (Channel channel : channels.enabledFor(created.recipientUserId(), unitOf(created.recipientUserId()))) {
			if (preferences.wants(created.recipientUserId(), created.type(), channel.getKind())) {
				deliveries.save(new Delivery(created.notificationId(), channel.getId(), now, from));
			}
		}
	}

	/** After commit: send on the background thread. */
	@TransactionalEventListener
	void afterCommit(NotificationCreated created) {
		background.execute(this::deliverDueQuietly);
	}

	@Scheduled(fixedDelayString = "${infodesk.notification.poll-interval:30s}",
			initialDelayString = "${infodesk.notification.poll-interval:30s}")
	// each delivery is claimed with a lease besides (deliverOne), so even two runs would send it once (issue 18)
	@SchedulerLock(name = "notification-delivery-poll", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	public void poll() {
		deliverDueQuietly();
	}

	private void deliverDueQuietly() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.warn("Notification delivery run failed", ex);
		}
	}

	/** Sends every pending delivery whose time has come; returns how many were attempted. */
	public synchronized int deliverDue() {
		List<Long> due = deliveries.dueAt(Instant.now(clock));
		int attempted = 0;
		for (Long id : due) {
			if (deliverOne(id)) {
				attempted++;
			}
		}
		return attempted;
	}

	private record Work(Delivery delivery, Channel channel, OutgoingMessage message) {
	}

	private boolean deliverOne(long deliveryId) {
		Work work = tx.execute(status -> {
			Instant now = Instant.now(clock);
			Instant leaseUntil = now.plus(settings.connectTimeout()).plus(settings.requestTimeout().multipliedBy(2))
				.plus(java.time.Duration.ofMinutes(1));
			if (deliveries.claim(deliveryId, now, leaseUntil) == 0) {
				return null; // not due, done, or claimed by another instance
			}
			Delivery delivery = deliveries.findById(deliveryId).orElse(null);
			if (delivery == null) {
				return null;
			}
			Channel channel = channels.findById(delivery.getChannelId()).orElse(null);
			Notification notification = inbox.findById(delivery.getNotificationId()).orElse(null);
			if (channel == null || notification == null) {
				return null;
			}
			return new Work(delivery, channel, message(notification));
		});
		if (work == null) {
			return false;
		}
		String error = attempt(work.channel(), work.message());
		tx.executeWithoutResult(status -> {
			Instant now = Instant.now(clock);
			Delivery delivery = deliveries.findById(deliveryId).orElseThrow();
			Channel channel = channels.findById(work.channel().getId()).orElseThrow();
			if (error == null) {
				delivery.sent(now);
				channel.succeeded(now);
			}
			else {
				delivery.failed(error, now, settings.maxAttempts(), settings.firstBackoff());
				channel.failed(error, now);
			}
			attempts.save(new Attempt(deliveryId, channel.getId(), now, error == null, error));
		});
		return true;
	}

	/** The admin's "send test": a system message sent now, recorded as an attempt and audited; the error or empty. */
	public Optional<String> sendTest(long channelId) {
		Channel channel = channels.findById(channelId).orElseThrow();
		OutgoingMessage message = new OutgoingMessage(NotificationType.SYSTEM, texts.get(NotificationType.SYSTEM.labelKey()),
				texts.get("notification.test.title"), texts.get("notification.test.body"), settings.baseUrl() + "/notifications",
				texts.get("notification.link"));
		String error = attempt(channel, message);
		tx.executeWithoutResult(status -> {
			Instant now = Instant.now(clock);
			Channel current = channels.findById(channelId).orElseThrow();
			if (error == null) {
				current.succeeded(now);
			}
			else {
				current.failed(error, now);
			}
			attempts.save(new Attempt(null, channelId, now, error == null, error));
			String summary = texts.get("notification.audit.test", current.getName(), texts.get(current.getKind().labelKey()));
			audit.record(error == null ? AuditRecord.success("NOTIFICATION_TEST_SENT", "NotificationChannel", channelId, summary)
					: new AuditRecord("NOTIFICATION_TEST_SENT", "NotificationChannel", String.valueOf(channelId),
							summary + " — " + error, AuditRecord.Outcome.FAILURE, null));
		});
		return Optional.ofNullable(error);
	}

	private String attempt(Channel channel, OutgoingMessage message) {
		try {
			senders.send(channel, message);
			return null;
		}
		catch (Exception ex) {
			// the exception's text (an address, a port's answer) only in the server log; recorded and shown: the neutral
			// reason (issue 17, finding 7)
			log.info("Notification channel {} ({}) failed: {}", channel.getId(), channel.getKind(),
					ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
			String error = ChannelFailure.neutral(ex, texts);
			return error.length() > 1000 ? error.substring(0, 1000) : error;
		}
	}

	OutgoingMessage message(Notification notification) {
		String link = notification.getLink() == null ? null : settings.baseUrl() + notification.getLink();
		return new OutgoingMessage(notification.getType(), texts.get(notification.getType().labelKey()),
				notification.getTitle(), notification.getBody(), link, texts.get("notification.link"));
	}

	private Long unitOf(long userId) {
		try {
			return accounts.find(userId)
				.map(UserAccount::getPersonId)
				.map(personId -> people.get(personId).getUnitId())
				.orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

}
