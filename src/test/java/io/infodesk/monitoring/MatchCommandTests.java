package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.infodesk.monitoring.internal.Matching;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code match} command's main path in-process: a JSON-lines file in, one JSON object per line out. */
class MatchCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return MatchCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
					throw new AssertionError("--defaults must not open the database");
				});
	}

	@Test
	void matchesEveryLineWithTheDefaultSchemes() throws Exception {
		Path file = dir.resolve("texts.jsonl");
		Files.writeString(file, String.join("\n",
				"{\"id\":1,\"title\":\"业主维权\",\"text\":\"湖塘某楼盘逾期交房一年，开发商拒不回应\"}",
				"{\"id\":\"b\",\"title\":\"今日天气\",\"text\":\"晴转多云\"}",
				"not json",
				"",
				"{\"id\":3,\"title\":\"工地欠薪\",\"text\":\"项目部拖欠农民工工资，工人聚集讨薪\"}") + "\n",
				StandardCharsets.UTF_8);

		int code = run("match", "--defaults", file.toString());

		assertThat(code).isZero();
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		var json = JsonMapper.builder().build();
		JsonNode first = json.readTree(lines.get(0));
		assertThat(first.propertyNames()).containsExactly("id", "relevant", "schemes", "classes", "topics", "words",
				"negativity", "level");
		assertThat(first.get("id").asInt()).isEqualTo(1);
		assertThat(first.get("relevant").asBoolean()).isTrue();
		assertThat(first.get("topics").toString()).contains("DELIVERY");
		assertThat(first.get("words").toString()).contains("交房");
		assertThat(first.get("negativity").asDouble()).isBetween(0.3, 1.0);
		assertThat(first.get("level").asString()).isIn("一般", "较大", "重大", "特别重大");
		JsonNode second = json.readTree(lines.get(1));
		assertThat(second.get("id").asString()).isEqualTo("b");
		assertThat(second.get("relevant").asBoolean()).isFalse();
		assertThat(second.get("level").isNull()).isTrue();
		assertThat(json.readTree(lines.get(2)).has("error")).isTrue();
		JsonNode fourth = json.readTree(lines.get(3));
		assertThat(fourth.get("topics").toString()).contains("WAGES");
		assertThat(fourth.get("classes").isArray()).isTrue();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("matched 4 lines (1 refused)");
	}

	@Test
	void withoutDefaultsUsesTheSchemesOfTheDatabase() throws Exception {
		Path file = dir.resolve("one.jsonl");
		Files.writeString(file, "{\"id\":7,\"title\":\"物业费\",\"text\":\"物业公司乱收费\"}\n", StandardCharsets.UTF_8);
		boolean[] asked = { false };
		int code = MatchCommand.run(List.of("match", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
					asked[0] = true;
					return Matching.defaults();
				});
		assertThat(code).isZero();
		assertThat(asked[0]).isTrue();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"PROPERTY\"");
	}

	@Test
	void badUsageExitsWithTwo() {
		assertThat(run("match", "--defaults")).isEqualTo(2);
		assertThat(run("match", "--defaults", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
		assertThat(out.size()).isZero();
	}

	/** 500 texts, 500 answers in order (the time the command takes is measured by bench/run-monitoring.sh, never here). */
	@Test
	void answersFiveHundredTextsOneLineEachInOrder() throws Exception {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			lines.append("{\"id\":").append(i).append(",\"title\":\"常州市武进区住建局召开老旧小区改造推进会\",\"text\":\"")
				.append("会议要求各街道加快推进加装电梯、雨污分流和物业管理提升，确保年内完成改造任务。".repeat(10))
				.append("\"}\n");
		}
		Path file = dir.resolve("many.jsonl");
		Files.writeString(file, lines, StandardCharsets.UTF_8);
		assertThat(run("match", "--defaults", file.toString())).isZero();
		List<String> answers = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(answers).hasSize(500);
		assertThat(answers.get(0)).startsWith("{\"id\":0,").contains("\"relevant\":true");
		assertThat(answers.get(499)).startsWith("{\"id\":499,");
	}

}
