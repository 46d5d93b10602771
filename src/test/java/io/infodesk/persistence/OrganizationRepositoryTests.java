package io.infodesk.persistence;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

class OrganizationRepositoryTests {

	@Nested
	class OnH2 extends OrganizationRepositoryContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends OrganizationRepositoryContract {

	}

}
