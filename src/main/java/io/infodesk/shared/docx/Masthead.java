package io.infodesk.shared.docx;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The 版头 of an official document: a red mark centred at the top and the red separator line under it
 * (GB/T 9704-2012 clause 7.2). Two forms are built:
 * <ul>
 * <li>{@link Issuer}: a document of an issuing body — 发文机关标志 (7.2.4, e.g. "××区住房和城乡建设局文件"), the
 * 发文字号 (7.2.5, e.g. "×住建〔2026〕12号") two lines below it, and the separator 4 mm under the number
 * (7.2.7);</li>
 * <li>{@link Periodical}: a bulletin (简报) — the periodical's name in red, its issue (第12期, optionally 总第158期)
 * centred below, then the editing unit at the left and the date at the right on one line, and the red line
 * (the bulletin form of the 版头 as bureaus print it; PRACTICE.md "Official document layout").</li>
 * </ul>
 */
public sealed interface Masthead permits Masthead.Issuer, Masthead.Periodical {

	/** The red mark (发文机关标志 or the periodical's name). */
	String mark();

	/** Size of the red mark in points (GB/T 9704 7.2.4 leaves it to the issuer, "醒目、美观、庄重"). */
	int markSize();

	/**
	 * An issuing body's 版头 (clause 7.2.4 发文机关标志, 7.2.5 发文字号, 7.2.7 分隔线).
	 *
	 * @param mark the issuer mark in red, e.g. "××区住房和城乡建设局文件"
	 * @param documentNumber the 发文字号 ("×住建〔2026〕12号"), or {@code null} for none
	 * @param markSize size of the mark in points
	 */
	record Issuer(String mark, String documentNumber, int markSize) implements Masthead {

		public Issuer {
			Objects.requireNonNull(mark, "mark");
		}

	}

	/**
	 * A periodical's 报头 (bulletin form of clause 7.2: red name, issue, editing unit left and date right, red line).
	 *
	 * @param mark the periodical's name, e.g. "住建信息"
	 * @param issue the issue as printed, e.g. "第12期" or "增刊第1期"
	 * @param totalIssue the running number as printed, e.g. "总第158期", or {@code null}
	 * @param editingUnit the editing unit as printed, e.g. "××区住房和城乡建设局办公室编"
	 * @param date the date of the issue (written as 2026年11月27日)
	 * @param markSize size of the name in points
	 */
	record Periodical(String mark, String issue, String totalIssue, String editingUnit, LocalDate date, int markSize)
			implements Masthead {

		public Periodical {
			Objects.requireNonNull(mark, "mark");
			Objects.requireNonNull(issue, "issue");
			Objects.requireNonNull(editingUnit, "editingUnit");
			Objects.requireNonNull(date, "date");
		}

		/** The same 报头 with a running number ("总第158期", printed after the issue). */
		public Periodical withTotalIssue(String total) {
			return new Periodical(mark, issue, total, editingUnit, date, markSize);
		}

		/** The same 报头 with the name in another size (points). */
		public Periodical withMarkSize(int size) {
			return new Periodical(mark, issue, totalIssue, editingUnit, date, size);
		}

	}

	/**
	 * An issuing body's 版头: mark in red 小标宋 (小初), 发文字号 two lines below, red line 4 mm under it
	 * (GB/T 9704-2012 clauses 7.2.4, 7.2.5, 7.2.7).
	 */
	static Issuer issuer(String mark, String documentNumber) {
		return new Issuer(mark, documentNumber, GbT9704.SIZE_SMALL_0);
	}

	/**
	 * A bulletin's 报头: name in red 小标宋 (小初), issue centred, editing unit left and date right, red line
	 * (bulletin form of GB/T 9704-2012 clause 7.2; dates per 7.3.5.1).
	 */
	static Periodical periodical(String name, String issue, String editingUnit, LocalDate date) {
		return new Periodical(name, issue, null, editingUnit, date, GbT9704.SIZE_SMALL_0);
	}

}
