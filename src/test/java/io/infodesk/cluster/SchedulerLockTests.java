package io.infodesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.infodesk.support.SourceFiles;

/**
 * Issue 18: every scheduled job runs on one instance at a time when several share the database — each
 * {@code @Scheduled} method of the sources also carries {@code @SchedulerLock} with a name of its own.
 */
class SchedulerLockTests {

	@Test
	void everyScheduledMethodHoldsASchedulerLock() throws IOException {
		List<String> unlocked = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SourceFiles.JAVA)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (!lines.get(i).strip().startsWith("@Scheduled(")) {
						continue;
					}
					boolean locked = false;
					for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
						String line = lines.get(j).strip();
						if (line.startsWith("@SchedulerLock(")) {
							locked = true;
							names.add(line.replaceAll(".*name = \"([^\"]+)\".*", "$1"));
						}
					}
					if (!locked) {
						unlocked.add(file + ":" + (i + 1));
					}
				}
			}
		}
		assertThat(unlocked).isEmpty();
		assertThat(names).hasSizeGreaterThanOrEqualTo(11).doesNotHaveDuplicates();
	}

}
