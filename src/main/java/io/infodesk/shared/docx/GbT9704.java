package io.infodesk.shared.docx;

import java.time.LocalDate;
import java.util.List;

import io.infodesk.shared.time.DateFormats;

/**
 * The figures of GB/T 9704-2012 《党政机关公文格式》 that the {@link OfficialDocument} writer lays out, in
 * the units of WordprocessingML: lengths in twentieths of a point (twips, 1 mm ≈ 56.69 twips), font sizes in
 * points. Kept in one place so that tests and callers read the same numbers the writer uses.
 *
 * <p>Page and 版心 (clause 5.2.1, 5.2.2): A4 210 × 297 mm; 天头 (top margin) 37 mm, 订口 (left margin) 28 mm;
 * 版心 156 × 225 mm, so the right margin is 26 mm and the bottom margin 35 mm. Lines and characters (5.2.4):
 * 22 lines of 28 characters a page, filling the 版心 — a line grid with a pitch of 225 mm / 22, and characters
 * condensed to a pitch of 156 mm / 28. Fonts and sizes (5.2.3, 7.2.4, 7.3.1, 7.3.3, 7.5): 3号仿宋 by default, 2号
 * 小标宋 for the title, 黑体 and 楷体 for the first two levels of headings, 4号半角宋体 for page numbers.
 */
public final class GbT9704 {

	/** A4 width, 210 mm (clause 5.2.1). */
	public static final int PAGE_WIDTH = 11906;

	/** A4 height, 297 mm (clause 5.2.1). */
	public static final int PAGE_HEIGHT = 16838;

	/** 天头 37 mm (clause 5.2.2: 37 mm ± 1 mm). */
	public static final int MARGIN_TOP = mm(37);

	/** 订口 28 mm (clause 5.2.2: 28 mm ± 1 mm). */
	public static final int MARGIN_LEFT = mm(28);

	/** 210 − 28 − 156 = 26 mm, so that the 版心 is 156 mm wide (clause 5.2.2). */
	public static final int MARGIN_RIGHT = mm(26);

	/** 297 − 37 − 225 = 35 mm, so that the 版心 is 225 mm high (clause 5.2.2). */
	public static final int MARGIN_BOTTOM = mm(35);

	/** Width of the 版心 in twips (≈ 156 mm). */
	public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

	/** Height of the 版心 in twips (≈ 225 mm). */
	public static final int TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

	/** Lines a page (clause 5.2.4). */
	public static final int LINES_PER_PAGE = 22;

	/** Characters a line (clause 5.2.4). */
	public static final int CHARACTERS_PER_LINE = 28;

	/**
	 * Line pitch: the 版心 height divided by 22, rounded down so that 22 lines always fit (579 twips =
	 * 28.95 pt). Body text uses it as exact line spacing and the section's document grid uses it as pitch.
	 */
	public static final int LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE;

	/**
	 * Character pitch: the 版心 width divided by 28, rounded down so that 28 characters always fit and a 29th never
	 * does (315 twips = 15.75 pt; a 3号 character is 16 pt, and 28 of them, 448 pt, would not fit the 442.25 pt).
	 */
	public static final int CHARACTER_PITCH = TEXT_WIDTH / CHARACTERS_PER_LINE;

	/**
	 * Character spacing of every run in twips (w:spacing of the run properties, "condensed by 0.25 pt"): a 3号
	 * character plus this is {@link #CHARACTER_PITCH}. It is what makes 28 characters a line in Word and in
	 * LibreOffice alike; see docs/documents.md for why not the "lines and characters" grid.
	 */
	public static final int CHARACTER_SPACING = CHARACTER_PITCH - GbT9704.SIZE_3 * 20;

	/** 3号 (16 pt): the default size of every element (clause 5.2.3). */
	public static final int SIZE_3 = 16;

	/** 2号 (22 pt): the title (clause 7.3.1). */
	public static final int SIZE_2 = 22;

	/** 4号 (14 pt): page numbers (7.5) and the 版记 (7.4.2, 7.4.3). */
	public static final int SIZE_4 = 14;

	/** 小初 (36 pt): default size of a periodical's or issuer's red mark (7.2.4 leaves the size to the issuer). */
	public static final int SIZE_SMALL_0 = 36;

	/** 仿宋_GB2312, the body font (clause 5.2.3); the font table names 仿宋 as its substitute. */
	public static final String FANGSONG = "仿宋_GB2312";

	/** 楷体_GB2312, the second level of headings (clause 7.3.3); substitute 楷体. */
	public static final String KAITI = "楷体_GB2312";

	/** 黑体, the first level of headings (clause 7.3.3). */
	public static final String HEITI = "黑体";

	/** 方正小标宋简体, the recommended face of the issuer mark and the title (7.2.4, 7.3.1); substitute 华文中宋. */
	public static final String XIAOBIAOSONG = "方正小标宋简体";

	/** 宋体, the page numbers (clause 7.5). */
	public static final String SONGTI = "宋体";

	/** Red of the 版头 and its separator line (clause 7.2.4, 7.2.7: "红色"). */
	public static final String RED = "FF0000";

	/** Thick line of the 版记, 0.35 mm ≈ 1 pt, in eighths of a point (clause 7.4.1). */
	public static final int IMPRINT_THICK_LINE = 8;

	/** Thin line of the 版记, 0.25 mm ≈ 0.75 pt, in eighths of a point (clause 7.4.1). */
	public static final int IMPRINT_THIN_LINE = 6;

	/** The red separator of the 版头 in eighths of a point (7.2.7 gives no width; 1.5 pt is the usual choice). */
	public static final int MASTHEAD_LINE = 12;

	/** 7 mm between the 版心 and the top of the page number line (clause 7.5). */
	public static final int PAGE_NUMBER_GAP = mm(7);

	private GbT9704() {
	}

	/** Millimetres to twips, rounded. */
	public static int mm(double millimetres) {
		return (int) Math.round(millimetres * 1440 / 25.4);
	}

	/**
	 * A date as 成文日期 and 印发日期 are written (clause 7.3.5.1, 7.4.3): Arabic numerals, the full year, months and
	 * days without a leading zero — 2026年1月5日.
	 */
	public static String date(LocalDate date) {
		return DateFormats.chineseDate(date);
	}

	/**
	 * Width of a text in characters of its size: a CJK or other full-width character counts 1, an ASCII character
	 * (半角 digits and letters) ½. Used to centre the 成文日期 under the issuer's name (7.3.5.2).
	 */
	public static double characters(String text) {
		double width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += text.charAt(i) < 0x80 ? 0.5 : 1;
		}
		return width;
	}

	/**
	 * How wide a line of a mark or title lays out, in characters of its size, as the office suites draw it: a CJK
	 * character 1, an ASCII character 0.6 (the digits of the fallback faces are wider than half an em), and ¼ for each
	 * switch between the two (Word and LibreOffice put a little space between Chinese and Latin text). Measured on
	 * LibreOffice 7.4: "关于2026年11月信息宣传工作情况的通报" (19.6) fits one 2号 line, "…11月份…" (20.6) wraps.
	 */
	static double laidOutWidth(String text) {
		double width = 0;
		boolean previousAscii = false;
		for (int i = 0; i < text.length(); i++) {
			boolean ascii = text.charAt(i) < 0x80;
			width += ascii ? 0.6 : 1;
			if (i > 0 && ascii != previousAscii) {
				width += 0.25;
			}
			previousAscii = ascii;
		}
		return width;
	}

	/** How many characters of a size one line of the 版心 holds (2号: 20). */
	static double lineCharacters(int points) {
		return TEXT_WIDTH / 20.0 / points;
	}

	/**
	 * The size of a red mark (发文机关标志, a periodical's name) that keeps it on one line: the issuer's size, or less
	 * for a long name — "区住房和城乡建设局办公室文件" at 小初 (36 pt) is 504 pt, wider than the 版心's 442 pt, and
	 * wrapped "文件" onto a line of its own. 7.2.4 leaves the size to the issuer ("醒目、美观、庄重").
	 */
	static int markSizeToFit(String mark, int points) {
		double width = laidOutWidth(mark);
		int fit = (int) Math.floor((TEXT_WIDTH / 20.0 - 4) / width);
		return Math.max(SIZE_3, Math.min(points, fit));
	}

	private static final String CLOSING = "，。、；：！？）》」』”’%";

	private static final String OPENING = "（《「『“‘";

	/**
	 * The lines of a title (7.3.1: "回行时，要做到词意完整，排列对称，长短适宜"): one line when it fits a 2号 line,
	 * else two or more, each broken where a phrase ends — after 关于, 年, 月份, 度, 周, 的, 和, 及, 与, 暨, 、 or ， or before a bracket or quotation — as near
	 * the middle as such a place is, never inside a run of digits or letters, never before a closing or after an
	 * opening mark. "关于2026年11月份信息宣传工作情况的通报" is "关于2026年11月份" and "信息宣传工作情况的通报", not a
	 * line of twenty characters and a lone "报".
	 */
	public static List<String> titleLines(String title) {
		double limit = lineCharacters(SIZE_2);
		List<String> lines = new java.util.ArrayList<>();
		String rest = title.strip();
		while (laidOutWidth(rest) > limit && rest.length() > 1) {
			int at = titleBreak(rest, limit);
			lines.add(rest.substring(0, at));
			rest = rest.substring(at);
		}
		lines.add(rest);
		return lines;
	}

	/** Where to break a title that is too long for one line ({@link #titleLines}). */
	private static int titleBreak(String text, double limit) {
		double half = laidOutWidth(text) / 2;
		int best = -1;
		double bestDistance = Double.MAX_VALUE;
		int fallback = -1;
		double fallbackDistance = Double.MAX_VALUE;
		for (int i = 1; i < text.length(); i++) {
			char before = text.charAt(i - 1);
			char after = text.charAt(i);
			if ((before < 0x80 && Character.isLetterOrDigit(before) && after < 0x80 && Character.isLetterOrDigit(after))
					|| CLOSING.indexOf(after) >= 0 || OPENING.indexOf(before) >= 0) {
				continue;
			}
			double first = laidOutWidth(text.substring(0, i));
			if (first > limit) {
				break;
			}
			double distance = Math.abs(first - half);
			if (phraseEnds(text, i) && distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
			if (distance < fallbackDistance) {
				fallback = i;
				fallbackDistance = distance;
			}
		}
		// a phrase end that leaves both lines at least a third of the title, else the most even place
		double total = laidOutWidth(text);
		if (best > 0 && laidOutWidth(text.substring(0, best)) >= total / 3
				&& laidOutWidth(text.substring(best)) >= total / 3) {
			return best;
		}
		return fallback > 0 ? fallback : text.length() / 2;
	}

	private static boolean phraseEnds(String text, int i) {
		String head = text.substring(0, i);
		char next = text.charAt(i);
		if (OPENING.indexOf(next) >= 0 || next == '"') {
			return true; // before a bracket or a quotation: "关于2026年第49周" / "（12月1日至12月7日）……"
		}
		if (head.endsWith("年") || head.endsWith("月")) {
			return next != '度' && next != '份' && next != '底' && next != '初';
		}
		for (String end : new String[] { "关于", "月份", "度", "周", "的", "和", "及", "与", "暨", "、", "，" }) {
			if (head.endsWith(end)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The Chinese numeral of a heading counter, 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the numbering
	 * "一、" and "（一）" of clause 7.3.3).
	 */
	public static String chineseNumber(int number) {
		if (number < 1 || number > 99) {
			throw new IllegalArgumentException("Heading numbers run from 1 to 99: " + number);
		}
		String digits = "零一二三四五六七八九";
		int tens = number / 10;
		int ones = number % 10;
		StringBuilder text = new StringBuilder();
		if (tens > 1) {
			text.append(digits.charAt(tens));
		}
		if (tens > 0) {
			text.append('十');
		}
		if (ones > 0) {
			text.append(digits.charAt(ones));
		}
		return text.toString();
	}

}
