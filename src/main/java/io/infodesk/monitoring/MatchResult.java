package io.infodesk.monitoring;

import java.util.List;

/**
 * What the schemes say of one text (issue 14 point 6): relevant when 住建领域 or a hot spot matched, the names of
 * the matched schemes, the S3.5-b classes (1 … 6), the hot-spot topics, the matched words (for highlighting), the
 * negativity score (0.0 … 1.0) and the alert level ({@code null} when no scheme matched).
 */
public record MatchResult(String id, boolean relevant, List<String> schemes, List<Integer> classes, List<Topic> topics,
		List<String> words, double negativity, AlertLevel level, int weight) {

	public boolean matched() {
		return !schemes.isEmpty();
	}

}
