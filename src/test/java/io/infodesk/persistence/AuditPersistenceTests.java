package io.infodesk.persistence;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

class AuditPersistenceTests {

	@Nested
	class OnH2 extends AuditPersistenceContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends AuditPersistenceContract {

	}

}
