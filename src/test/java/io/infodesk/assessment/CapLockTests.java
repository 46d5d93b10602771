package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Caps hold when two events are scored at once: reading a cap's usage takes the ledger's stamp row first, so a
 * second scoring waits for the first to commit and counts what it wrote (docs/assessment.md "The ledger"). The same
 * race on PostgreSQL: {@link LedgerOnPostgresTests}.
 */
class CapLockTests extends AssessmentIntegrationTest {

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void aSecondScoringWaitsForTheFirstAndCountsItsPointsAgainstTheCap() throws Exception {
		CapRace.Reads reads = CapRace.run(ledger, transactions, unitId("城建档案馆"), LocalDate.of(2033, 4, 8));
		assertThat(reads.first()).isEqualByComparingTo("0");
		assertThat(reads.second()).as("the second reads after the first committed").isEqualByComparingTo("5.00");
	}

}
