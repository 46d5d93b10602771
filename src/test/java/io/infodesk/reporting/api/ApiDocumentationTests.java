package io.infodesk.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.support.Endpoints;

/**
 * The OpenAPI document lists every endpoint of the REST API (read from Spring MVC's mappings) and nothing else;
 * it is readable by logged-in users only; Swagger UI comes from its WebJar under the application's CSP and loads
 * nothing from the internet.
 */
class ApiDocumentationTests extends ReportingIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void theDocumentListsExactlyTheApiEndpointsWithBasicAuthentication() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs").with(httpBasic("staff", "Demo@2026")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
		Set<String> documented = new TreeSet<>();
		paths.forEach((path, operations) -> operations.keySet()
			.forEach(method -> documented.add(method.toUpperCase() + " " + path)));
		Set<String> mapped = new TreeSet<>();
		Endpoints.of(context).stream().filter(endpoint -> endpoint.pattern().startsWith("/api/"))
			.forEach(endpoint -> mapped.add(endpoint.key()));

		assertThat(mapped).hasSizeGreaterThanOrEqualTo(12);
		assertThat(documented).isEqualTo(mapped);
		assertThat((Object) JsonPath.read(doc, "$.components.securitySchemes.basic.scheme")).isEqualTo("basic");
		assertThat((Object) JsonPath.read(doc, "$.info.title")).asString().contains("InfoDesk");
		// the list's filter is documented as query parameters
		assertThat(doc).contains("\"keyword\"", "\"ItemRequest\"", "\"ItemJson\"");
	}

	@Test
	void theDocumentIsForLoggedInUsersOnly() throws Exception {
		mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
		mvc.perform(get("/v3/api-docs").with(as(user("publicist")))).andExpect(status().isOk());
	}

	@Test
	void swaggerUiIsServedFromTheJarUnderTheCspAndLoadsNothingFromTheInternet() throws Exception {
		mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		var response = mvc.perform(get("/swagger-ui/index.html").with(as(user("office"))).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'", "connect-src 'self'");
		String html = response.getContentAsString();
		assertThat(html).contains("swagger-ui-bundle.js").doesNotContainPattern("(src|href)=\"(https?:)?//");
		assertNoInlineScript(html);

		String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(initializer).contains("/v3/api-docs").doesNotContain("petstore");
		String config = mvc.perform(get("/v3/api-docs/swagger-config").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		// the only absolute address is this server's own (OAuth2 redirect page, unused: the API uses Basic)
		assertThat(config.replace("http://localhost/", "/")).doesNotContainPattern("https?://");
		String bundle = mvc.perform(get("/swagger-ui/swagger-ui.css").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(bundle).doesNotContainPattern("url\\((\"|')?(https?:)?//");
	}

	private static void assertNoInlineScript(String html) {
		Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
		while (scripts.find()) {
			assertThat(scripts.group(1)).as("every script has a src").contains("src=");
			assertThat(scripts.group(2).strip()).as("no inline script (CSP script-src 'self')").isEmpty();
		}
	}

}
