package io.infodesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every audit action written anywhere in the code has a Chinese label on the audit page. */
class AuditActionLabelsTests {

	private static final Pattern ACTION = Pattern
		.compile("(?:\\brecord|AuditRecord\\.success|AuditRecord\\.failure)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

	@Test
	void everyAuditActionInTheCodeHasALabel() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = ACTION.matcher(Files.readString(file));
				while (matcher.find()) {
					actions.add(matcher.group(1));
				}
			}
		}
		Properties messages = io.infodesk.support.SourceFiles.messages();
		assertThat(actions).as("audit actions found in the code").hasSizeGreaterThan(20);
		assertThat(actions.stream().filter(action -> !messages.containsKey("audit.action." + action)))
			.as("audit actions without a label audit.action.<ACTION> in messages_zh_CN.properties")
			.isEmpty();
	}

}
