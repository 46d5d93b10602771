package io.infodesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.infodesk.reporting.ReportingIntegrationTest;

/**
 * The OpenAPI document of the running application ({@code /v3/api-docs}, written to
 * {@code target/openapi/api-docs.json}) passes a real OpenAPI linter: Redocly CLI, installed by
 * {@code npm ci} in {@code tools/openapi-lint/} (pinned by its package-lock.json), with the recommended rules of
 * {@code tools/openapi-lint/redocly.yaml} — no errors and no warnings. Without the tool the test is skipped, unless
 * {@code CI=true} or {@code -Dinfodesk.openapi.lint.required=true}: then it fails. Redocly runs offline (telemetry
 * and the update check off). See docs/api.md.
 */
class OpenApiLintTests extends ReportingIntegrationTest {

	static final Path TOOL = Path.of("tools", "openapi-lint");

	static final Path DOCUMENT = Path.of("target", "openapi", "api-docs.json");

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("infodesk.openapi.lint.required");
	}

	@Test
	void theDocumentPassesRedoclyLintWithTheRecommendedRules() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs").with(httpBasic("staff", "Demo@2026")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Files.createDirectories(DOCUMENT.getParent());
		Files.writeString(DOCUMENT, doc, StandardCharsets.UTF_8);

		Path redocly = TOOL.resolve("node_modules/.bin/redocly");
		if (!Files.isExecutable(redocly)) {
			String missing = "Redocly CLI is not installed: run `npm ci --prefix tools/openapi-lint`";
			if (required()) {
				throw new IllegalStateException(missing + " (required here: CI=true or -Dinfodesk.openapi.lint.required=true)");
			}
			Assumptions.abort(missing);
		}
		Lint lint = lint(redocly);
		Files.writeString(DOCUMENT.resolveSibling("lint.txt"), lint.output(), StandardCharsets.UTF_8);
		assertThat(lint.exitCode()).as("redocly lint exit code; its report:%n%s", lint.output()).isZero();
		assertThat(lint.output()).as("redocly lint report").contains("Woohoo! Your API description is valid.")
			.doesNotContainPattern("(?i)\\d+ warnings?");
	}

	/** Every operation has one module tag and a Chinese summary; the new modules' tags are there. */
	@Test
	void everyOperationHasAModuleTagAndAChineseSummary() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs").with(httpBasic("staff", "Demo@2026")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = com.jayway.jsonpath.JsonPath
			.read(doc, "$.paths");
		java.util.Map<String, String> tagOfPrefix = new java.util.TreeMap<>();
		paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
			assertThat(operation.get("tags")).as("tags of %s %s", method, path).asList().hasSize(1);
			assertThat((String) operation.get("summary")).as("summary of %s %s", method, path)
				.containsPattern("\\p{IsHan}");
			if (path.startsWith("/api/org/")) {
				tagOfPrefix.put("org", (String) ((List<?>) operation.get("tags")).get(0));
			}
			else if (path.startsWith("/api/assessment/")) {
				tagOfPrefix.put("assessment", (String) ((List<?>) operation.get("tags")).get(0));
			}
			else if (path.startsWith("/api/notifications")) {
				tagOfPrefix.put("notification", (String) ((List<?>) operation.get("tags")).get(0));
			}
		}));
		assertThat(tagOfPrefix).containsEntry("org", "组织机构").containsEntry("assessment", "考核")
			.containsEntry("notification", "通知");
		// the problem responses are documented with their schema
		assertThat((Object) com.jayway.jsonpath.JsonPath.read(doc,
				"$.paths['/api/org/units/{unitId}'].get.responses['404'].content['application/problem+json'].schema['$ref']"))
			.isEqualTo("#/components/schemas/Problem");
	}

	record Lint(int exitCode, String output) {

	}

	static Lint lint(Path redocly) throws IOException, InterruptedException {
		ProcessBuilder process = new ProcessBuilder(List.of(redocly.toAbsolutePath().toString(), "lint",
				"--config", TOOL.resolve("redocly.yaml").toAbsolutePath().toString(), "--format", "stylish",
				DOCUMENT.toAbsolutePath().toString()));
		process.environment().put("REDOCLY_TELEMETRY", "off");
		process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		process.environment().put("NO_COLOR", "1");
		process.redirectErrorStream(true);
		Process running = process.start();
		byte[] output = running.getInputStream().readAllBytes();
		if (!running.waitFor(120, TimeUnit.SECONDS)) {
			running.destroyForcibly();
			throw new IllegalStateException("redocly lint did not finish within 120 s");
		}
		return new Lint(running.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}
