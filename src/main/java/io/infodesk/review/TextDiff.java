package io.infodesk.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between two texts, for the drafter to see what a reviewer changed (S3.1-b) and for an
 * editor whose save met a newer version. Paragraphs are compared first; within paragraphs that changed,
 * characters (Chinese has no spaces between words) or whole Latin words and numbers. Bounded work: very
 * long changed stretches are shown as a whole deletion and insertion.
 */
public final class TextDiff {

	/** What a segment is: unchanged, only in the newer text, only in the older text. */
	public enum Op {

		EQUAL, INSERT, DELETE

	}

	public record Segment(Op op, String text) {

		public boolean isInsert() {
			return op == Op.INSERT;
		}

		public boolean isDelete() {
			return op == Op.DELETE;
		}

	}

	/** A changed stretch longer than this many token pairs is not compared token by token. */
	static final long MAX_CELLS = 4_000_000L;

	private TextDiff() {
	}

	/** Segments turning {@code older} into {@code newer}; lines are separated by "\n" in the segments. */
	public static List<Segment> between(String older, String newer) {
		List<String> a = lines(older);
		List<String> b = lines(newer);
		List<Segment> result = new ArrayList<>();
		List<Edit<String>> edits = diff(a, b);
		List<String> deleted = new ArrayList<>();
		List<String> inserted = new ArrayList<>();
		for (Edit<String> edit : edits) {
			if (edit.op == Op.EQUAL) {
				flush(deleted, inserted, result);
				append(result, Op.EQUAL, edit.token + "\n");
			}
			else if (edit.op == Op.DELETE) {
				deleted.add(edit.token);
			}
			else {
				inserted.add(edit.token);
			}
		}
		flush(deleted, inserted, result);
		if (!result.isEmpty()) {
			Segment last = result.get(result.size() - 1);
			if (last.text().endsWith("\n")) {
				result.set(result.size() - 1, new Segment(last.op(), last.text().substring(0, last.text().length() - 1)));
				if (result.get(result.size() - 1).text().isEmpty()) {
					result.remove(result.size() - 1);
				}
			}
		}
		return result;
	}

	/** True when the texts differ. */
	public static boolean changed(List<Segment> segments) {
		return segments.stream().anyMatch(segment -> segment.op() != Op.EQUAL);
	}

	private static void flush(List<String> deleted, List<String> inserted, List<Segment> result) {
		if (deleted.isEmpty() && inserted.isEmpty()) {
			return;
		}
		String older = deleted.isEmpty() ? "" : String.join("\n", deleted) + "\n";
		String newer = inserted.isEmpty() ? "" : String.join("\n", inserted) + "\n";
		List<String> a = tokens(older);
		List<String> b = tokens(newer);
		if (older.isEmpty() || newer.isEmpty() || (long) a.size() * b.size() > MAX_CELLS) {
			append(result, Op.DELETE, older);
			append(result, Op.INSERT, newer);
		}
		else {
			for (Edit<String> edit : diff(a, b)) {
				append(result, edit.op, edit.token);
			}
		}
		deleted.clear();
		inserted.clear();
	}

	private static void append(List<Segment> result, Op op, String text) {
		if (text.isEmpty()) {
			return;
		}
		if (!result.isEmpty() && result.get(result.size() - 1).op() == op) {
			Segment last = result.remove(result.size() - 1);
			result.add(new Segment(op, last.text() + text));
		}
		else {
			result.add(new Segment(op, text));
		}
	}

	private static List<String> lines(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return List.of(text.replace("\r\n", "\n").split("\n", -1));
	}

	/** Latin letters and digits stay together as words; every other character is a token of its own. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int start = i;
			if (isWordChar(text.charAt(i))) {
				while (i < text.length() && isWordChar(text.charAt(i))) {
					i++;
				}
			}
			else {
				i += Character.charCount(text.codePointAt(i));
			}
			tokens.add(text.substring(start, i));
		}
		return tokens;
	}

	private static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '%';
	}

	private record Edit<T>(Op op, T token) {
	}

	/** Longest common subsequence by dynamic programming over the part between common prefix and suffix. */
	private static <T> List<Edit<T>> diff(List<T> a, List<T> b) {
		int prefix = 0;
		while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < a.size() - prefix && suffix < b.size() - prefix
				&& a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
			suffix++;
		}
		List<Edit<T>> edits = new ArrayList<>();
		for (int i = 0; i < prefix; i++) {
			edits.add(new Edit<>(Op.EQUAL, a.get(i)));
		}
		List<T> x = a.subList(prefix, a.size() - suffix);
		List<T> y = b.subList(prefix, b.size() - suffix);
		int n = x.size();
		int m = y.size();
		if ((long) n * m > MAX_CELLS) {
			x.forEach(token -> edits.add(new Edit<>(Op.DELETE, token)));
			y.forEach(token -> edits.add(new Edit<>(Op.INSERT, token)));
		}
		else {
			int[][] lcs = new int[n + 1][m + 1];
			for (int i = n - 1; i >= 0; i--) {
				for (int j = m - 1; j >= 0; j--) {
					lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1
							: Math.max(lcs[i + 1][j], lcs[i][j + 1]);
				}
			}
			int i = 0;
			int j = 0;
			while (i < n && j < m) {
				if (x.get(i).equals(y.get(j))) {
					edits.add(new Edit<>(Op.EQUAL, x.get(i)));
					i++;
					j++;
				}
				else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
					edits.add(new Edit<>(Op.DELETE, x.get(i++)));
				}
				else {
					edits.add(new Edit<>(Op.INSERT, y.get(j++)));
				}
			}
			while (i < n) {
				edits.add(new Edit<>(Op.DELETE, x.get(i++)));
			}
			while (j < m) {
				edits.add(new Edit<>(Op.INSERT, y.get(j++)));
			}
		}
		for (int k = b.size() - suffix; k < b.size(); k++) {
			edits.add(new Edit<>(Op.EQUAL, b.get(k)));
		}
		return edits;
	}

}
