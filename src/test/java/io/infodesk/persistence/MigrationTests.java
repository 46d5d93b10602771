package io.infodesk.persistence;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

/** The same migrations, proven on H2 (embedded default) and on PostgreSQL 17 (production). */
class MigrationTests {

	@Nested
	class OnH2 extends MigrationContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends MigrationContract {

	}

}
