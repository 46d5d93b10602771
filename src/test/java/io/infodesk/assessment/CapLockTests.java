package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Caps hold when two events are scored at once: reading a cap's usage takes the ledger's stamp row first, so a
 * second scoring waits for the first to commit and counts what it wrote (docs/assessment.md "The ledger").
 */
class CapLockTests extends AssessmentIntegrationTest {

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void aSecondScoringWaitsForTheFirstAndCountsItsPointsAgainstTheCap() throws Exception {
		long unitId = unitId("城建档案馆");
		String recipient = LedgerKey.unit(unitId);
		LocalDate day = LocalDate.of(2033, 4, 8);
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
		assertThat(firstHasRead.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<BigDecimal> second = CompletableFuture.supplyAsync(
				() -> tx.execute(status -> ledger.databaseUsage().used(rule, recipient, day.withDayOfMonth(1), day)));

		assertThat(first.get(20, TimeUnit.SECONDS)).isEqualByComparingTo("0");
		assertThat(second.get(20, TimeUnit.SECONDS)).as("the second reads after the first committed")
			.isEqualByComparingTo("5.00");
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
