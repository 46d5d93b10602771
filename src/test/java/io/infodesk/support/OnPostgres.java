package io.infodesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring Boot test on real PostgreSQL 17 instead of the in-memory H2 of profile {@code test}:
 * gives the context a fresh database on the one embedded server of the JVM (and activates profile {@code pg},
 * for beans that must differ). Combines with the class's own {@code @ActiveProfiles("test")}.
 * Put it on a subclass (or {@code @Nested} class) of a test whose body should run on both databases:
 * <pre>
 * class UnitRepositoryTests {
 *     &#64;Nested class OnH2 extends UnitRepositoryContract { }
 *     &#64;Nested &#64;OnPostgres class OnPostgreSql extends UnitRepositoryContract { }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface OnPostgres {

}
