package io.infodesk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * InfoDesk 信息宣传工作平台: runs a bureau's information and publicity work.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InfoDeskApplication {

	/**
	 * {@code -Dinfodesk.startup-steps=N}: records Spring's start-up steps and logs the N slowest ones (and the time of
	 * the main phases) when the application is ready (docs/performance.md "Start-up and memory"); off by default.
	 */
	static final String STARTUP_STEPS = "infodesk.startup-steps";

	public static void main(String[] args) {
		if (io.infodesk.monitoring.MatchCommand.wanted(args)) {
			io.infodesk.monitoring.MatchCommand.main(InfoDeskApplication.class, args);
			return;
		}
		SpringApplication application = new SpringApplication(InfoDeskApplication.class);
		int steps = Integer.getInteger(STARTUP_STEPS, 0);
		if (steps > 0) {
			BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
			application.setApplicationStartup(startup);
			// a lambda listener's event type cannot be inferred: it hears every event
			application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
				if (event instanceof ApplicationReadyEvent) {
					logSlowest(startup, steps);
				}
			});
		}
		application.run(args);
	}

	/** Logs the slowest steps by their own time (their duration less that of the steps inside them). */
	private static void logSlowest(BufferingApplicationStartup startup, int count) {
		Logger log = LoggerFactory.getLogger(InfoDeskApplication.class);
		List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Map<Long, Long> inner = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				inner.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		ToLongFunction<StartupTimeline.TimelineEvent> own = event -> event.getDuration().toNanos()
				- inner.getOrDefault(event.getStartupStep().getId(), 0L);
		List<StartupTimeline.TimelineEvent> slowest = new ArrayList<>(events);
		slowest.sort(Comparator.comparingLong(own).reversed());
		log.info("Start-up steps recorded: {}; the {} slowest by their own time:", events.size(), count);
		for (StartupTimeline.TimelineEvent event : slowest.subList(0, Math.min(count, slowest.size()))) {
			StringBuilder tags = new StringBuilder();
			event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=')
				.append(tag.getValue()));
			log.info("Start-up step own {} ms, total {} ms: {}{}", own.applyAsLong(event) / 1_000_000,
					event.getDuration().toMillis(), event.getStartupStep().getName(), tags);
		}
	}

}
