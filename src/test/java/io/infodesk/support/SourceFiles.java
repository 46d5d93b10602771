package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The project's own source files as the build sees them (tests run in the project directory), for the tests
 * that read templates, static files, messages and Java sources as text.
 */
public final class SourceFiles {

	public static final Path RESOURCES = Path.of("src", "main", "resources");

	public static final Path TEMPLATES = RESOURCES.resolve("templates");

	public static final Path STATIC = RESOURCES.resolve("static");

	public static final Path JAVA = Path.of("src", "main", "java");

	public static final Path MESSAGES = RESOURCES.resolve("messages_zh_CN.properties");

	/** The module bundles beside {@link #MESSAGES}: {@code messages/<module>_zh_CN.properties}. */
	public static final Path MODULE_MESSAGES = RESOURCES.resolve("messages");

	private static final Pattern VOID_TAG = Pattern.compile(
			"<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\\b((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>",
			Pattern.CASE_INSENSITIVE);

	private SourceFiles() {
	}

	/** Every file under {@code root} whose name ends with one of the suffixes, sorted. */
	public static List<Path> under(Path root, String... suffixes) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> suffixes.length == 0
						|| Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every Chinese message bundle: {@link #MESSAGES} first, then the module bundles by name. */
	public static List<Path> messageBundles() {
		List<Path> bundles = new java.util.ArrayList<>(List.of(MESSAGES));
		bundles.addAll(under(MODULE_MESSAGES, "_zh_CN.properties"));
		return bundles;
	}

	/** All message bundles merged into one {@link java.util.Properties} (keys are unique across bundles). */
	public static java.util.Properties messages() {
		java.util.Properties messages = new java.util.Properties();
		for (Path bundle : messageBundles()) {
			try {
				messages.load(new java.io.StringReader(read(bundle)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return messages;
	}

	public static List<Path> templates() {
		return under(TEMPLATES, ".html");
	}

	public static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A Thymeleaf template as a tree of exactly the elements it is written with. The HTML parser would move or
	 * drop elements that stand outside their usual parent (a fragment {@code <tr>} without its table), so the
	 * template is read as XML, with HTML's void elements ({@code <input>}, {@code <meta>} …) closed first.
	 */
	public static Document parseTemplate(Path file) {
		Matcher matcher = VOID_TAG.matcher(read(file));
		StringBuilder closed = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(closed, Matcher.quoteReplacement("<" + matcher.group(1) + matcher.group(2) + "/>"));
		}
		matcher.appendTail(closed);
		return Jsoup.parse(closed.toString(), "", Parser.xmlParser());
	}

	/** The path relative to the project, with forward slashes, for messages. */
	public static String name(Path file) {
		return file.toString().replace('\\', '/');
	}

}
