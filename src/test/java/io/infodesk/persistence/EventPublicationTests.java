package io.infodesk.persistence;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

class EventPublicationTests {

	@Nested
	class OnH2 extends EventPublicationContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends EventPublicationContract {

	}

}
