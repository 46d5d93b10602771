package io.infodesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The migrations apply cleanly and Hibernate's {@code validate} accepts the mapping against them. */
abstract class MigrationContract extends DatabaseContract {

	static final Set<String> FOUNDATION_TABLES = Set.of("org_unit", "org_person", "org_leader_assignment",
			"org_publicist_designation", "acc_user", "acc_user_role", "audit_entry", "audit_chain_head",
			"event_publication", "event_publication_archive");

	@Autowired
	Flyway flyway;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Value("${spring.jpa.hibernate.ddl-auto}")
	String ddlAuto;

	@Test
	void everyMigrationIsAppliedSuccessfullyAndNoneIsPending() {
		MigrationInfo[] applied = flyway.info().applied();
		assertThat(applied).isNotEmpty();
		assertThat(applied).allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(Arrays.stream(applied).map(info -> info.getVersion().toString())).contains("1");
		assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
	}

	@Test
	void hibernateValidatedTheEntityMappingAgainstTheMigratedSchema() {
		// the context started with ddl-auto=validate, so every entity matched its table and columns
		assertThat(ddlAuto).isEqualTo("validate");
		assertThat(entityManagerFactory.getMetamodel().getEntities()).extracting(type -> type.getJavaType().getSimpleName())
			.contains("Unit", "Person", "LeaderAssignment", "PublicistDesignation", "UserAccount", "AuditEntry");
	}

	@Test
	void everyFoundationTableExists() {
		Set<String> tables = jdbc.execute((java.sql.Connection connection) -> {
			Set<String> names = new TreeSet<>();
			try (ResultSet rs = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			return names;
		});
		assertThat(tables).containsAll(FOUNDATION_TABLES);
	}

	@Test
	void auditChainIsAnchoredAtTheZeroHash() {
		var head = jdbc.queryForMap("select anchor_seq, anchor_hash from audit_chain_head where id = 1");
		assertThat(((Number) head.get("anchor_seq")).longValue()).isZero();
		assertThat(head.get("anchor_hash")).isEqualTo("0".repeat(64));
		assertThat(jdbc.queryForObject("select count(*) from audit_chain_head", Integer.class)).isEqualTo(1);
	}

	@Test
	void timestampsKeepTheirInstantAndMicrosecondsAcrossTheDatabase() {
		var stored = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-27T15:59:59.123456Z"));
		var read = jdbc.queryForObject("select cast(? as timestamp(6) with time zone)", java.time.OffsetDateTime.class,
				java.time.OffsetDateTime.parse("2026-11-27T23:59:59.123456+08:00"));
		assertThat(read.toInstant()).isEqualTo(stored.toInstant());
	}

}
