package io.infodesk.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the repository and migration tests whose body runs on H2 <em>and</em> on PostgreSQL 17: each
 * {@code …Tests} class holds two {@code @Nested} subclasses of a {@code …Contract}, one plain (H2, profile
 * {@code test}) and one with {@link io.infodesk.support.OnPostgres}. All contracts share this configuration,
 * so each database costs one Spring context for the whole suite; tests therefore make their own uniquely
 * named rows and never assume empty tables.
 */
@SpringBootTest
@Import(EventProbe.class)
@ActiveProfiles("test")
abstract class DatabaseContract {

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected PlatformTransactionManager transactionManager;

	@Autowired
	protected Clock clock;

	protected TransactionTemplate inNewTransaction() {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		return template;
	}

	protected Instant now() {
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** A name no other test uses; callers give a Chinese prefix, so encoding is exercised on every save. */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
