package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.infodesk.support.SourceFiles;

/**
 * Every message key used in a template or, as far as a string literal shows it, in Java code exists in
 * {@code messages_zh_CN.properties}, so no page shows a raw key or an English fallback; the file itself is
 * clean UTF-8 without duplicate keys (which a careless merge of two modules' sections would produce).
 */
class MessageKeyTests {

	/** {@code #{key}} and {@code #{key(args)}} in templates. */
	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.\\-]*)");

	/** {@code #{'prefix.' + ${…}}}: a key built at run time; its literal prefix must start some keys. */
	static final Pattern TEMPLATE_KEY_PREFIX = Pattern.compile("#\\{\\s*'([A-Za-z][\\w.\\-]*\\.)'\\s*\\+");

	/** {@code #messages.msg('key')}, {@code msgOrNull}, {@code msgWithParams} … */
	static final Pattern TEMPLATE_MESSAGES_CALL = Pattern.compile("#messages\\.msg\\w*\\(\\s*'([A-Za-z][\\w.\\-]*)'");

	static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	static final Pattern DOTTED = Pattern.compile("\\{?([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_\\-]+)+\\.?)}?");

	static final Set<String> FILE_SUFFIXES = Set.of("xlsx", "xls", "html", "css", "js", "png", "svg", "sql", "properties",
			"yml", "yaml", "txt", "pdf", "docx", "csv", "json", "log", "puml", "adoc", "md", "jar", "zip");

	static Properties messages;

	static Set<String> keys;

	@BeforeAll
	static void loadMessages() throws IOException {
		messages = SourceFiles.messages();
		keys = messages.stringPropertyNames();
	}

	static Set<String> namespaces() {
		return keys.stream().map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static boolean known(String keyOrPrefix) {
		return keyOrPrefix.endsWith(".") ? keys.stream().anyMatch(key -> key.startsWith(keyOrPrefix))
				: keys.contains(keyOrPrefix);
	}

	@Test
	void theMessagesFileIsUtf8WithoutDuplicateKeysOrEmptyTexts() {
		assertThat(SourceFiles.read(SourceFiles.MESSAGES)).contains("信息宣传工作平台");
		List<String> seen = new ArrayList<>();
		List<String> duplicates = new ArrayList<>();
		StringBuilder all = new StringBuilder();
		for (Path bundle : SourceFiles.messageBundles()) {
			all.append(SourceFiles.read(bundle)).append('\n');
		}
		String text = all.toString();
		assertThat(text).doesNotContain("\uFFFD");
		for (String line : text.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
				continue;
			}
			String key = trimmed.split("\\s*[=:]", 2)[0].strip();
			if (seen.contains(key)) {
				duplicates.add(key);
			}
			seen.add(key);
		}
		assertThat(duplicates).as("keys defined twice across the message bundles").isEmpty();
		assertThat(keys).filteredOn(key -> messages.getProperty(key).isBlank()).as("keys without text").isEmpty();
	}

	@Test
	void everyKeyUsedInATemplateExists() {
		List<String> missing = new ArrayList<>();
		for (Path file : SourceFiles.templates()) {
			String template = SourceFiles.read(file);
			for (Pattern pattern : List.of(TEMPLATE_KEY, TEMPLATE_KEY_PREFIX, TEMPLATE_MESSAGES_CALL)) {
				Matcher matcher = pattern.matcher(template);
				while (matcher.find()) {
					if (!known(matcher.group(1))) {
						missing.add(SourceFiles.name(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing from messages_zh_CN.properties").isEmpty();
	}

	/**
	 * String literals in Java that look like message keys: dotted names whose first part is one of the
	 * namespaces of the messages file ({@code org.}, {@code account.} …), minus Java package names and file
	 * names. A literal ending in a dot is a prefix to which code appends an enum name.
	 */
	static List<String> keyLikeLiterals(String source) {
		Set<String> namespaces = namespaces();
		List<String> found = new ArrayList<>();
		Matcher strings = JAVA_STRING.matcher(source);
		while (strings.find()) {
			Matcher dotted = DOTTED.matcher(strings.group(1));
			if (!dotted.matches()) {
				continue;
			}
			String literal = dotted.group(1);
			String[] parts = literal.split("\\.");
			boolean fileName = FILE_SUFFIXES.contains(parts[parts.length - 1]) && !literal.endsWith(".");
			boolean javaName = literal.matches("(org|com|io|java|javax|jakarta|tools|net)\\.(springframework|hibernate|apache|"
					+ "h2|postgresql|flywaydb|bouncycastle|jsoup|webjars|slf4j|thymeleaf|junit|infodesk|zaxxer|fasterxml|idev)\\b.*");
			if (namespaces.contains(parts[0]) && !fileName && !javaName) {
				found.add(literal);
			}
		}
		return found;
	}

	@Test
	void everyKeyNamedInJavaCodeExists() {
		List<String> missing = new ArrayList<>();
		for (Path file : SourceFiles.under(SourceFiles.JAVA, ".java")) {
			for (String literal : keyLikeLiterals(SourceFiles.read(file))) {
				if (!known(literal)) {
					missing.add(SourceFiles.name(file) + ": " + literal);
				}
			}
		}
		assertThat(missing).as("message keys used in Java code but missing from messages_zh_CN.properties").isEmpty();
	}

	@Test
	void theJavaCheckRecognisesKeysAndIgnoresOtherStrings() {
		String source = """
				throw new BusinessException("login.error.bad");
				@NotBlank(message = "{unit.name}") String name;
				model.addAttribute("type", messages.getMessage("unit.type." + type.name(), null, locale));
				log.info("io.infodesk.account started"); String sql = "select * from org_unit";
				String file = "login.xlsx"; String permission = "org:view"; String version = "1.2.3";
				""";
		assertThat(keyLikeLiterals(source)).containsExactly("login.error.bad", "unit.name", "unit.type.");
	}

}
