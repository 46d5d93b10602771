package io.infodesk.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class OrganizationTestConfiguration {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 2026-06-15 10:00 in Asia/Shanghai. */
	public static final ZonedDateTime NOW = ZonedDateTime.of(2026, 6, 15, 10, 0, 0, 0, ZONE);

	public static final LocalDate TODAY = NOW.toLocalDate();

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW.toInstant(), ZONE);
	}

	@Bean
	OrgFixtures orgFixtures(Units units, People people, Leadership leadership, Publicists publicists) {
		return new OrgFixtures(units, people, leadership, publicists);
	}

}
