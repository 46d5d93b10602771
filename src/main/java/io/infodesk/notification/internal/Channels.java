package io.infodesk.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.ChannelKind;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;

/** The admin's channel configuration: the SMTP server and the channels of units and users, each change audited. */
@Service
public class Channels {

	private final ChannelRepository channels;

	private final SmtpSettingsRepository smtp;

	private final AttemptRepository attempts;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final WebhookTargets targets;

	Channels(ChannelRepository channels, SmtpSettingsRepository smtp, AttemptRepository attempts, AuditTrail audit,
			Texts texts, Clock clock, WebhookTargets targets) {
		this.targets = targets;
		this.channels = channels;
		this.smtp = smtp;
		this.attempts = attempts;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Channel> all() {
		return channels.findAllByOrderByIdAsc();
	}

	@Transactional(readOnly = true)
	public Optional<Channel> find(long id) {
		return channels.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<SmtpSettings> smtp() {
		return smtp.findById(SmtpSettings.ID);
	}

	@Transactional(readOnly = true)
	public List<Attempt> recentAttempts() {
		return attempts.findTop20ByOrderByIdDesc();
	}

	/** Saves the SMTP server; an empty password keeps the stored one. */
	@Transactional
	public void saveSmtp(String host, int port, String username, String password, String fromAddress,
			boolean starttls) {
		if (isBlank(host) || isBlank(fromAddress) || !fromAddress.contains("@") || port < 1 || port > 65535) {
			throw new BusinessException("notification.smtp.invalid");
		}
		Instant now = Instant.now(clock);
		SmtpSettings settings = smtp.findById(SmtpSettings.ID).orElseGet(() -> new SmtpSettings(now));
		settings.update(host.strip(), port, isBlank(username) ? null : username.strip(), password, fromAddress.strip(),
				starttls, now);
		smtp.save(settings);
		audit.record("NOTIFICATION_SMTP_SAVED", "NotificationSmtp", SmtpSettings.ID,
				texts.get("notification.audit.smtp", host.strip() + ":" + port, fromAddress.strip()));
	}

	/** Adds a channel of a unit or of a user (exactly one of the two). */
	@Transactional
	public Channel create(ChannelKind kind, String name, String target, String secret, Long unitId, Long userId) {
		check(kind, name, target, unitId, userId);
		String address = target.strip();
		Channel channel = channels.save(new Channel(kind, name.strip(), address,
				kind == ChannelKind.DINGTALK ? secret : null, unitId, userId, Instant.now(clock)));
		audit.record("NOTIFICATION_CHANNEL_CREATED", "NotificationChannel", channel.getId(),
				texts.get("notification.audit.created", channel.getName(), texts.get(kind.labelKey())));
		return channel;
	}

	/** Refuses a channel without a name, owner or valid address (link-local, metadata, private: {@link WebhookTargets}). */
	public void check(ChannelKind kind, String name, String target, Long unitId, Long userId) {
		if (kind == null || isBlank(name) || isBlank(target) || (unitId == null) == (userId == null)) {
			throw new BusinessException("notification.channel.invalid");
		}
		String address = target.strip();
		boolean valid = kind == ChannelKind.EMAIL ? address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
				: address.matches("https?://\\S+");
		if (!valid) {
			throw new BusinessException(kind == ChannelKind.EMAIL ? "notification.channel.badEmail"
					: "notification.channel.badUrl");
		}
		if (kind != ChannelKind.EMAIL && !targets.allowed(address)) {
			throw new BusinessException("notification.channel.refusedAddress");
		}
	}

	@Transactional
	public void delete(long id) {
		channels.findById(id).ifPresent(channel -> {
			channels.delete(channel);
			audit.record("NOTIFICATION_CHANNEL_DELETED", "NotificationChannel", id,
					texts.get("notification.audit.deleted", channel.getName(), texts.get(channel.getKind().labelKey())));
		});
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
