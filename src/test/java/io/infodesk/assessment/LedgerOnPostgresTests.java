package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.support.OnPostgres;

/**
 * The ledger's concurrency and the rankings' reuse of sums on a real PostgreSQL 17 (READ COMMITTED, row locks):
 * a capped scoring waits for another in flight and counts its points; the rankings read again after an entry and
 * keep their sums while the ledger's stamp stands.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@OnPostgres
class LedgerOnPostgresTests {

	@Autowired
	Ledger ledger;

	@Autowired
	Rankings rankings;

	@Autowired
	Organization organization;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
	}

	@Test
	void aCappedScoringWaitsForTheOneInFlightAndCountsItsPoints() throws Exception {
		CapRace.Reads reads = CapRace.run(ledger, transactions, unit("城建档案馆"), LocalDate.of(2033, 4, 8));
		assertThat(reads.first()).isEqualByComparingTo("0");
		assertThat(reads.second()).isEqualByComparingTo("5.00");
	}

	@Test
	void theRankingsReadAgainAfterAnEntryAndOnlyThen() {
		long unitId = unit("村镇建设科");
		Period june = Period.month(YearMonth.of(2034, 6));
		assertThat(total(june, unitId)).isEqualByComparingTo("0");
		jdbc.update("insert into asm_entry_month (month_start, person_id, unit_id, category, points) values (?, 0, ?, ?, ?)",
				LocalDate.of(2034, 6, 1), unitId, ScoreKind.ADJUSTMENT.name(), new BigDecimal("7.00"));
		assertThat(total(june, unitId)).as("written behind the ledger's back: the sums are reused").isEqualByComparingTo("0");
		ledger.write(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, "pg-stamp", Adjustments.RULE,
				LedgerKey.unit(unitId)), unitId, null, new BigDecimal("5.00"), ScoreKind.ADJUSTMENT, null, null,
				LocalDate.of(2034, 6, 10), null, "缓存测试", null, null), "MANUAL", 0, null);
		assertThat(total(june, unitId)).isEqualByComparingTo("12.00");
	}

	private BigDecimal total(Period period, long unitId) {
		return rankings.units(period).stream().filter(row -> row.id() == unitId).findFirst().orElseThrow().total();
	}

	private long unit(String name) {
		return organization.activeUnits().stream().filter(u -> u.getName().equals(name)).map(Unit::getId).findFirst()
			.orElseThrow();
	}

}
