package io.infodesk.monitoring.web;

import java.util.ArrayList;
import java.util.List;

import io.infodesk.monitoring.internal.Scheme;

/**
 * Splits a text into plain and matched pieces, so templates mark the matched words with {@code <mark>} through
 * {@code th:text} alone (no unescaped HTML). Matching is on the normalised text (full width, case), positions kept.
 */
final class Highlights {

	/** One piece of text, marked or not. */
	record Piece(String text, boolean marked) {

	}

	private Highlights() {
	}

	static List<Piece> of(String text, List<String> words) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		String normal = Scheme.normalise(text);
		boolean[] marked = new boolean[text.length()];
		for (String word : words) {
			String w = Scheme.normalise(word);
			if (w.isEmpty()) {
				continue;
			}
			for (int at = normal.indexOf(w); at >= 0; at = normal.indexOf(w, at + 1)) {
				for (int i = at; i < at + w.length(); i++) {
					marked[i] = true;
				}
			}
		}
		List<Piece> pieces = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= text.length(); i++) {
			if (i == text.length() || marked[i] != marked[start]) {
				pieces.add(new Piece(text.substring(start, i), marked[start]));
				start = i;
			}
		}
		return pieces;
	}

	/** At most {@code max} characters of the text, starting a little before the first matched word. */
	static String excerpt(String text, List<String> words, int max) {
		if (text == null || text.length() <= max) {
			return text == null ? "" : text;
		}
		String normal = Scheme.normalise(text);
		int first = words.stream().map(w -> normal.indexOf(Scheme.normalise(w))).filter(i -> i >= 0).min(Integer::compare)
			.orElse(0);
		int from = Math.max(0, Math.min(first - 20, text.length() - max));
		return (from > 0 ? "…" : "") + text.substring(from, from + max) + (from + max < text.length() ? "…" : "");
	}

}
