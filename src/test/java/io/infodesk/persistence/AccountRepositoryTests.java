package io.infodesk.persistence;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

class AccountRepositoryTests {

	@Nested
	class OnH2 extends AccountRepositoryContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends AccountRepositoryContract {

	}

}
