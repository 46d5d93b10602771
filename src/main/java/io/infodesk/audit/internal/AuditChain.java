package io.infodesk.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.internal.ChainVerification.Break;
import io.infodesk.shared.text.Texts;

/**
 * Verifies the keyed hash chain of the audit trail (GB/T 22239 protection of audit records, GB/T
 * 39786 SM3): walks the entries from the anchor in {@code audit_chain_head} in sequence order,
 * recomputes each entry's link (HMAC-SM3 under the key outside the database; plain SM3 for the entries before the
 * keyed segment), compares the links the head log outside the database recorded, checks that each links to its predecessor's hash and that no
 * sequence number is missing, and that the last entry is the one the chain head names. Reports the
 * first broken link. Entries appended while the walk runs are not part of it.
 */
@Service
public class AuditChain {

	static final String ENTITY = "AuditChain";

	private static final int PAGE = 500;

	private final AuditEntryRepository entries;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final AuditTrail audit;

	private final Texts texts;

	private final AuditHashing hashing;

	private final AuditHeadLog headLog;

	AuditChain(AuditEntryRepository entries, JdbcTemplate jdbc, EntityManager entityManager, AuditTrail audit,
			Texts texts, AuditHashing hashing, AuditHeadLog headLog) {
		this.hashing = hashing;
		this.headLog = headLog;
		this.entries = entries;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * The anchor (the last purged entry, or the genesis), the last entry of the chain and the first entry of its keyed
	 * segment (null before the first keyed append).
	 */
	record Head(long anchorSeq, String anchorHash, long lastSeq, String lastHash, Long keyedFrom) {
	}

	/**
	 * Verifies the whole chain from its anchor, and against the head log outside the database: the keyed segment
	 * starts no later than the log says, every checkpoint's entry has the link the log recorded, and no checkpoint
	 * lies beyond the last entry.
	 */
	public ChainVerification verify() {
		Head head = head(false);
		NavigableMap<Long, AuditHeadLog.Checkpoint> checkpoints = headLog.checkpoints();
		Long keyedFrom = head.keyedFrom();
		for (AuditHeadLog.Checkpoint checkpoint : checkpoints.values()) {
			if (checkpoint.keyedFrom() != null && (keyedFrom == null || checkpoint.keyedFrom() < keyedFrom)) {
				keyedFrom = checkpoint.keyedFrom();
			}
		}
		return walk(head.anchorSeq(), head.anchorHash(), head.lastSeq(), head.lastHash(), keyedFrom, checkpoints, true);
	}

	/** Writes the chain head to the log outside the database now (it is written periodically anyway). */
	public void checkpoint() {
		headLog.checkpoint();
	}

	/** Verifies the chain and records the verification (AUDIT_VERIFIED, failed when a link is broken). */
	public ChainVerification verifyAndRecord() {
		ChainVerification result = verify();
		audit.record(new AuditRecord("AUDIT_VERIFIED", ENTITY, null, describe(result),
				result.intact() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE, null));
		return result;
	}

	/** The Chinese report of a verification. */
	public String describe(ChainVerification result) {
		return texts.get(result.messageKey(), result.args());
	}

	/** The keyed segments: first entry → fingerprint of the key that signs it and the entries up to the next one. */
	NavigableMap<Long, String> segments() {
		NavigableMap<Long, String> segments = new java.util.TreeMap<>();
		jdbc.query("select from_seq, key_fingerprint from audit_key_segment",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> segments.put(rs.getLong(1), rs.getString(2)));
		return segments;
	}

	Head head(boolean forUpdate) {
		Map<String, Object> row = jdbc.queryForMap("select anchor_seq, anchor_hash, last_seq, last_hash, keyed_from_seq "
				+ "from audit_chain_head where id = 1" + (forUpdate ? " for update" : ""));
		Object keyedFrom = row.get("keyed_from_seq");
		return new Head(((Number) row.get("anchor_seq")).longValue(), (String) row.get("anchor_hash"),
				((Number) row.get("last_seq")).longValue(), (String) row.get("last_hash"),
				keyedFrom == null ? null : ((Number) keyedFrom).longValue());
	}

	/**
	 * Walks the entries after {@code anchorSeq} up to {@code upTo}.
	 * @param expectedLastHash the hash the entry {@code upTo} must have (the chain head's), or null
	 * @param keyedFrom the first entry with a keyed link (null: none)
	 * @param checkpoints the links recorded outside the database by sequence number
	 * @param wholeChain whether {@code upTo} is the end of the chain (a checkpoint beyond it means entries are missing)
	 */
	ChainVerification walk(long anchorSeq, String anchorHash, long upTo, String expectedLastHash, Long keyedFrom,
			NavigableMap<Long, AuditHeadLog.Checkpoint> checkpoints, boolean wholeChain) {
		NavigableMap<Long, String> segments = segments();
		long expected = anchorSeq + 1;
		String previousHash = anchorHash;
		long position = 0;
		long after = anchorSeq;
		while (true) {
			List<AuditEntry> page = entries.findBySeqGreaterThanAndSeqLessThanEqualOrderBySeqAsc(after, upTo,
					PageRequest.of(0, PAGE));
			if (page.isEmpty()) {
				break;
			}
			for (AuditEntry entry : page) {
				position++;
				if (entry.getSeq() != expected) {
					return ChainVerification.broken(Break.MISSING, position - 1, position, expected);
				}
				boolean keyed = keyedFrom != null && entry.getSeq() >= keyedFrom;
				String link;
				if (!keyed) {
					link = hashing.link(entry, false);
				}
				else {
					// the key of the entry's segment (key rotation); before the first segment row: the current key
					Map.Entry<Long, String> segment = segments.floorEntry(entry.getSeq());
					link = segment == null ? hashing.link(entry, true) : hashing.link(entry, segment.getValue());
					if (link == null) {
						return ChainVerification.broken(Break.NO_KEY, position - 1, position, entry.getSeq());
					}
				}
				if (!link.equals(entry.getHash())) {
					return ChainVerification.broken(Break.TAMPERED, position - 1, position, entry.getSeq());
				}
				if (!previousHash.equals(entry.getPrevHash())) {
					return ChainVerification.broken(Break.UNLINKED, position - 1, position, entry.getSeq());
				}
				AuditHeadLog.Checkpoint checkpoint = checkpoints.get(entry.getSeq());
				if (checkpoint != null && !checkpoint.link().equals(entry.getHash())) {
					return ChainVerification.broken(Break.CHECKPOINT, position - 1, position, entry.getSeq());
				}
				previousHash = entry.getHash();
				after = entry.getSeq();
				expected++;
				if (entityManager.contains(entry)) {
					entityManager.detach(entry);
				}
			}
		}
		if (expected <= upTo) {
			return ChainVerification.broken(Break.MISSING, position, position + 1, expected);
		}
		if (expectedLastHash != null && !previousHash.equals(expectedLastHash)) {
			return ChainVerification.broken(Break.UNLINKED, Math.max(position - 1, 0), Math.max(position, 1), upTo);
		}
		if (wholeChain && !checkpoints.isEmpty() && checkpoints.lastKey() > upTo) {
			// the head log outside the database knew of later entries: they were removed and the head set back
			return ChainVerification.broken(Break.MISSING, position, position + 1, upTo + 1);
		}
		return ChainVerification.intact(position);
	}

}
