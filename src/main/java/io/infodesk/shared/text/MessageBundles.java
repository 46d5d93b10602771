package io.infodesk.shared.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles: {@code messages_zh_CN.properties} and one bundle per module under
 * {@code messages/<module>_zh_CN.properties}, found on the classpath at start-up. A module adds its texts by adding
 * its own file, never by editing a shared list of basenames (so modules built side by side do not collide). A key
 * must be defined once across all bundles ({@code MessageKeyTests}); module keys start with the module's name.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	static final String MODULE_BUNDLES = "classpath*:messages/*_zh_CN.properties";

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** {@code messages} first, then {@code messages/<module>} for every module bundle, by name. */
	static List<String> basenames() {
		List<String> basenames = new ArrayList<>(List.of("messages"));
		try {
			TreeSet<String> modules = new TreeSet<>();
			for (Resource bundle : new PathMatchingResourcePatternResolver().getResources(MODULE_BUNDLES)) {
				String name = bundle.getFilename();
				if (name != null) {
					modules.add("messages/" + name.substring(0, name.length() - "_zh_CN.properties".length()));
				}
			}
			basenames.addAll(modules);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return basenames;
	}

}
