package io.infodesk.support;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint that InfoDesk's own controllers map ({@code io.infodesk..}), read from Spring MVC's handler
 * mapping at run time, so no endpoint can hide from the security tests.
 */
public final class Endpoints {

	/** One pattern and HTTP method of one handler method; {@code method} is "ANY" when the mapping names none. */
	public record Endpoint(String method, String pattern, HandlerMethod handler) implements Comparable<Endpoint> {

		public String key() {
			return method + " " + pattern;
		}

		@Override
		public int compareTo(Endpoint other) {
			int byKey = key().compareTo(other.key());
			// two handlers may share a pattern and method (e.g. an htmx variant selected by a header)
			return byKey != 0 ? byKey : handler.getMethod().toGenericString().compareTo(other.handler.getMethod().toGenericString());
		}

		@Override
		public String toString() {
			return key() + " -> " + handler.getShortLogMessage();
		}

	}

	private Endpoints() {
	}

	public static Set<Endpoint> of(ApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<Endpoint> endpoints = new TreeSet<>();
		mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("io.infodesk")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add(new Endpoint("ANY", pattern, handler));
				}
				for (RequestMethod method : methods) {
					endpoints.add(new Endpoint(method.name(), pattern, handler));
				}
			}
		});
		return endpoints;
	}

}
