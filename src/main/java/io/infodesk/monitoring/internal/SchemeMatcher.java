package io.infodesk.monitoring.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * All enabled schemes compiled into ONE Aho-Corasick automaton (double-array trie): one pass over a text finds
 * every word of every scheme, then each scheme's logic (groups with AND / OR, exclusion as NOT, proximity) is
 * decided on the hits alone. Immutable and thread-safe; {@link Matching} swaps a new one in atomically when a
 * scheme changes.
 */
public final class SchemeMatcher {

	/** Where a word is used: scheme index and group (0 region, 1 subject, 2 event, 3 exclusion). */
	private record Use(int scheme, int group) {

	}

	/** A word found at [begin, end) of the text. */
	public record Hit(int begin, int end, String word) {

	}

	/** One matched scheme and the words that made it match. */
	public record SchemeHit(Scheme scheme, List<String> words) {

	}

	private static final int EXCLUSION = 3;

	private final List<Scheme> schemes;

	private final AhoCorasickDoubleArrayTrie<Use[]> trie;

	private final int words;

	private SchemeMatcher(List<Scheme> schemes, AhoCorasickDoubleArrayTrie<Use[]> trie, int words) {
		this.schemes = schemes;
		this.trie = trie;
		this.words = words;
	}

	/** Compiles the enabled schemes among the given ones. */
	public static SchemeMatcher compile(List<Scheme> all) {
		List<Scheme> schemes = all.stream().filter(Scheme::enabled).toList();
		Map<String, List<Use>> uses = new TreeMap<>();
		for (int s = 0; s < schemes.size(); s++) {
			Scheme scheme = schemes.get(s);
			List<List<String>> groups = List.of(scheme.region(), scheme.subject(), scheme.event(), scheme.exclusion());
			for (int g = 0; g < groups.size(); g++) {
				for (String word : groups.get(g)) {
					uses.computeIfAbsent(Scheme.normaliseWord(word), w -> new ArrayList<>()).add(new Use(s, g));
				}
			}
		}
		TreeMap<String, Use[]> map = new TreeMap<>();
		uses.forEach((word, list) -> map.put(word, list.stream().distinct().toArray(Use[]::new)));
		AhoCorasickDoubleArrayTrie<Use[]> trie = new AhoCorasickDoubleArrayTrie<>();
		if (!map.isEmpty()) {
			trie.build(map);
		}
		return new SchemeMatcher(schemes, trie, map.size());
	}

	public List<Scheme> schemes() {
		return schemes;
	}

	/** Distinct words in the automaton. */
	public int size() {
		return words;
	}

	/** The schemes matching the text (title and body joined by the caller), in the order of the schemes. */
	public List<SchemeHit> match(String text) {
		if (words == 0 || text == null || text.isEmpty()) {
			return List.of();
		}
		String normal = Scheme.normalise(text);
		// per scheme, per group: the hits
		Map<Integer, List<List<Hit>>> found = new HashMap<>();
		trie.parseText(normal, (AhoCorasickDoubleArrayTrie.IHit<Use[]>) (begin, end, value) -> {
			for (Use use : value) {
				List<List<Hit>> groups = found.computeIfAbsent(use.scheme(), s -> emptyGroups());
				groups.get(use.group()).add(new Hit(begin, end, text.substring(begin, end)));
			}
		});
		if (found.isEmpty()) {
			return List.of();
		}
		List<SchemeHit> result = new ArrayList<>();
		for (int s = 0; s < schemes.size(); s++) {
			List<List<Hit>> groups = found.get(s);
			if (groups == null) {
				continue;
			}
			Scheme scheme = schemes.get(s);
			List<String> words = decide(scheme, groups);
			if (words != null) {
				result.add(new SchemeHit(scheme, words));
			}
		}
		return result;
	}

	private static List<List<Hit>> emptyGroups() {
		List<List<Hit>> groups = new ArrayList<>(4);
		for (int g = 0; g < 4; g++) {
			groups.add(new ArrayList<>(2));
		}
		return groups;
	}

	/** The matched words when the scheme matches, else null. */
	static List<String> decide(Scheme scheme, List<List<Hit>> hits) {
		if (!hits.get(EXCLUSION).isEmpty()) {
			return null;
		}
		List<List<String>> defined = scheme.groups();
		List<List<Hit>> required = new ArrayList<>();
		boolean any = false;
		for (int g = 0; g < 3; g++) {
			if (defined.get(g).isEmpty()) {
				continue;
			}
			List<Hit> groupHits = hits.get(g);
			if (groupHits.isEmpty()) {
				if (scheme.logic() == Scheme.Logic.AND) {
					return null;
				}
			}
			else {
				any = true;
				required.add(groupHits);
			}
		}
		if (!any) {
			return null;
		}
		if (scheme.logic() == Scheme.Logic.AND && scheme.proximity() != null && required.size() > 1
				&& !withinWindow(required, scheme.proximity())) {
			return null;
		}
		Set<String> words = new LinkedHashSet<>();
		for (List<Hit> group : required) {
			for (Hit hit : group) {
				words.add(hit.word());
			}
		}
		return List.copyOf(words);
	}

	/** Whether some window of {@code window} characters holds a hit of every group. */
	static boolean withinWindow(List<List<Hit>> groups, int window) {
		for (List<Hit> anchorGroup : groups) {
			for (Hit anchor : anchorGroup) {
				int from = anchor.begin();
				int to = from + window;
				boolean all = true;
				for (List<Hit> group : groups) {
					boolean inside = false;
					for (Hit hit : group) {
						if (hit.begin() >= from && hit.end() <= to) {
							inside = true;
							break;
						}
					}
					if (!inside) {
						all = false;
						break;
					}
				}
				if (all) {
					return true;
				}
			}
		}
		return false;
	}

}
