package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two scorings of one recipient under a capped rule at the same moment: the first reads the cap's usage, waits and
 * writes 5 points; the second reads the usage while the first is still open. Returns what each read. With the
 * ledger's lock the second reads 5 (it waited for the first to commit); without it, 0.
 */
final class CapRace {

	record Reads(BigDecimal first, BigDecimal second) {

	}

	private CapRace() {
	}

	static Reads run(Ledger ledger, PlatformTransactionManager transactions, long unitId, LocalDate day)
			throws Exception {
		String recipient = LedgerKey.unit(unitId);
		String rule = "TEST:CAP" + System.nanoTime();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch firstHasRead = new CountDownLatch(1);
		CompletableFuture<BigDecimal> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
			BigDecimal used = ledger.databaseUsage().used(rule, recipient, day.withDayOfMonth(1), day);
			firstHasRead.countDown();
			pause(400);
			ledger.write(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, rule + ":1", rule, recipient), unitId,
					null, new BigDecimal("5.00"), ScoreKind.ADJUSTMENT, null, null, day, null, "上限测试一", null, null),
					"MANUAL", 0, null);
			return used;
		}));
		if (!firstHasRead.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the first scoring did not start");
		}
		CompletableFuture<BigDecimal> second = CompletableFuture.supplyAsync(
				() -> tx.execute(status -> ledger.databaseUsage().used(rule, recipient, day.withDayOfMonth(1), day)));
		return new Reads(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
