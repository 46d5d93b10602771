package io.infodesk.xuexi;

import org.junit.jupiter.api.Nested;

import io.infodesk.support.OnPostgres;

/** {@link XuexiFiguresContract} on H2 and on PostgreSQL 17: the figures' SQL sums are the same on both. */
class XuexiFiguresTests {

	@Nested
	class OnH2 extends XuexiFiguresContract {

	}

	@Nested
	@OnPostgres
	class OnPostgreSql extends XuexiFiguresContract {

	}

}
