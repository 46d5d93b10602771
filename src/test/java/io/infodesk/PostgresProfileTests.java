package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.infodesk.support.EmbeddedPostgresServer;

/**
 * The README's production set-up, as an operator runs it: profile {@code postgres} alone, the connection from
 * {@code INFODESK_DB_URL} / {@code INFODESK_DB_USER} / {@code INFODESK_DB_PASSWORD} (here pointing at the
 * embedded PostgreSQL 17), no demo data, and on the first start only the administrator, who must change the
 * printed password (issue 2, points 2 and 8).
 */
@SpringBootTest(properties = { "infodesk.data-dir=${java.io.tmpdir}/infodesk-postgres-profile", "logging.file.name=",
		"logging.structured.format.file=" })
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresProfileTests.DatabaseVariables.class)
class PostgresProfileTests {

	/** Sets the three variables the way the environment would (lowest precedence, like OS variables). */
	static class DatabaseVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String url = EmbeddedPostgresServer.createDatabase();
			EmbeddedPostgresServer.usedBy(context);
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("operatorEnvironment", Map.of("INFODESK_DB_URL", url, "INFODESK_DB_USER",
						EmbeddedPostgresServer.USER, "INFODESK_DB_PASSWORD", "")));
		}

	}

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnThePostgresDatabaseNamedByTheEnvironment() {
		assertThat(environment.getActiveProfiles()).containsExactly("postgres");
		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://");
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
	}

	@Test
	void theFirstStartCreatesOnlyTheAdministratorAndNoDemoData() {
		assertThat(jdbc.queryForList("select username from acc_user", String.class)).containsExactly("admin");
		assertThat(jdbc.queryForObject("select must_change_password from acc_user where username = 'admin'",
				Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from org_unit", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from org_person", Integer.class)).isZero();
	}

}
