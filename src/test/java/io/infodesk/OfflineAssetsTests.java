package io.infodesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.infodesk.support.SourceFiles;

/**
 * Government intranets have no internet: no template or static file may load anything from outside
 * (no CDN, no web font, no analytics). XML namespace names (Thymeleaf's, SVG's) are names, not downloads.
 */
class OfflineAssetsTests {

	static final Pattern EXTERNAL = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s\"')]*");

	static final Pattern NAMESPACE = Pattern.compile(
			"(?i)https?://(www\\.thymeleaf\\.org|www\\.ultraq\\.net\\.nz/thymeleaf/layout|www\\.w3\\.org/[0-9]{4}/(svg|xlink|xhtml|XMLSchema-instance)|www\\.w3\\.org/1999/xhtml)\\b.*");

	static List<String> externalReferencesIn(Path file) {
		List<String> found = new ArrayList<>();
		String[] lines = SourceFiles.read(file).split("\\R");
		for (int i = 0; i < lines.length; i++) {
			Matcher matcher = EXTERNAL.matcher(lines[i]);
			while (matcher.find()) {
				String url = matcher.group();
				boolean protocolRelative = matcher.group(1) == null;
				if (protocolRelative && !lines[i].matches("(?i).*(src|href|url)\\s*[=(]\\s*[\"']?//.*")) {
					continue; // a comment such as "// see x.y", not a protocol-relative reference
				}
				if (!NAMESPACE.matcher(url).matches()) {
					found.add(SourceFiles.name(file) + ":" + (i + 1) + ": " + url);
				}
			}
		}
		return found;
	}

	@Test
	void noTemplateOrStaticFileReferencesTheInternet() {
		List<Path> files = new ArrayList<>(SourceFiles.templates());
		files.addAll(SourceFiles.under(SourceFiles.STATIC));
		assertThat(files).extracting(SourceFiles::name).contains("src/main/resources/static/js/app.js");
		List<String> found = new ArrayList<>();
		files.forEach(file -> found.addAll(externalReferencesIn(file)));
		assertThat(found).as("use WebJars or files under static/ instead").isEmpty();
	}

	@Test
	void theCheckFindsCdnLinksAndIgnoresNamespaces(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path sample = dir.resolve("sample.html");
		java.nio.file.Files.writeString(sample, """
				<html xmlns:th="http://www.thymeleaf.org">
				<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.8/dist/css/bootstrap.min.css">
				<script src="//unpkg.com/htmx.org"></script>
				<svg xmlns="http://www.w3.org/2000/svg"></svg>
				""");
		assertThat(externalReferencesIn(sample)).hasSize(2);
	}

}
