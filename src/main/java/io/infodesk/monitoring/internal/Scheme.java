package io.infodesk.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.infodesk.monitoring.Topic;

/**
 * A keyword scheme (监测方案): word groups — region (地域词), subject (主体词), event (事件词) — joined by AND (every
 * non-empty group must match) or OR (any group), an exclusion group (排除词, NOT: one of its words voids the match),
 * and an optional proximity window: with AND, one word of every group inside that many characters. Within a group
 * the words are alternatives (OR). A scheme is {@code relevant} when a match means "住建领域" (the domain scheme and
 * the hot spots), may carry a hot-spot topic and an S3.5-b class, and has a weight (1 … 5) for the alert level.
 */
public record Scheme(Long id, String code, String name, boolean relevant, Topic topic, Integer classNo, Logic logic,
		Integer proximity, int weight, List<String> region, List<String> subject, List<String> event,
		List<String> exclusion, boolean enabled) {

	/** How the positive groups combine. */
	public enum Logic {

		AND, OR

	}

	/** Most words a scheme may hold (all groups together). */
	public static final int MAX_WORDS = 3000;

	/** Longest word accepted. */
	public static final int MAX_WORD_LENGTH = 30;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；|]+");

	public Scheme {
		region = List.copyOf(region);
		subject = List.copyOf(subject);
		event = List.copyOf(event);
		exclusion = List.copyOf(exclusion);
	}

	/** The positive groups in order region, subject, event (possibly empty lists). */
	public List<List<String>> groups() {
		return List.of(region, subject, event);
	}

	public int wordCount() {
		return region.size() + subject.size() + event.size() + exclusion.size();
	}

	/** Splits a group as typed in the form (spaces, commas, 、 or new lines between words), trimmed and distinct. */
	public static List<String> words(String typed) {
		if (typed == null || typed.isBlank()) {
			return List.of();
		}
		Set<String> words = new LinkedHashSet<>();
		for (String word : SEPARATORS.split(typed.strip())) {
			if (!word.isBlank()) {
				words.add(word.strip());
			}
		}
		return new ArrayList<>(words);
	}

	/** A group as stored and shown in the form: words separated by a space. */
	public static String joined(List<String> words) {
		return String.join(" ", words);
	}

	/**
	 * Normalises text and words alike, keeping every character at its index: full-width ASCII to half-width,
	 * Latin letters to lower case (so that highlight positions stay those of the original text).
	 */
	public static String normalise(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				c = ' ';
			}
			chars[i] = Character.toLowerCase(c);
		}
		return new String(chars);
	}

	static String normaliseWord(String word) {
		return normalise(word).toLowerCase(Locale.ROOT);
	}

	/**
	 * The first rule the scheme breaks, as a message key with its arguments (see {@link SchemeInvalid}), or nothing:
	 * a name, a code, at least one positive group (a NOT-only scheme matches nothing), with AND no empty group
	 * among those marked used, at most {@link #MAX_WORDS} words each at most {@link #MAX_WORD_LENGTH} long,
	 * proximity 5 … 500 characters, weight 1 … 5.
	 */
	public void validate() {
		if (name == null || name.isBlank()) {
			throw new SchemeInvalid("monitoring.scheme.error.name");
		}
		if (code == null || !code.matches("[A-Za-z0-9_\\-]{1,40}")) {
			throw new SchemeInvalid("monitoring.scheme.error.code");
		}
		boolean positive = !region.isEmpty() || !subject.isEmpty() || !event.isEmpty();
		if (!positive && !exclusion.isEmpty()) {
			throw new SchemeInvalid("monitoring.scheme.error.notOnly");
		}
		if (!positive) {
			throw new SchemeInvalid("monitoring.scheme.error.empty");
		}
		if (wordCount() > MAX_WORDS) {
			throw new SchemeInvalid("monitoring.scheme.error.tooMany", wordCount(), MAX_WORDS);
		}
		for (List<String> group : List.of(region, subject, event, exclusion)) {
			for (String word : group) {
				if (word.length() > MAX_WORD_LENGTH) {
					throw new SchemeInvalid("monitoring.scheme.error.tooLong", word.substring(0, 10) + "…",
							MAX_WORD_LENGTH);
				}
			}
		}
		if (proximity != null && (proximity < 5 || proximity > 500)) {
			throw new SchemeInvalid("monitoring.scheme.error.proximity");
		}
		if (proximity != null && logic == Logic.OR) {
			throw new SchemeInvalid("monitoring.scheme.error.proximityOr");
		}
		if (weight < 1 || weight > 5) {
			throw new SchemeInvalid("monitoring.scheme.error.weight");
		}
		if (classNo != null && (classNo < 1 || classNo > 6)) {
			throw new SchemeInvalid("monitoring.scheme.error.classNo");
		}
	}

}
