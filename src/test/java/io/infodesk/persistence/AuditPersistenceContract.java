package io.infodesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.audit.internal.AuditEntry;

/**
 * The audit trail's storage on both databases: entries link into one SM3 chain, an entry commits or rolls back
 * with the change it records, and concurrent appends are serialised by {@code select … for update} on the chain
 * head, so the chain never forks.
 */
abstract class AuditPersistenceContract extends DatabaseContract {

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	EntityManager entityManager;

	record Link(long seq, String prevHash, String hash, String summary) {
	}

	void append(String summary) {
		inNewTransaction().executeWithoutResult(
				status -> auditTrail.record(AuditRecord.success("TEST_APPENDED", "Test", 1, summary).by("tester")));
	}

	List<Link> linksFrom(long fromSeq) {
		return jdbc.query("select seq, prev_hash, hash, summary from audit_entry where seq >= ? order by seq",
				(rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), fromSeq);
	}

	long headSeq() {
		return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
	}

	static void assertLinked(List<Link> links) {
		for (int i = 1; i < links.size(); i++) {
			assertThat(links.get(i).seq()).as("seq after %s", links.get(i - 1).seq()).isEqualTo(links.get(i - 1).seq() + 1);
			assertThat(links.get(i).prevHash()).as("prev_hash of seq %s", links.get(i).seq())
				.isEqualTo(links.get(i - 1).hash());
		}
	}

	@Test
	void appendedEntriesLinkIntoOneChainEndingAtTheHead() {
		long start = headSeq();
		String marker = unique("链");
		append(marker + "-1");
		append(marker + "-2");
		append(marker + "-3");

		List<Link> links = linksFrom(start);
		assertThat(links).extracting(Link::summary).endsWith(marker + "-1", marker + "-2", marker + "-3");
		assertLinked(links);
		assertThat(links).allSatisfy(link -> assertThat(link.hash()).matches("[0-9a-f]{64}"));
		var head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
		Link last = links.get(links.size() - 1);
		assertThat(((Number) head.get("last_seq")).longValue()).isEqualTo(last.seq());
		assertThat(head.get("last_hash")).isEqualTo(last.hash());
	}

	@Test
	void anEntryIsReadBackThroughJpaWithEveryField() {
		String marker = unique("读回");
		append(marker);
		AuditEntry entry = entityManager
			.createQuery("select e from AuditEntry e where e.summary = :summary", AuditEntry.class)
			.setParameter("summary", marker)
			.getSingleResult();
		assertThat(entry.getActor()).isEqualTo("tester");
		assertThat(entry.getAction()).isEqualTo("TEST_APPENDED");
		assertThat(entry.getEntityType()).isEqualTo("Test");
		assertThat(entry.getEntityId()).isEqualTo("1");
		assertThat(entry.getOutcome()).isEqualTo("SUCCESS");
		assertThat(entry.getOccurredAt()).isBetween(now().minusSeconds(60), now().plusSeconds(1));
		assertThat(entry.getHash()).isEqualTo(jdbc.queryForObject("select hash from audit_entry where seq = ?",
				String.class, entry.getSeq()));
	}

	@Test
	void anEntryRollsBackWithTheChangeItRecords() {
		long before = headSeq();
		String marker = unique("回滚");
		assertThatThrownBy(() -> inNewTransaction().executeWithoutResult(status -> {
			auditTrail.record(AuditRecord.success("TEST_APPENDED", "Test", 2, marker).by("tester"));
			throw new IllegalStateException("the change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(headSeq()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where summary = ?", Integer.class, marker))
			.isZero();
	}

	@Test
	@Transactional
	void aSequenceNumberIsUsedOnlyOnce() {
		append(unique("序号"));
		long seq = headSeq();
		assertThatThrownBy(() -> jdbc.update(
				"insert into audit_entry (seq, occurred_at, actor, action, outcome, prev_hash, hash) "
						+ "values (?, current_timestamp, 'x', 'FORGED', 'SUCCESS', 'p', 'h')",
				seq))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void concurrentAppendsFromManyTransactionsNeverForkTheChain() throws Exception {
		long start = headSeq();
		String marker = unique("并发");
		int threads = 4;
		int each = 5;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					go.await();
					for (int i = 0; i < each; i++) {
						append(marker + "-" + thread + "-" + i);
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Link> links = linksFrom(start);
		assertThat(links.stream().filter(link -> link.summary() != null && link.summary().startsWith(marker)))
			.hasSize(threads * each);
		assertLinked(links);
		assertThat(headSeq()).isEqualTo(links.get(links.size() - 1).seq());
	}

	@Test
	void whileOneTransactionHoldsTheChainHeadTheNextAppendWaits() throws Exception {
		String marker = unique("等待");
		CountDownLatch firstAppended = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> inNewTransaction().executeWithoutResult(status -> {
				auditTrail.record(AuditRecord.success("TEST_APPENDED", "Test", 3, marker + "-first").by("tester"));
				firstAppended.countDown();
				try {
					releaseFirst.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> second = pool.submit(() -> append(marker + "-second"));
			// the second append is blocked on the locked chain head as long as the first transaction is open
			assertThatThrownBy(() -> second.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
			releaseFirst.countDown();
			first.get(30, TimeUnit.SECONDS);
			second.get(30, TimeUnit.SECONDS);
		}
		finally {
			releaseFirst.countDown();
			pool.shutdownNow();
		}
		Link first = jdbc.queryForObject("select seq, prev_hash, hash, summary from audit_entry where summary = ?",
				(rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				marker + "-first");
		Link second = jdbc.queryForObject("select seq, prev_hash, hash, summary from audit_entry where summary = ?",
				(rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				marker + "-second");
		assertThat(second.seq()).isEqualTo(first.seq() + 1);
		assertThat(second.prevHash()).isEqualTo(first.hash());
	}

}
