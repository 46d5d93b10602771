package io.infodesk.monitoring.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.infodesk.monitoring.MatchResult;

/**
 * Holds the compiled automaton of all enabled schemes and the level thresholds. {@link #rebuild} compiles a new
 * {@link TextAnalysis} aside and swaps it in with one reference write, so a match running meanwhile finishes on the
 * old one and no caller ever sees half a rebuild.
 */
@Component
public class Matching {

	private static final Logger log = LoggerFactory.getLogger(Matching.class);

	private final Negativity negativity = Negativity.shipped();

	private final AtomicReference<TextAnalysis> current = new AtomicReference<>();

	public void rebuild(List<Scheme> schemes, AlertLevels levels) {
		long started = System.nanoTime();
		TextAnalysis analysis = new TextAnalysis(SchemeMatcher.compile(schemes), negativity, levels);
		current.set(analysis);
		log.info("Monitoring automaton rebuilt: {} schemes, {} words, {} ms", analysis.matcher().schemes().size(),
				analysis.matcher().size(), (System.nanoTime() - started) / 1_000_000);
	}

	public TextAnalysis analysis() {
		TextAnalysis analysis = current.get();
		if (analysis == null) {
			throw new IllegalStateException("schemes not loaded yet");
		}
		return analysis;
	}

	public MatchResult match(String id, String title, String text) {
		return analysis().analyse(id, title, text);
	}

	/** The analysis of the shipped default schemes, without any database (the {@code match --defaults} command). */
	public static TextAnalysis defaults() {
		return new TextAnalysis(SchemeMatcher.compile(DefaultSchemes.all()), Negativity.shipped(), AlertLevels.DEFAULT);
	}

}
