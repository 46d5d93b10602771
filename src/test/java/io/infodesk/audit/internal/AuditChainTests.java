package io.infodesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.audit.internal.ChainVerification.Break;

/**
 * The SM3 chain detects an altered, deleted or re-hashed entry and reports the first broken link;
 * the retention purge moves the anchor so that the rest still verifies. Every test that breaks the
 * chain repairs it again, since the context (and the database) is shared with other tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditHashing hashing;

	@BeforeEach
	void setUp() {
		clock.reset();
		assertThat(chain.verify().intact()).as("chain intact before the test").isTrue();
	}

	@AfterEach
	void tearDown() {
		clock.reset();
	}

	@Test
	void aLongChainVerifiesAcrossPages() {
		for (int i = 0; i < 1203; i++) {
			trail.record("TEST_ENTRY", "Test", i, "第 " + i + " 条测试记录");
		}
		ChainVerification result = chain.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(lastSeq() - anchorSeq()).isGreaterThanOrEqualTo(1203);
		assertThat(chain.describe(result)).isEqualTo("审计链完整，共 " + result.checked() + " 条");
	}

	@Test
	void anAlteredSummaryIsReportedAtItsPosition() {
		recordSome(5);
		long seq = anchorSeq() + 3;
		String original = jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, seq);
		jdbc.update("update audit_entry set summary = ? where seq = ?", "已被篡改的摘要", seq);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.TAMPERED);
			assertThat(result.position()).isEqualTo(3);
			assertThat(result.seq()).isEqualTo(seq);
			assertThat(chain.describe(result)).isEqualTo("第 3 条（序号 " + seq + "）记录被篡改");
		}
		finally {
			jdbc.update("update audit_entry set summary = ? where seq = ?", original, seq);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void anAlteredActorTimeOrOutcomeIsDetectedToo() {
		recordSome(3);
		long seq = lastSeq() - 1;
		Map<String, Object> row = jdbc.queryForMap("select actor, occurred_at, outcome from audit_entry where seq = ?", seq);
		try {
			jdbc.update("update audit_entry set actor = 'someone-else' where seq = ?", seq);
			assertThat(chain.verify().seq()).isEqualTo(seq);
			jdbc.update("update audit_entry set actor = ?, occurred_at = ? where seq = ?", row.get("actor"),
					OffsetDateTime.parse("2020-01-01T00:00:00Z"), seq);
			assertThat(chain.verify().problem()).isEqualTo(Break.TAMPERED);
			jdbc.update("update audit_entry set occurred_at = ?, outcome = 'FAILURE' where seq = ?",
					row.get("occurred_at"), seq);
			assertThat(chain.verify().problem()).isEqualTo(Break.TAMPERED);
		}
		finally {
			jdbc.update("update audit_entry set actor = ?, occurred_at = ?, outcome = ? where seq = ?", row.get("actor"),
					row.get("occurred_at"), row.get("outcome"), seq);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void aDeletedEntryIsReportedAsMissing() {
		recordSome(5);
		long seq = anchorSeq() + 3;
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
		jdbc.update("delete from audit_entry where seq = ?", seq);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.MISSING);
			assertThat(result.position()).isEqualTo(3);
			assertThat(result.seq()).isEqualTo(seq);
			assertThat(chain.describe(result)).isEqualTo("第 3 条（序号 " + seq + "）记录缺失");
		}
		finally {
			reinsert(row);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void aDeletedLastEntryIsReportedAsMissing() {
		recordSome(2);
		long last = lastSeq();
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", last);
		jdbc.update("delete from audit_entry where seq = ?", last);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.MISSING);
			assertThat(result.seq()).isEqualTo(last);
			assertThat(result.position()).isEqualTo(last - anchorSeq());
		}
		finally {
			reinsert(row);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void anEntryRewrittenWithARecomputedHashBreaksTheLinkOfItsSuccessor() {
		recordSome(5);
		long seq = anchorSeq() + 2;
		Map<String, Object> row = jdbc.queryForMap("select summary, hash from audit_entry where seq = ?", seq);
		// an insider holding the chain key: the rewritten entry verifies, but its successor no longer links to it
		AuditEntry forged = forgedCopy(seq, "伪造的摘要", true);
		jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", forged.getSummary(), forged.getHash(),
				seq);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.UNLINKED);
			assertThat(result.position()).isEqualTo(3);
			assertThat(result.seq()).isEqualTo(seq + 1);
			assertThat(chain.describe(result)).isEqualTo("第 3 条（序号 " + (seq + 1) + "）记录链接断开");
		}
		finally {
			jdbc.update("update audit_entry set summary = ? , hash = ? where seq = ?", row.get("summary"), row.get("hash"),
					seq);
		}
	}

	@Test
	void anEntryRewrittenAndTheChainRebuiltWithoutTheKeyFailsAtThatEntry() {
		recordSome(5);
		long seq = anchorSeq() + 2;
		long last = lastSeq();
		List<Map<String, Object>> before = jdbc
			.queryForList("select seq, summary, prev_hash, hash from audit_entry where seq >= ? order by seq", seq);
		Map<String, Object> headBefore = jdbc.queryForMap("select last_hash from audit_chain_head where id = 1");
		// what someone with write access to the database but without the key can do: rewrite the entry, recompute
		// its SM3 hash, relink and re-hash every later entry and set the chain head to the new last hash
		rebuildWithoutTheKey(seq, "伪造的摘要");
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.TAMPERED);
			assertThat(result.seq()).isEqualTo(seq);
			assertThat(result.position()).isEqualTo(seq - anchorSeq());
			assertThat(chain.describe(result)).isEqualTo("第 " + (seq - anchorSeq()) + " 条（序号 " + seq + "）记录被篡改");
		}
		finally {
			for (Map<String, Object> row : before) {
				jdbc.update("update audit_entry set summary = ?, prev_hash = ?, hash = ? where seq = ?", row.get("summary"),
						row.get("prev_hash"), row.get("hash"), row.get("seq"));
			}
			jdbc.update("update audit_chain_head set last_hash = ?, keyed_from_seq = ? where id = 1",
					headBefore.get("last_hash"), keyedFrom());
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	/** Rewrites the entries from {@code seq} on as someone without the key would: plain SM3, relinked, head moved. */
	private void rebuildWithoutTheKey(long seq, String summary) {
		String previous = null;
		for (long s = seq; s <= lastSeq(); s++) {
			AuditEntry forged = s == seq ? forgedCopy(s, summary, false) : forgedCopy(s, null, false, previous);
			jdbc.update("update audit_entry set summary = ?, prev_hash = ?, hash = ? where seq = ?", forged.getSummary(),
					forged.getPrevHash(), forged.getHash(), s);
			previous = forged.getHash();
		}
		jdbc.update("update audit_chain_head set last_hash = ? where id = 1", previous);
	}

	@Test
	void aChainTurnedBackIntoAKeylessOneFailsAgainstTheHeadLogOutsideTheDatabase() {
		recordSome(3);
		chain.checkpoint();
		long seq = lastSeq() - 1;
		List<Map<String, Object>> before = jdbc
			.queryForList("select seq, summary, prev_hash, hash from audit_entry where seq >= ? order by seq", seq);
		Map<String, Object> headBefore = jdbc.queryForMap("select last_hash, keyed_from_seq from audit_chain_head");
		rebuildWithoutTheKey(seq, "伪造的摘要");
		// the database's own record of where the keyed segment starts is removed too: only the head log knows it
		jdbc.update("update audit_chain_head set keyed_from_seq = null where id = 1");
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.TAMPERED);
			assertThat(result.seq()).isEqualTo(seq);
		}
		finally {
			for (Map<String, Object> row : before) {
				jdbc.update("update audit_entry set summary = ?, prev_hash = ?, hash = ? where seq = ?", row.get("summary"),
						row.get("prev_hash"), row.get("hash"), row.get("seq"));
			}
			jdbc.update("update audit_chain_head set last_hash = ?, keyed_from_seq = ? where id = 1",
					headBefore.get("last_hash"), headBefore.get("keyed_from_seq"));
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void theNewestEntriesRemovedAndTheHeadSetBackAreFoundThroughTheHeadLog() {
		recordSome(3);
		chain.checkpoint();
		long last = lastSeq();
		List<Map<String, Object>> removed = jdbc.queryForList("select * from audit_entry where seq >= ? order by seq",
				last - 1);
		Map<String, Object> headBefore = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head");
		jdbc.update("delete from audit_entry where seq >= ?", last - 1);
		jdbc.update("update audit_chain_head set last_seq = ?, last_hash = (select hash from audit_entry where seq = ?) "
				+ "where id = 1", last - 2, last - 2);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.MISSING);
			assertThat(result.seq()).isEqualTo(last - 1);
		}
		finally {
			removed.forEach(this::reinsert);
			jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", headBefore.get("last_seq"),
					headBefore.get("last_hash"));
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void theHeadLogIsAppendedToAndSentToSyslog(@TempDir Path folder) throws Exception {
		recordSome(1);
		try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			receiver.setSoTimeout(5000);
			Path file = folder.resolve("head.log");
			AuditHeadLog log = new AuditHeadLog(new AuditChainSettings(null, folder.resolve("unused.key"), file, "-",
					"127.0.0.1", receiver.getLocalPort()), jdbc, hashing, clock);
			String line = log.checkpoint();
			assertThat(line).contains("seq=" + lastSeq(), "link=" + jdbc.queryForObject(
					"select last_hash from audit_chain_head", String.class), "keyed-from=" + keyedFrom(),
					"key=" + hashing.fingerprint());
			DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
			receiver.receive(packet);
			String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			assertThat(message).startsWith("<110>1 ").endsWith(line);
			// the same head is not written twice; a new one is appended after the first
			assertThat(log.checkpoint()).isNull();
			recordSome(1);
			log.checkpoint();
			assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo(line);
			assertThat(log.checkpoints().lastKey()).isEqualTo(lastSeq());
		}
	}

	@Test
	void anEntryThatVerifiesButDiffersFromTheHeadLogIsReported(@TempDir Path folder) {
		recordSome(2);
		long last = lastSeq();
		Path file = folder.resolve("head.log");
		AuditHeadLog log = new AuditHeadLog(new AuditChainSettings(null, folder.resolve("unused.key"), file, "-", null,
				514), jdbc, hashing, clock);
		try {
			Files.writeString(file, "2026-01-01T00:00:00Z seq=" + last + " link=" + "ab".repeat(32) + " keyed-from="
					+ keyedFrom() + " key=" + hashing.fingerprint() + "\n");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		ChainVerification result = chain.walk(anchorSeq(), jdbc.queryForObject("select anchor_hash from audit_chain_head",
				String.class), last, null, keyedFrom(), log.checkpoints(), true);
		assertThat(result.problem()).isEqualTo(Break.CHECKPOINT);
		assertThat(result.seq()).isEqualTo(last);
		assertThat(chain.describe(result)).contains("库外保存的链头记录不符");
	}

	@Test
	void theLastEntryRewrittenWithARecomputedHashNoLongerMatchesTheChainHead() {
		recordSome(2);
		long last = lastSeq();
		Map<String, Object> row = jdbc.queryForMap("select summary, hash from audit_entry where seq = ?", last);
		AuditEntry forged = forgedCopy(last, "伪造的摘要", true);
		jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", forged.getSummary(), forged.getHash(),
				last);
		try {
			ChainVerification result = chain.verify();
			assertThat(result.problem()).isEqualTo(Break.UNLINKED);
			assertThat(result.seq()).isEqualTo(last);
		}
		finally {
			jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", row.get("summary"), row.get("hash"),
					last);
		}
	}

	/**
	 * The upgrade: a chain written before the key (plain SM3 links) goes on with a keyed segment from the first append
	 * after it, and verifies as one chain; a keyless rebuild of the old segment breaks the first keyed link. Run in a
	 * transaction that is rolled back, on a chain started afresh.
	 */
	@Test
	@Transactional
	void anExistingKeylessChainIsContinuedByAKeyedSegment() {
		jdbc.update("delete from audit_entry");
		jdbc.update("delete from audit_key_segment");
		String genesis = "0".repeat(64);
		String previous = genesis;
		Instant at = Instant.parse("2026-01-05T01:00:00Z");
		for (long seq = 1; seq <= 3; seq++) {
			AuditEntry old = new AuditEntry(seq, at.plusSeconds(seq), "admin", null, "TEST_ENTRY", "Test",
					String.valueOf(seq), "升级前的记录 " + seq, "SUCCESS", previous);
			old.seal(AuditHashing.sm3(old.canonical()));
			jdbc.update("insert into audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, summary, "
					+ "outcome, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq,
					OffsetDateTime.ofInstant(old.getOccurredAt(), java.time.ZoneOffset.UTC), old.getActor(),
					old.getAction(), old.getEntityType(), old.getEntityId(), old.getSummary(), old.getOutcome(),
					old.getPrevHash(), old.getHash());
			previous = old.getHash();
		}
		jdbc.update("update audit_chain_head set last_seq = 3, last_hash = ?, anchor_seq = 0, anchor_hash = ?, "
				+ "keyed_from_seq = null where id = 1", previous, genesis);

		trail.record("TEST_ENTRY", "Test", 4, "升级后的第一条记录");
		trail.record("TEST_ENTRY", "Test", 5, "升级后的第二条记录");

		assertThat(keyedFrom()).isEqualTo(4);
		ChainVerification result = chain.walk(0, genesis, 5, jdbc.queryForObject(
				"select last_hash from audit_chain_head", String.class), 4L, new java.util.TreeMap<>(), true);
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(5);
		String third = jdbc.queryForObject("select hash from audit_entry where seq = 3", String.class);
		String fourth = jdbc.queryForObject("select hash from audit_entry where seq = 4", String.class);
		assertThat(jdbc.queryForObject("select prev_hash from audit_entry where seq = 4", String.class)).isEqualTo(third);
		AuditEntry keyed = forgedCopy(4, null, false);
		assertThat(keyed.getHash()).as("a keyed link is not the plain SM3").isNotEqualTo(fourth);

		// the old segment rewritten and re-hashed without the key: the first keyed entry no longer links to it
		AuditEntry forged = forgedCopy(2, "伪造的旧记录", false);
		AuditEntry relinked = forgedCopy(3, null, false, forged.getHash());
		jdbc.update("update audit_entry set summary = ?, hash = ? where seq = 2", forged.getSummary(), forged.getHash());
		jdbc.update("update audit_entry set prev_hash = ?, hash = ? where seq = 3", relinked.getPrevHash(),
				relinked.getHash());
		ChainVerification broken = chain.walk(0, genesis, 5, null, 4L, new java.util.TreeMap<>(), true);
		assertThat(broken.problem()).isEqualTo(Break.UNLINKED);
		assertThat(broken.seq()).isEqualTo(4);
	}

	@Test
	void aRotatedKeyStartsANewKeyedSegmentAndTheWholeChainStillVerifies() {
		recordSome(3);
		String oldKey = hashing.fingerprint();
		byte[] fresh = new byte[32];
		new java.security.SecureRandom().nextBytes(fresh);
		// what a restart with a new audit.key and the former one under infodesk.audit.chain.retired-keys does
		hashing.rotateTo(fresh);
		recordSome(3);
		long last = jdbc.queryForObject("select last_seq from audit_chain_head", Long.class);
		Map<String, Object> segment = jdbc.queryForMap(
				"select from_seq, key_fingerprint from audit_key_segment order by from_seq desc limit 1");
		assertThat(segment.get("KEY_FINGERPRINT")).isEqualTo(hashing.fingerprint()).isNotEqualTo(oldKey);
		assertThat(((Number) segment.get("FROM_SEQ")).longValue()).isEqualTo(last - 2);
		assertThat(jdbc.queryForObject("select count(*) from audit_key_segment where key_fingerprint = ?", Integer.class,
				oldKey)).isEqualTo(1);
		ChainVerification result = chain.verify();
		assertThat(result.intact()).as(result.toString()).isTrue();

		// an entry of the new segment rewritten and re-linked with the retired (perhaps leaked) key: refused there
		long victim = last - 1;
		Map<String, Object> original = jdbc.queryForMap("select summary, hash from audit_entry where seq = ?", victim);
		AuditEntry forged = forgedCopy(victim, "用旧密钥伪造", false);
		forged.seal(hashing.link(forged, oldKey));
		jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", forged.getSummary(), forged.getHash(),
				victim);
		try {
			ChainVerification broken = chain.verify();
			assertThat(broken.problem()).isEqualTo(Break.TAMPERED);
			assertThat(broken.seq()).isEqualTo(victim);
		}
		finally {
			jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", original.get("SUMMARY"),
					original.get("HASH"), victim);
		}

		// the retired key not configured: the old segment is reported as unverifiable, not as intact
		byte[] retired = hashing.forget(oldKey);
		try {
			ChainVerification unverifiable = chain.verify();
			assertThat(unverifiable.problem()).isEqualTo(Break.NO_KEY);
			assertThat(chain.describe(unverifiable)).contains("infodesk.audit.chain.retired-keys");
		}
		finally {
			hashing.retire(retired);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void theVerificationIsItselfAudited() {
		long before = lastSeq();
		ChainVerification result = chain.verifyAndRecord();
		Map<String, Object> entry = jdbc.queryForMap("select action, summary, outcome from audit_entry where seq = ?",
				before + 1);
		assertThat(entry.get("action")).isEqualTo("AUDIT_VERIFIED");
		assertThat(entry.get("summary")).isEqualTo(chain.describe(result));
		assertThat(entry.get("outcome")).isEqualTo("SUCCESS");
	}

	@Test
	void thePurgeRemovesEntriesOlderThanSixMonthsAndTheRestStillVerifies() {
		Instant old = latestOccurredAt().plus(Duration.ofDays(1));
		clock.set(old);
		recordSome(4);
		long lastOld = lastSeq();
		clock.set(old.plus(Duration.ofDays(200)));
		trail.record("TEST_ENTRY", "Test", "recent", "保留期内的记录");
		long recent = lastSeq();

		AuditRetention.PurgeResult result = retention.purge();

		assertThat(result.refused()).isFalse();
		assertThat(result.anchorSeq()).isEqualTo(lastOld);
		assertThat(result.purged()).isGreaterThanOrEqualTo(4);
		assertThat(anchorSeq()).isEqualTo(lastOld);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where seq <= ?", Integer.class, lastOld)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where seq = ?", Integer.class, recent)).isOne();
		Map<String, Object> purge = jdbc.queryForMap("select action, summary, actor from audit_entry where seq = ?",
				recent + 1);
		assertThat(purge.get("action")).isEqualTo("AUDIT_PURGED");
		assertThat((String) purge.get("summary")).contains("清理", String.valueOf(result.purged()), "6 个月");
		assertThat(purge.get("actor")).isEqualTo("system");

		ChainVerification after = chain.verify();
		assertThat(after.intact()).isTrue();
		assertThat(after.checked()).isEqualTo(2);
		// purging again finds nothing more to purge
		assertThat(retention.purge().purged()).isZero();
	}

	@Test
	void thePurgeRefusesToRemoveABrokenPartOfTheChain() {
		Instant old = latestOccurredAt().plus(Duration.ofDays(1));
		clock.set(old);
		recordSome(3);
		long tampered = lastSeq() - 1;
		clock.set(old.plus(Duration.ofDays(200)));
		trail.record("TEST_ENTRY", "Test", "recent", "保留期内的记录");
		long anchorBefore = anchorSeq();
		String original = jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, tampered);
		jdbc.update("update audit_entry set summary = '篡改' where seq = ?", tampered);
		try {
			AuditRetention.PurgeResult result = retention.purge();
			assertThat(result.refused()).isTrue();
			assertThat(result.purged()).isZero();
			assertThat(anchorSeq()).isEqualTo(anchorBefore);
			assertThat(jdbc.queryForObject("select count(*) from audit_entry where seq = ?", Integer.class, tampered))
				.isOne();
			assertThat(jdbc.queryForObject("select outcome from audit_entry where seq = ?", String.class, lastSeq()))
				.isEqualTo("FAILURE");
		}
		finally {
			jdbc.update("update audit_entry set summary = ? where seq = ?", original, tampered);
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void entriesRecordWhoWhatAndTheOutcome() {
		trail.record(AuditRecord.failure("LOGIN_FAILED", "someone", "登录失败：密码错误"));
		Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where seq = ?", lastSeq());
		assertThat(entry).containsEntry("ACTOR", "someone").containsEntry("OUTCOME", "FAILURE")
			.containsEntry("ACTION", "LOGIN_FAILED");
		assertThat(entry.get("HASH")).asString().hasSize(64).matches("[0-9a-f]+");
		assertThat(entry.get("OCCURRED_AT")).isNotNull();
	}

	private void recordSome(int count) {
		for (int i = 0; i < count; i++) {
			trail.record("TEST_ENTRY", "Test", i, "测试记录 " + i);
		}
	}

	/** An entry rewritten and its link recomputed: with the chain key, or (an attacker without it) as plain SM3. */
	private AuditEntry forgedCopy(long seq, String summary, boolean withKey) {
		return forgedCopy(seq, summary, withKey, null);
	}

	private AuditEntry forgedCopy(long seq, String summary, boolean withKey, String prevHash) {
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
		AuditEntry entry = new AuditEntry(seq, ((OffsetDateTime) row.get("OCCURRED_AT")).toInstant(),
				(String) row.get("ACTOR"), (String) row.get("ACTOR_IP"), (String) row.get("ACTION"),
				(String) row.get("ENTITY_TYPE"), (String) row.get("ENTITY_ID"),
				summary != null ? summary : (String) row.get("SUMMARY"), (String) row.get("OUTCOME"),
				prevHash != null ? prevHash : (String) row.get("PREV_HASH"));
		// with the key: the one of the entry's segment (a rotation test may have started a newer segment)
		var segment = withKey ? chain.segments().floorEntry(seq) : null;
		entry.seal(segment == null ? hashing.link(entry, withKey) : hashing.link(entry, segment.getValue()));
		return entry;
	}

	private Long keyedFrom() {
		return jdbc.queryForObject("select keyed_from_seq from audit_chain_head where id = 1", Long.class);
	}

	private void reinsert(Map<String, Object> row) {
		jdbc.update("insert into audit_entry (id, seq, occurred_at, actor, actor_ip, action, entity_type, entity_id, "
				+ "summary, outcome, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID"),
				row.get("SEQ"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTOR_IP"), row.get("ACTION"),
				row.get("ENTITY_TYPE"), row.get("ENTITY_ID"), row.get("SUMMARY"), row.get("OUTCOME"),
				row.get("PREV_HASH"), row.get("HASH"));
	}

	private Instant latestOccurredAt() {
		return jdbc.queryForObject("select max(occurred_at) from audit_entry", OffsetDateTime.class).toInstant();
	}

	private long anchorSeq() {
		return jdbc.queryForObject("select anchor_seq from audit_chain_head where id = 1", Long.class);
	}

	private long lastSeq() {
		return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
	}

}
