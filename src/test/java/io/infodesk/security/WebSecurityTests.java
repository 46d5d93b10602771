package io.infodesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.infodesk.account.Role;
import io.infodesk.support.TestUsers;

/**
 * The security settings every page shares: a declared permission on every controller method, the public
 * paths, strict headers (CSP without inline scripts, no framing, no sniffing) and nothing of the actuator but
 * health (issue 2, points 5 and 9; GB/T 22239).
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WebSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyControllerMethodDeclaresWhoMayCallIt() {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<HandlerMethod> ours = mapping.getHandlerMethods()
			.values()
			.stream()
			.filter(handler -> handler.getBeanType().getPackageName().startsWith("io.infodesk"))
			.toList();
		assertThat(ours).isNotEmpty();
		assertThat(ours).filteredOn(handler -> !AnnotatedElementUtils.hasAnnotation(handler.getMethod(),
				PreAuthorize.class) && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class))
			.as("controller methods without @PreAuthorize (on the method or its class)")
			.extracting(HandlerMethod::getShortLogMessage)
			.isEmpty();
	}

	static void strictHeaders(ResultActions result) throws Exception {
		result.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(result2 -> {
				String csp = result2.getResponse().getHeader("Content-Security-Policy");
				assertThat(csp).as("Content-Security-Policy").isNotNull();
				String scriptSrc = List.of(csp.split(";"))
					.stream()
					.map(String::trim)
					.filter(directive -> directive.startsWith("script-src"))
					.findFirst()
					.orElseThrow();
				assertThat(scriptSrc).isEqualTo("script-src 'self'");
				assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'");
			});
	}

	@Test
	void theLoginPageIsPublicChineseAndSentWithStrictHeaders() throws Exception {
		ResultActions login = mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("登录")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
		strictHeaders(login);
	}

	@Test
	void aLoggedInPageIsSentWithStrictHeadersToo() throws Exception {
		strictHeaders(mvc.perform(get("/account/nonexistent").with(user(TestUsers.of(Role.ADMIN)))));
		strictHeaders(mvc.perform(get("/").with(user(TestUsers.of(Role.STAFF)))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/css/app.css", "/css/print.css", "/js/app.js", "/webjars/bootstrap/css/bootstrap.min.css",
			"/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/htmx.org/dist/htmx.min.js",
			"/webjars/echarts/dist/echarts.min.js" })
	void staticAssetsArePublic(String path) throws Exception {
		mvc.perform(get(path)).andExpect(status().isOk());
	}

	/**
	 * Page links are rendered as written, not sent through the static-resource resolvers (ResourceUrlEncodingFilter
	 * is off: it cost more than half of the CPU of a list page, docs/performance.md); the version-less WebJar link
	 * still serves the file.
	 */
	@Test
	void pageLinksAreNotRewrittenAndVersionlessWebJarLinksServeTheFiles() throws Exception {
		String html = mvc.perform(get("/").with(user(TestUsers.of(Role.STAFF))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("href=\"/webjars/bootstrap/css/bootstrap.min.css\"").doesNotContain("/webjars/bootstrap/5.");
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
	}

	@Test
	void healthIsPublicAndReportsDatabaseAndDiskToLoggedInCallers() throws Exception {
		// anonymous callers (the load balancer) see UP/DOWN alone, no components (issue 17, finding 10)
		mvc.perform(get("/actuator/health").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").accept(MediaType.APPLICATION_JSON).with(user(TestUsers.of(Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.diskSpace.status").value("UP"))
			// no details (database product, paths) for anyone
			.andExpect(jsonPath("$.components.db.details").doesNotExist());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
			"/actuator/loggers", "/actuator/mappings" })
	void noOtherActuatorEndpointIsExposedEvenToAnAdministrator(String path) throws Exception {
		mvc.perform(get(path).with(user(TestUsers.of(Role.ADMIN)))).andExpect(status().isNotFound());
		mvc.perform(get(path).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void theErrorPageIsPublicAndNeverShowsAStackTrace() throws Exception {
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotIn(302, 401, 403))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at io.infodesk"))));
	}

}
