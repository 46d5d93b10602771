package io.infodesk.monitoring.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

/**
 * 64-bit SimHash over the words of a text segmented by HanLP (portable 1.8.6): punctuation, particles, prepositions,
 * conjunctions and one-character function words are left out, each remaining word weighs by its frequency. Reprints
 * whose headline or a sentence was edited stay within {@link #NEAR} bits; unrelated texts are about 32 bits apart.
 */
public final class SimHash {

	/** Hamming distance up to which two texts are near-duplicates. */
	public static final int NEAR = 8;

	private SimHash() {
	}

	public static long of(String text) {
		Map<String, Integer> counts = new HashMap<>();
		List<Term> terms = HanLP.segment(text == null ? "" : text);
		for (Term term : terms) {
			String nature = term.nature == null ? "" : term.nature.toString();
			String word = term.word.strip();
			if (word.isEmpty() || nature.startsWith("w") || nature.startsWith("u") || nature.startsWith("p")
					|| nature.startsWith("c") || nature.startsWith("y") || nature.startsWith("e")
					|| (word.length() == 1 && !Character.isLetterOrDigit(word.charAt(0)))) {
				continue;
			}
			counts.merge(word, 1, Integer::sum);
		}
		int[] v = new int[64];
		counts.forEach((word, count) -> {
			long h = hash(word);
			for (int bit = 0; bit < 64; bit++) {
				v[bit] += ((h >>> bit) & 1) == 1 ? count : -count;
			}
		});
		long result = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (v[bit] > 0) {
				result |= 1L << bit;
			}
		}
		return result;
	}

	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** FNV-1a 64 with a final avalanche (SplitMix64), so that short words spread over all bits. */
	static long hash(String word) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < word.length(); i++) {
			h ^= word.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 30;
		h *= 0xbf58476d1ce4e5b9L;
		h ^= h >>> 27;
		h *= 0x94d049bb133111ebL;
		h ^= h >>> 31;
		return h;
	}

}
