package io.infodesk.audit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with a {@link MutableClock} (primary bean, so every service that
 * injects {@code Clock} gets it). Import it with {@code @Import(MutableClockConfiguration.class)};
 * reset the clock in {@code @BeforeEach} since the context, and the clock, are shared between tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

}
