package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.infodesk.account.Role;
import io.infodesk.support.SourceFiles;

/** The roles × permissions table of docs/security.md says exactly what {@link Role} grants. */
class SecurityDocumentationTests {

	record Row(Set<String> permissions, String scope) {
	}

	static Map<String, Row> documentedRoles() {
		List<String> lines = SourceFiles.read(Path.of("docs", "security.md")).lines().toList();
		String header = lines.stream().filter(line -> line.startsWith("| Role (code)")).findFirst().orElseThrow();
		List<String> columns = cells(header);
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : lines) {
			List<String> cells = cells(line);
			if (cells.isEmpty() || Arrays.stream(Role.values()).noneMatch(role -> role.name().equals(cells.get(0)))) {
				continue;
			}
			if (cells.size() != columns.size()) {
				continue; // another table that names roles (data scope rules)
			}
			Set<String> permissions = new TreeSet<>();
			for (int i = 2; i < columns.size() - 1; i++) {
				if (cells.get(i).equals("✓")) {
					permissions.add(columns.get(i));
				}
			}
			rows.put(cells.get(0), new Row(permissions, cells.get(columns.size() - 1)));
		}
		return rows;
	}

	static List<String> cells(String line) {
		if (!line.startsWith("|")) {
			return List.of();
		}
		String inner = line.substring(1, line.lastIndexOf('|'));
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

	@Test
	void theRoleTableMatchesTheRoles() {
		Map<String, Row> documented = documentedRoles();
		assertThat(documented.keySet()).containsExactlyInAnyOrder(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
		for (Role role : Role.values()) {
			assertThat(documented.get(role.name()).permissions()).as("permissions of %s in docs/security.md", role)
				.isEqualTo(new TreeSet<>(role.permissions()));
			assertThat(documented.get(role.name()).scope()).as("data scope of %s in docs/security.md", role)
				.isEqualTo(role.scopeRule().name());
		}
	}

	/**
	 * Issue 17's acceptance: docs/security.md maps each GB/T 22239 level 3 control to the code and the test that proves
	 * it; every test it names there (a class, or class.method) exists, and the identity, access and audit controls are
	 * all listed.
	 */
	@Test
	void everyTestNamedInTheControlTableExists() throws Exception {
		String doc = SourceFiles.read(Path.of("docs", "security.md"));
		String table = doc.substring(doc.indexOf("## GB/T 22239-2019 level 3 controls"), doc.indexOf("### What remains"));
		for (String control : List.of("8.1.4.1 a", "8.1.4.1 b", "8.1.4.1 c", "8.1.4.1 d", "8.1.4.2 a", "8.1.4.2 b",
				"8.1.4.2 c", "8.1.4.2 d", "8.1.4.2 e", "8.1.4.2 f", "8.1.4.2 g", "8.1.4.3 a", "8.1.4.3 b", "8.1.4.3 c",
				"8.1.4.3 d")) {
			assertThat(table).as(control).contains("| " + control + " |");
		}
		java.util.Map<String, String> sources = new java.util.HashMap<>();
		try (var files = java.nio.file.Files.walk(Path.of("src", "test", "java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith("Tests.java")).toList()) {
				sources.put(file.getFileName().toString().replace(".java", ""), java.nio.file.Files.readString(file));
			}
		}
		java.util.regex.Matcher named = java.util.regex.Pattern.compile("`(\\w+Tests)(?:\\.(\\w+))?`").matcher(table);
		int count = 0;
		while (named.find()) {
			count++;
			String source = sources.get(named.group(1));
			assertThat(source).as("test class %s named in docs/security.md", named.group(1)).isNotNull();
			if (named.group(2) != null) {
				assertThat(source).as("test %s.%s named in docs/security.md", named.group(1), named.group(2))
					.contains("void " + named.group(2) + "(");
			}
		}
		assertThat(count).isGreaterThan(30);
	}

}
