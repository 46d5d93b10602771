package io.infodesk.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.CurrentUser;

/**
 * Appends entries to the chain. The chain head row is locked ({@code select … for update}) for the
 * append, so appends from concurrent transactions and from several instances are serialised and
 * every entry links to exactly one predecessor. Every new entry is keyed (HMAC-SM3, {@link AuditHashing}); the first
 * append after the upgrade marks where the keyed segment starts ({@code keyed_from_seq}).
 */
@Service
class JpaAuditTrail implements AuditTrail {

	private final AuditEntryRepository entries;

	private final JdbcTemplate jdbc;

	private final AuditHashing hashing;

	private final Clock clock;

	JpaAuditTrail(AuditEntryRepository entries, JdbcTemplate jdbc, AuditHashing hashing, Clock clock) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.hashing = hashing;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditRecord record) {
		var head = jdbc
			.queryForMap("select last_seq, last_hash, keyed_from_seq from audit_chain_head where id = 1 for update");
		long seq = ((Number) head.get("LAST_SEQ")).longValue() + 1;
		String prevHash = (String) head.get("LAST_HASH");
		Object keyedFrom = head.get("KEYED_FROM_SEQ");
		if (keyedFrom == null) {
			// the first append after the chain was keyed (V17_1): the keyed segment starts with this entry
			jdbc.update("update audit_chain_head set keyed_from_seq = ? where id = 1", seq);
			keyedFrom = seq;
		}
		startSegmentIfRotated(((Number) keyedFrom).longValue(), seq);
		String actor = record.actor() != null ? record.actor() : CurrentUser.actorName();
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		AuditEntry entry = new AuditEntry(seq, now, truncate(actor, 50), clientAddress(), record.action(),
				record.entityType(), record.entityId(), truncate(record.summary(), 4000), record.outcome().name(),
				prevHash);
		entry.seal(hashing.link(entry, true));
		entries.save(entry);
		jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, entry.getHash());
	}

	/**
	 * Key rotation (issue 17): when the chain key is not the one of the newest segment, this entry starts a new keyed
	 * segment under it; the first segment (V21_52) is the one of the key in use since {@code keyed_from_seq}, written
	 * by the first append after the upgrade. Runs under the head's lock, so instances never disagree on a boundary.
	 */
	private void startSegmentIfRotated(long keyedFrom, long seq) {
		List<String> newest = jdbc.queryForList(
				"select key_fingerprint from audit_key_segment order by from_seq desc limit 1", String.class);
		if (newest.isEmpty()) {
			jdbc.update("insert into audit_key_segment (from_seq, key_fingerprint, started_at) values (?, ?, ?)", keyedFrom,
					hashing.fingerprint(), java.sql.Timestamp.from(Instant.now(clock)));
		}
		else if (!newest.get(0).equals(hashing.fingerprint())) {
			jdbc.update("insert into audit_key_segment (from_seq, key_fingerprint, started_at) values (?, ?, ?)", seq,
					hashing.fingerprint(), java.sql.Timestamp.from(Instant.now(clock)));
		}
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
