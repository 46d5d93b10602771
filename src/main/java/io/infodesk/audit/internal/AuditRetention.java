package io.infodesk.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.internal.AuditChain.Head;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The daily retention purge: deletes the entries older than {@code infodesk.audit.retention-months}
 * (at least six months, Cybersecurity Law art. 21, see {@link AuditSettings} and PRACTICE.md) and
 * moves the chain anchor in {@code audit_chain_head} to the last purged entry (its seq and hash), so
 * that verification of the remaining chain still succeeds. Only a gap-free run of the oldest
 * entries is purged, and only after that run has itself been verified: a broken link is never
 * purged away but reported (AUDIT_PURGED, failed) and kept for investigation. The purge is audited.
 * <p>
 * The chain head row is locked for the purge, so it is serialised with appends. It runs daily
 * ({@link AuditRetentionSchedule}); there is a single instance for now, and when several instances
 * run, ShedLock (see ARCHITECTURE.md) will make sure only one of them runs the job.
 */
@Component
public class AuditRetention {

	static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private static final DateTimeFormatter DAY = DateFormats.MINUTES;

	/** What a purge did: how many entries it removed and the new anchor. */
	public record PurgeResult(int purged, long anchorSeq, ChainVerification refusedBecause) {

		public boolean refused() {
			return refusedBecause != null;
		}

	}

	private final AuditSettings settings;

	private final AuditChain chain;

	private final AuditTrail audit;

	private final JdbcTemplate jdbc;

	private final Texts texts;

	private final Clock clock;

	AuditRetention(AuditSettings settings, AuditChain chain, AuditTrail audit, JdbcTemplate jdbc,
			Texts texts, Clock clock) {
		this.settings = settings;
		this.chain = chain;
		this.audit = audit;
		this.jdbc = jdbc;
		this.texts = texts;
		this.clock = clock;
	}

	/** Purges the entries older than the retention period; returns what was done. */
	@Transactional
	public PurgeResult purge() {
		Head head = chain.head(true);
		ZonedDateTime cutoff = ZonedDateTime.now(clock.withZone(TimeConfiguration.ZONE))
			.minusMonths(settings.retentionMonths());
		Long firstKept = jdbc.queryForObject("select min(seq) from audit_entry where seq > ? and occurred_at >= ?",
				Long.class, head.anchorSeq(), OffsetDateTime.ofInstant(cutoff.toInstant(), ZoneOffset.UTC));
		long purgeUpTo = firstKept == null ? head.lastSeq() : firstKept - 1;
		if (purgeUpTo <= head.anchorSeq()) {
			return new PurgeResult(0, head.anchorSeq(), null);
		}
		ChainVerification check = chain.walk(head.anchorSeq(), head.anchorHash(), purgeUpTo,
				purgeUpTo == head.lastSeq() ? head.lastHash() : null, head.keyedFrom(), new java.util.TreeMap<>(), false);
		if (!check.intact()) {
			log.error("Audit retention purge refused: {}", chain.describe(check));
			audit.record(new AuditRecord("AUDIT_PURGED", AuditChain.ENTITY, null,
					texts.get("audit.purge.refused", chain.describe(check)), AuditRecord.Outcome.FAILURE, "system"));
			return new PurgeResult(0, head.anchorSeq(), check);
		}
		String anchorHash = jdbc.queryForObject("select hash from audit_entry where seq = ?", String.class, purgeUpTo);
		int purged = jdbc.update("delete from audit_entry where seq > ? and seq <= ?", head.anchorSeq(), purgeUpTo);
		jdbc.update("update audit_chain_head set anchor_seq = ?, anchor_hash = ? where id = 1", purgeUpTo, anchorHash);
		audit.record(AuditRecord.success("AUDIT_PURGED", AuditChain.ENTITY, null,
				texts.get("audit.purge.done", String.valueOf(purged), String.valueOf(settings.retentionMonths()),
						DAY.format(cutoff), String.valueOf(head.anchorSeq() + 1), String.valueOf(purgeUpTo)))
			.by("system"));
		return new PurgeResult(purged, purgeUpTo, null);
	}


}
