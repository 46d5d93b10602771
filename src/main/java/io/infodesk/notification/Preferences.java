package io.infodesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.web.BusinessException;

/**
 * Each user's delivery preferences (issue 5, point 3): per notification type the channel kinds switched off, and
 * quiet hours during which non-urgent notifications wait. The inbox always receives everything; an urgent type
 * keeps at least one outgoing channel kind and ignores quiet hours.
 */
@Service
public class Preferences {

	/** A user's quiet hours, e.g. 22:00–07:00 (may cross midnight). */
	public record QuietHours(LocalTime start, LocalTime end) {

		boolean covers(LocalTime time) {
			return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
					: !time.isBefore(start) || time.isBefore(end);
		}

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final io.infodesk.audit.AuditTrail audit;

	Preferences(JdbcTemplate jdbc, Clock clock, io.infodesk.audit.AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** The channel kinds the user switched off, per type (types without a choice are absent: everything on). */
	@Transactional(readOnly = true)
	public Map<NotificationType, Set<ChannelKind>> disabledKinds(long userId) {
		Map<NotificationType, Set<ChannelKind>> result = new EnumMap<>(NotificationType.class);
		jdbc.query("select type, disabled_kinds from notification_preference where user_id = ?", rs -> {
			try {
				result.put(NotificationType.valueOf(rs.getString(1)), parse(rs.getString(2)));
			}
			catch (IllegalArgumentException ex) {
				// a type that no longer exists
			}
		}, userId);
		return result;
	}

	public boolean wants(long userId, NotificationType type, ChannelKind kind) {
		return !disabledKinds(userId).getOrDefault(type, Set.of()).contains(kind);
	}

	/** Saves the kinds switched off for each type; refuses to switch an urgent type off on every channel kind. */
	@Transactional
	public void save(long userId, Map<NotificationType, Set<ChannelKind>> disabled, QuietHours quietHours) {
		for (NotificationType type : NotificationType.values()) {
			Set<ChannelKind> off = disabled.getOrDefault(type, Set.of());
			if (type.urgent() && off.containsAll(EnumSet.allOf(ChannelKind.class))) {
				throw new BusinessException("notification.preferences.urgentOff");
			}
		}
		if (quietHours != null && quietHours.start().equals(quietHours.end())) {
			throw new BusinessException("notification.preferences.quietInvalid");
		}
		jdbc.update("delete from notification_preference where user_id = ?", userId);
		disabled.forEach((type, off) -> {
			if (!off.isEmpty()) {
				jdbc.update("insert into notification_preference (user_id, type, disabled_kinds) values (?, ?, ?)", userId,
						type.name(), off.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
			}
		});
		jdbc.update("delete from notification_quiet_hours where user_id = ?", userId);
		if (quietHours != null) {
			jdbc.update("insert into notification_quiet_hours (user_id, start_minute, end_minute) values (?, ?, ?)", userId,
					minutes(quietHours.start()), minutes(quietHours.end()));
		}
		// what a user no longer receives (an urgent notice switched off on a channel) is a change of state (issue 17,
		// finding 5)
		String off = disabled.entrySet()
			.stream()
			.filter(e -> !e.getValue().isEmpty())
			.sorted(Map.Entry.comparingByKey())
			.map(e -> e.getKey().name() + "=" + e.getValue().stream().map(Enum::name).sorted()
				.collect(Collectors.joining("/")))
			.collect(Collectors.joining("，"));
		audit.record("NOTIFICATION_PREFERENCES_SAVED", "NotificationPreferences", userId,
				"保存通知偏好：关闭 " + (off.isEmpty() ? "（无）" : off) + "；免打扰 "
						+ (quietHours == null ? "（无）" : quietHours.start() + "–" + quietHours.end()));
	}

	@Transactional(readOnly = true)
	public Optional<QuietHours> quietHours(long userId) {
		return jdbc.query("select start_minute, end_minute from notification_quiet_hours where user_id = ?",
				(rs, i) -> new QuietHours(LocalTime.ofSecondOfDay(rs.getInt(1) * 60L),
						LocalTime.ofSecondOfDay(rs.getInt(2) * 60L)),
				userId).stream().findFirst();
	}

	/**
	 * When a delivery of this type to this user may go out: now, or for a non-urgent type during the user's quiet
	 * hours the end of the quiet hours.
	 */
	public Instant sendableFrom(long userId, NotificationType type, Instant now) {
		if (type.urgent()) {
			return now;
		}
		return quietHours(userId).filter(quiet -> quiet.covers(ZonedDateTime.ofInstant(now, clock.getZone()).toLocalTime()))
			.map(quiet -> {
				ZonedDateTime local = ZonedDateTime.ofInstant(now, clock.getZone());
				ZonedDateTime end = local.with(quiet.end()).withSecond(0).withNano(0);
				return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
			})
			.orElse(now);
	}

	/** Whether the user asked for the morning digest. */
	@Transactional(readOnly = true)
	public boolean digest(long userId) {
		Integer count = jdbc.queryForObject("select count(*) from notification_digest where user_id = ?", Integer.class,
				userId);
		return count != null && count > 0;
	}

	@Transactional
	public void setDigest(long userId, boolean wanted) {
		boolean before = digest(userId);
		jdbc.update("delete from notification_digest where user_id = ?", userId);
		if (wanted) {
			jdbc.update("insert into notification_digest (user_id, created_at) values (?, ?)", userId,
					JdbcTime.utc(Instant.now(clock)));
		}
		if (before != wanted) {
			audit.record("NOTIFICATION_DIGEST_CHANGED", "NotificationPreferences", userId,
					wanted ? "订阅每日早间汇总" : "退订每日早间汇总");
		}
	}

	private static int minutes(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	private static Set<ChannelKind> parse(String kinds) {
		Set<ChannelKind> set = EnumSet.noneOf(ChannelKind.class);
		Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).forEach(k -> {
			try {
				set.add(ChannelKind.valueOf(k.strip()));
			}
			catch (IllegalArgumentException ex) {
				// a kind that no longer exists
			}
		});
		return set;
	}

}
