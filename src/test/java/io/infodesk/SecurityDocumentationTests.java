package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.infodesk.account.Role;
import io.infodesk.support.SourceFiles;

/**
 * The roles × permissions table of docs/security.md says exactly what {@link Role} grants, and every test the document
 * names exists.
 */
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

	static final List<String> CONTROLS = List.of("8.1.4.1 a", "8.1.4.1 b", "8.1.4.1 c", "8.1.4.1 d", "8.1.4.2 a",
			"8.1.4.2 b", "8.1.4.2 c", "8.1.4.2 d", "8.1.4.2 e", "8.1.4.2 f", "8.1.4.2 g", "8.1.4.3 a", "8.1.4.3 b",
			"8.1.4.3 c", "8.1.4.3 d");

	/** A test named in backticks: {@code `ClassTests`}, {@code `ClassTests.member`} or {@code `ClassTests#member`}. */
	static final Pattern NAMED_TEST = Pattern.compile("`(\\w+Tests)(?:[.#](\\w+))?([^`]*)`");

	/**
	 * Issue 17's acceptance: docs/security.md maps each GB/T 22239 level 3 control of identity, access and audit to the
	 * code and the test that proves it. Every control is listed, every one but those under "What remains" names a
	 * test, and every test named anywhere in docs/security.md (a class, or class.method, or a constant of the class)
	 * exists in src/test — in the class or a class it extends — under its whole name, never elided: the document cannot
	 * name a test that was renamed or removed.
	 */
	@Test
	void everyTestNamedInTheControlTableExists() throws Exception {
		String doc = SourceFiles.read(Path.of("docs", "security.md"));
		String table = doc.substring(doc.indexOf("## GB/T 22239-2019 level 3 controls"), doc.indexOf("### What remains"));
		String remains = doc.substring(doc.indexOf("### What remains"));
		for (String control : CONTROLS) {
			String row = table.lines().filter(line -> line.startsWith("| " + control + " |")).findFirst().orElse(null);
			assertThat(row).as(control).isNotNull();
			List<String> cells = cells(row);
			if (cells.get(cells.size() - 1).equals("—")) {
				assertThat(remains).as("%s names no test, so it is listed under What remains", control).contains(control);
			}
			else {
				assertThat(NAMED_TEST.matcher(cells.get(cells.size() - 1)).find()).as("%s names a test", control).isTrue();
			}
		}
		Map<String, String> sources = new HashMap<>();
		try (var files = Files.walk(Path.of("src", "test", "java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
			}
		}
		Matcher named = NAMED_TEST.matcher(doc);
		int count = 0;
		while (named.find()) {
			count++;
			String name = named.group(1) + (named.group(2) == null ? "" : "." + named.group(2));
			assertThat(named.group(3)).as("the test %s is named whole in docs/security.md (no …)", name)
				.doesNotContain("…")
				.doesNotContain("...");
			String source = withSuperclasses(named.group(1), sources, 0);
			assertThat(source).as("test class %s named in docs/security.md", named.group(1)).isNotNull();
			if (named.group(2) != null) {
				assertThat(Pattern.compile("(\\bvoid\\s+" + named.group(2) + "\\s*\\(|\\b" + named.group(2) + "\\s*=)")
					.matcher(source)
					.find()).as("test %s named in docs/security.md exists", name).isTrue();
			}
		}
		assertThat(count).isGreaterThan(60);
	}

	/** The class's source and those of the classes it (or its nested classes) extends, or null when there is none. */
	private static String withSuperclasses(String className, Map<String, String> sources, int depth) {
		String source = sources.get(className);
		if (source == null || depth > 3) {
			return source;
		}
		StringBuilder all = new StringBuilder(source);
		Matcher parent = Pattern.compile("\\bextends\\s+(\\w+)").matcher(source);
		while (parent.find()) {
			String inherited = withSuperclasses(parent.group(1), sources, depth + 1);
			if (inherited != null) {
				all.append(inherited);
			}
		}
		return all.toString();
	}

}
