package io.infodesk.monitoring.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * The negativity score (0.0 … 1.0) of a text from the lexicon shipped in {@code monitoring/negativity-lexicon.txt}
 * (its header names where the words come from). Longest words win where they overlap; a negative word with a
 * negator (不, 未, 没有, 杜绝 …) in the four characters before it, inside the same clause, does not count; positive
 * words lower the sum. Score = 1 − e^(−max(0, negative − ½ positive) / 4): one strong word ≈ 0.5, three ≈ 0.9.
 */
public final class Negativity {

	private record Entry(int weight, boolean positive) {

	}

	private record Found(int begin, int end, Entry entry) {

	}

	private static final String CLAUSE_ENDS = "。！？!?；;，,\n";

	private static final int NEGATION_WINDOW = 4;

	/** Words that begin with a negator but do not negate ("不断上访" is still 上访). */
	private static final List<String> NOT_NEGATORS = List.of("不断", "不少", "不停", "不止", "不仅", "不知", "不到");

	private final AhoCorasickDoubleArrayTrie<Entry> trie = new AhoCorasickDoubleArrayTrie<>();

	private final List<String> negators;

	private Negativity(TreeMap<String, Entry> words, List<String> negators) {
		trie.build(words);
		this.negators = List.copyOf(negators);
	}

	/** The lexicon shipped with the project. */
	public static Negativity shipped() {
		try (InputStream in = Negativity.class.getResourceAsStream("/monitoring/negativity-lexicon.txt")) {
			if (in == null) {
				throw new IllegalStateException("monitoring/negativity-lexicon.txt missing from the classpath");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Negativity parse(String lexicon) {
		TreeMap<String, Entry> words = new TreeMap<>();
		List<String> negators = new ArrayList<>();
		String section = "";
		try (BufferedReader reader = new BufferedReader(new java.io.StringReader(lexicon))) {
			String line;
			while ((line = reader.readLine()) != null) {
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				if (line.startsWith("[")) {
					section = line;
					continue;
				}
				if (section.equals("[negator]")) {
					negators.add(line);
					continue;
				}
				String[] parts = line.split("\\s+", 2);
				words.put(parts[1], new Entry(Integer.parseInt(parts[0]), section.equals("[positive]")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Negativity(words, negators);
	}

	public double score(String text) {
		if (text == null || text.isEmpty()) {
			return 0.0;
		}
		List<Found> found = new ArrayList<>();
		trie.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<Entry>) (b, e, v) -> found.add(new Found(b, e, v)));
		found.sort(Comparator.comparingInt(Found::begin).thenComparing(Comparator.comparingInt(Found::end).reversed()));
		double negative = 0;
		double positive = 0;
		int covered = -1;
		for (Found f : found) {
			if (f.begin() < covered) {
				continue; // inside a longer word already counted
			}
			covered = f.end();
			if (f.entry().positive()) {
				positive += f.entry().weight();
			}
			else if (!negated(text, f.begin())) {
				negative += f.entry().weight();
			}
		}
		double net = Math.max(0, negative - positive / 2);
		double score = 1 - Math.exp(-net / 4);
		return Math.round(score * 100) / 100.0;
	}

	private boolean negated(String text, int begin) {
		int from = begin;
		while (from > 0 && begin - from < NEGATION_WINDOW && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
			from--;
		}
		String before = text.substring(from, begin);
		for (String notNegator : NOT_NEGATORS) {
			before = before.replace(notNegator, "");
		}
		for (String negator : negators) {
			if (before.contains(negator)) {
				return true;
			}
		}
		return false;
	}

}
