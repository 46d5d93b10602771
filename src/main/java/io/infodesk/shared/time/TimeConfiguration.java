package io.infodesk.shared.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application, in Asia/Shanghai: "same day" (当日) deadlines end at
 * 23:59:59 of this zone. Tests replace it with a fixed clock.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
