package io.infodesk.reporting;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

/** The reporting repository contract on the embedded H2 and on real PostgreSQL 17. */
class ReportingRepositoryTests {

	@Nested
	class OnH2 extends ReportingRepositoryContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends ReportingRepositoryContract {

	}

}
