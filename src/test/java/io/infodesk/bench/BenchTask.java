package io.infodesk.bench;

import java.util.Properties;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Something a bench file times that is not a GET page (bench/README.md): {@code task=<class>} names an
 * implementation; {@link BenchRunner} runs it once after the seed, before the users log in, and it prints its figures.
 */
public interface BenchTask {

	void run(ConfigurableApplicationContext app, Properties config) throws Exception;

}
