package io.infodesk.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the context's data source at a fresh database of the shared embedded PostgreSQL 17 server.
 * Flyway then migrates it and Hibernate validates the mapping against it, exactly as in production.
 * Use it through {@link OnPostgres}.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Active in every context that runs on the embedded PostgreSQL server. */
	public static final String PROFILE = "pg";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = EmbeddedPostgresServer.createDatabase();
		EmbeddedPostgresServer.usedBy(context);
		context.getEnvironment().addActiveProfile(PROFILE);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", url, "spring.datasource.username", EmbeddedPostgresServer.USER,
							"spring.datasource.password", "", "spring.datasource.driver-class-name",
							"org.postgresql.Driver")));
	}

}
