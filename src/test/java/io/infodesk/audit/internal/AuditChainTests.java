package io.infodesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

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
		AuditEntry forged = forgedCopy(seq, "伪造的摘要");
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
			jdbc.update("update audit_entry set summary = ?, hash = ? where seq = ?", row.get("summary"), row.get("hash"),
					seq);
		}
	}

	@Test
	void theLastEntryRewrittenWithARecomputedHashNoLongerMatchesTheChainHead() {
		recordSome(2);
		long last = lastSeq();
		Map<String, Object> row = jdbc.queryForMap("select summary, hash from audit_entry where seq = ?", last);
		AuditEntry forged = forgedCopy(last, "伪造的摘要");
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

	/** What an attacker with database access can do: rewrite an entry and recompute its SM3 hash. */
	private AuditEntry forgedCopy(long seq, String summary) {
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
		return new AuditEntry(seq, ((OffsetDateTime) row.get("OCCURRED_AT")).toInstant(), (String) row.get("ACTOR"),
				(String) row.get("ACTOR_IP"), (String) row.get("ACTION"), (String) row.get("ENTITY_TYPE"),
				(String) row.get("ENTITY_ID"), summary, (String) row.get("OUTCOME"), (String) row.get("PREV_HASH"));
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
