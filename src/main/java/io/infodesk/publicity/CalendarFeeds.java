package io.infodesk.publicity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.text.Texts;

/**
 * Each user's iCalendar feed of the publicity calendar (RFC 5545, S3.2-c): a secret token (32 random bytes,
 * base64url) in the feed's URL, which calendar apps (Outlook, WPS, phones) subscribe to without logging in. Only the
 * token's SHA-256 is kept, so the URL is shown once, when it is issued; issuing again replaces it, revoking deletes
 * it — the old URL then answers 401. The feed holds what the holder may see (their data scope), rendered by
 * {@link #render}.
 */
@Service
@Transactional
public class CalendarFeeds {

	/** The path of a feed; the token follows. */
	public static final String PATH = "/feeds/publicity/";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	CalendarFeeds(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** Issues a new token for the user (replacing any former one) and returns it: shown once, never stored. */
	public String issue(AuthenticatedUser user) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.update("delete from pub_calendar_token where user_id = ?", user.userId());
		jdbc.update("insert into pub_calendar_token (user_id, token_hash, created_at) values (?, ?, ?)", user.userId(),
				hash(token), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
		audit.record("PUBLICITY_FEED_ISSUED", "CalendarFeed", user.userId(),
				texts.get("publicity.audit.feedIssued", user.displayName()));
		return token;
	}

	/** Revokes the user's token: the feed URL answers 401 from now on. */
	public void revoke(AuthenticatedUser user) {
		if (jdbc.update("delete from pub_calendar_token where user_id = ?", user.userId()) > 0) {
			audit.record("PUBLICITY_FEED_REVOKED", "CalendarFeed", user.userId(),
					texts.get("publicity.audit.feedRevoked", user.displayName()));
		}
	}

	/** When the user's current token was issued, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Instant> issuedAt(long userId) {
		return jdbc.queryForList("select created_at from pub_calendar_token where user_id = ?", OffsetDateTime.class, userId)
			.stream().findFirst().map(OffsetDateTime::toInstant);
	}

	/** The user a token belongs to; empty for a wrong or revoked token. */
	@Transactional(readOnly = true)
	public Optional<Long> holder(String token) {
		if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
			return Optional.empty();
		}
		return jdbc.queryForList("select user_id from pub_calendar_token where token_hash = ?", Long.class, hash(token))
			.stream().findFirst();
	}

	/**
	 * The entries as an iCalendar object: all-day nodes as DATE values (DTEND the day after the last), timed events in
	 * Asia/Shanghai (with its VTIMEZONE), a display alarm {@code leadDays} before where a node has a reminder; text
	 * escaped and lines folded at 75 octets without splitting a character (RFC 5545 3.1, 3.3.11).
	 */
	public String render(List<CalendarEntry> entries, String calendarName, String baseUrl) {
		StringBuilder out = new StringBuilder();
		String stamp = UTC.format(Instant.now(clock).atOffset(ZoneOffset.UTC));
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//InfoDesk//Publicity Calendar//ZH");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(calendarName));
		line(out, "X-WR-TIMEZONE:Asia/Shanghai");
		line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
		line(out, "BEGIN:VTIMEZONE");
		line(out, "TZID:Asia/Shanghai");
		line(out, "BEGIN:STANDARD");
		line(out, "DTSTART:19700101T000000");
		line(out, "TZOFFSETFROM:+0800");
		line(out, "TZOFFSETTO:+0800");
		line(out, "TZNAME:CST");
		line(out, "END:STANDARD");
		line(out, "END:VTIMEZONE");
		for (CalendarEntry entry : entries) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + entry.uid() + "@infodesk");
			line(out, "DTSTAMP:" + stamp);
			if (entry.timed()) {
				LocalDate day = entry.start();
				line(out, "DTSTART;TZID=Asia/Shanghai:" + LOCAL_TIME.format(day.atTime(entry.startTime())));
				line(out, "DTEND;TZID=Asia/Shanghai:" + LOCAL_TIME.format(day.atTime(
						entry.endTime() != null ? entry.endTime() : entry.startTime().plusHours(1))));
			}
			else {
				line(out, "DTSTART;VALUE=DATE:" + DATE.format(entry.start()));
				line(out, "DTEND;VALUE=DATE:" + DATE.format(entry.end().plusDays(1)));
				line(out, "TRANSP:TRANSPARENT");
			}
			line(out, "SUMMARY:" + text(entry.title()));
			String description = entry.detail() == null ? "" : entry.detail();
			if (entry.unitName() != null && !entry.unitName().isEmpty()) {
				description = texts.get("publicity.calendar.feedUnit", entry.unitName())
						+ (description.isEmpty() ? "" : "\n" + description);
			}
			if (!description.isEmpty()) {
				line(out, "DESCRIPTION:" + text(description));
			}
			line(out, "CATEGORIES:" + text(texts.get("publicity.calendar.kind." + entry.kind())));
			if (entry.link() != null && baseUrl != null) {
				line(out, "URL:" + baseUrl + entry.link());
			}
			if (entry.leadDays() != null && entry.leadDays() > 0) {
				line(out, "BEGIN:VALARM");
				line(out, "ACTION:DISPLAY");
				line(out, "DESCRIPTION:" + text(entry.title()));
				line(out, "TRIGGER:-P" + entry.leadDays() + "D");
				line(out, "END:VALARM");
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT value escaping (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
			.replace("\n", "\\n");
	}

	/** Appends a content line folded at 75 octets (never inside a UTF-8 character), CRLF-terminated. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int i = 0;
		while (i < content.length()) {
			int cp = content.codePointAt(i);
			int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + len > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += len;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}

	static String hash(String token) {
		return FileStore.sha256(token.getBytes(StandardCharsets.UTF_8));
	}

}
