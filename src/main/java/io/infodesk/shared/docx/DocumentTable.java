package io.infodesk.shared.docx;

import java.util.Arrays;
import java.util.List;

/**
 * A table in the body of an official document, e.g. a ranking (排名) in a 通报: a header row in bold that repeats
 * on every page, single borders, every row kept on one page, cells centred, the whole as wide as the 版心. GB/T
 * 9704-2012 does not lay out tables inside the text (clause 9.1 only says that a landscape A4 table keeps its page
 * number at the binding side); the text is 4号仿宋 by default so that ranking tables of several columns fit.
 *
 * @param header the header row
 * @param rows the body rows, each as long as the header
 * @param widths relative column widths (empty: equal columns)
 * @param fontSize size of the text in points
 */
public record DocumentTable(List<String> header, List<List<String>> rows, int[] widths, int fontSize) {

	public DocumentTable {
		header = List.copyOf(header);
		rows = rows.stream().map(List::copyOf).toList();
		widths = widths == null ? new int[0] : widths.clone();
		if (header.isEmpty()) {
			throw new IllegalArgumentException("A table needs at least one column");
		}
		for (List<String> row : rows) {
			if (row.size() != header.size()) {
				throw new IllegalArgumentException("Every row has " + header.size() + " cells: " + row);
			}
		}
		if (widths.length != 0 && widths.length != header.size()) {
			throw new IllegalArgumentException("One width per column");
		}
	}

	/** A table with equal columns in 4号. */
	public static DocumentTable of(List<String> header, List<List<String>> rows) {
		return new DocumentTable(header, rows, new int[0], GbT9704.SIZE_4);
	}

	/** The same table with relative column widths, e.g. {@code widths(1, 4, 2, 2)}. */
	public DocumentTable withWidths(int... relative) {
		return new DocumentTable(header, rows, relative, fontSize);
	}

	/** The same table in another size (points). */
	public DocumentTable withFontSize(int points) {
		return new DocumentTable(header, rows, widths, points);
	}

	/** Column widths in twips, summing to the 版心 width. */
	int[] columnWidths() {
		int[] relative = widths.length == 0 ? filled(header.size()) : widths;
		int total = Arrays.stream(relative).sum();
		int[] twips = new int[relative.length];
		int used = 0;
		for (int i = 0; i < relative.length; i++) {
			twips[i] = i == relative.length - 1 ? GbT9704.TEXT_WIDTH - used
					: (int) ((long) GbT9704.TEXT_WIDTH * relative[i] / total);
			used += twips[i];
		}
		return twips;
	}

	private static int[] filled(int columns) {
		int[] ones = new int[columns];
		Arrays.fill(ones, 1);
		return ones;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DocumentTable that && header.equals(that.header) && rows.equals(that.rows)
				&& Arrays.equals(widths, that.widths) && fontSize == that.fontSize;
	}

	@Override
	public int hashCode() {
		return 31 * (31 * header.hashCode() + rows.hashCode()) + Arrays.hashCode(widths) + fontSize;
	}

	@Override
	public String toString() {
		return "DocumentTable" + header + rows;
	}

}
