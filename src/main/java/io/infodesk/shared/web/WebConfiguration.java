package io.infodesk.shared.web;

import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The UI is Chinese whatever the browser asks for; every controller method must declare its permission. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * No rewriting of the links a page renders. With webjars-locator-lite on the classpath Boot enables the
	 * resource chain and Thymeleaf's auto-configuration registers {@link ResourceUrlEncodingFilter}, which sends
	 * every {@code @{…}} link of every page through the static-resource resolvers: a link to a page (not a file)
	 * matches {@code /**}, is looked up on the whole classpath under four locations and, not found, is not cached —
	 * more than half of the CPU of the item list under load (docs/performance.md). The only rewrite it did was
	 * adding the WebJar version to {@code /webjars/…} links, which the WebJars resolver resolves without it; no
	 * content-version strategy is configured. Registering the filter disabled keeps Boot from adding its own.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PermissionRequiredInterceptor());
	}

}
