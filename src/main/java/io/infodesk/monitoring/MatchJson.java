package io.infodesk.monitoring;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the match output (endpoint and command, issue 14 point 6), exactly:
 * {@code {"id":…, "relevant":…, "schemes":[…], "classes":[1…6], "topics":[…], "words":[…], "negativity":0.0–1.0,
 * "level":"一般"|"较大"|"重大"|"特别重大"|null}}; {@code id} is echoed as given (number or string).
 */
@JsonPropertyOrder({ "id", "relevant", "schemes", "classes", "topics", "words", "negativity", "level" })
public record MatchJson(Object id, boolean relevant, List<String> schemes, List<Integer> classes, List<String> topics,
		List<String> words, double negativity, String level) {

	public static MatchJson of(Object id, MatchResult result) {
		return new MatchJson(id, result.relevant(), result.schemes(), result.classes(),
				result.topics().stream().map(Topic::name).toList(), result.words(), result.negativity(),
				result.level() == null ? null : result.level().label());
	}

}
