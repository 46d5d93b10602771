package io.infodesk.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.infodesk.monitoring.MatchResult;
import io.infodesk.monitoring.Topic;

/**
 * One text through the compiled schemes, the negativity lexicon and the level rules: the {@link MatchResult} of
 * the API, the {@code match} command and the stored items. Pure Java (no Spring), so the command runs it without
 * starting anything.
 */
public final class TextAnalysis {

	private final SchemeMatcher matcher;

	private final Negativity negativity;

	private final AlertLevels levels;

	public TextAnalysis(SchemeMatcher matcher, Negativity negativity, AlertLevels levels) {
		this.matcher = matcher;
		this.negativity = negativity;
		this.levels = levels;
	}

	public AlertLevels levels() {
		return levels;
	}

	public SchemeMatcher matcher() {
		return matcher;
	}

	public MatchResult analyse(String id, String title, String text) {
		return analyse(id, title, text, null, 1);
	}

	/** With the source tier (null if unknown) and the spread (sources carrying the text's cluster). */
	public MatchResult analyse(String id, String title, String text, Integer tier, int spread) {
		String whole = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
		List<SchemeMatcher.SchemeHit> hits = matcher.match(whole);
		double score = negativity.score(whole);
		if (hits.isEmpty()) {
			return new MatchResult(id, false, List.of(), List.of(), List.of(), List.of(), score, null, 0);
		}
		boolean relevant = false;
		List<String> schemes = new ArrayList<>();
		Set<Integer> classes = new TreeSet<>();
		Set<Topic> topics = new TreeSet<>();
		Set<String> words = new LinkedHashSet<>();
		int weight = 0;
		for (SchemeMatcher.SchemeHit hit : hits) {
			Scheme scheme = hit.scheme();
			relevant |= scheme.relevant();
			schemes.add(scheme.name());
			if (scheme.classNo() != null) {
				classes.add(scheme.classNo());
			}
			if (scheme.topic() != null) {
				topics.add(scheme.topic());
			}
			words.addAll(hit.words());
			weight = Math.max(weight, scheme.weight());
		}
		return new MatchResult(id, relevant, schemes, List.copyOf(classes), List.copyOf(topics), List.copyOf(words),
				score, levels.level(weight, tier, score, spread), weight);
	}

}
