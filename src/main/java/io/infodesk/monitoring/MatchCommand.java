package io.infodesk.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.infodesk.monitoring.internal.Matching;
import io.infodesk.monitoring.internal.TextAnalysis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar infodesk.jar match [--defaults] FILE.jsonl} (issue 14 point 6): matches one {@code {id, title,
 * text}} per line and writes one {@link MatchJson} per line to stdout; logs go to stderr. With {@code --defaults} the
 * shipped default schemes are used and nothing else starts; without, the application context starts without a web
 * server on the configured database and uses its enabled schemes. A line that is not such an object gets
 * {@code {"id":null,"error":"…"}} (at its place, so outputs stay aligned with inputs). Exit code 0, 2 on bad usage.
 */
public final class MatchCommand {

	static final String USAGE = "usage: java -jar infodesk.jar match [--defaults] FILE.jsonl";

	/** Built on first use: {@link #wanted} runs at every start of the application, which needs no mapper. */
	private static final class Json {

		static final ObjectMapper MAPPER = JsonMapper.builder().build();

	}

	private MatchCommand() {
	}

	/** Whether the program's arguments ask for this command. */
	public static boolean wanted(String[] args) {
		return args.length > 0 && args[0].equals("match");
	}

	/** Called by {@code InfoDeskApplication.main}: stdout carries only the results, everything else goes to stderr. */
	public static void main(Class<?> application, String[] args) {
		PrintStream results = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
				StandardCharsets.UTF_8);
		System.setOut(System.err);
		ConfigurableApplicationContext[] context = new ConfigurableApplicationContext[1];
		Supplier<TextAnalysis> fromDatabase = () -> {
			context[0] = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.properties("spring.main.banner-mode=off")
				.run(dropCommand(args));
			return context[0].getBean(Matching.class).analysis();
		};
		int code;
		try {
			code = run(List.of(args), results, System.err, fromDatabase);
		}
		finally {
			if (context[0] != null) {
				context[0].close();
			}
		}
		results.flush();
		System.exit(code);
	}

	private static String[] dropCommand(String[] args) {
		return java.util.Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--infodesk."))
			.toArray(String[]::new);
	}

	/** The command itself, with its streams and the schemes of the database passed in (for tests). */
	public static int run(List<String> args, PrintStream out, PrintStream err, Supplier<TextAnalysis> fromDatabase) {
		List<String> rest = new ArrayList<>(args);
		if (!rest.isEmpty() && rest.get(0).equals("match")) {
			rest.remove(0);
		}
		boolean defaults = rest.remove("--defaults");
		rest.removeIf(a -> a.startsWith("--spring.") || a.startsWith("--infodesk."));
		if (rest.size() != 1) {
			err.println(USAGE);
			return 2;
		}
		Path file = Path.of(rest.get(0));
		if (!Files.isReadable(file)) {
			err.println("cannot read " + file);
			err.println(USAGE);
			return 2;
		}
		long started = System.nanoTime();
		TextAnalysis analysis = defaults ? Matching.defaults() : fromDatabase.get();
		int lines = 0;
		int errors = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				lines++;
				String answer;
				try {
					JsonNode node = Json.MAPPER.readTree(line);
					if (!node.isObject()) {
						throw new IllegalArgumentException("not a JSON object");
					}
					JsonNode id = node.get("id");
					Object idValue = id == null || id.isNull() ? null : id.isNumber() ? id.numberValue() : id.asString();
					MatchResult result = analysis.analyse(String.valueOf(idValue), text(node, "title"), text(node, "text"));
					answer = Json.MAPPER.writeValueAsString(MatchJson.of(idValue, result));
				}
				catch (RuntimeException bad) {
					errors++;
					err.println("line " + lines + ": " + bad.getMessage());
					tools.jackson.databind.node.ObjectNode refused = Json.MAPPER.createObjectNode();
					refused.putNull("id");
					refused.put("error", "line " + lines + " is not a JSON object {id, title, text}");
					answer = Json.MAPPER.writeValueAsString(refused);
				}
				out.println(answer);
			}
		}
		catch (IOException ex) {
			err.println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		out.flush();
		err.printf("matched %d lines (%d refused) in %d ms with %d schemes%n", lines, errors,
				(System.nanoTime() - started) / 1_000_000, analysis.matcher().schemes().size());
		return 0;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

}
