package io.infodesk.shared.docx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 版记 at the foot of the last page (GB/T 9704-2012 clause 7.4): distribution lines such as 抄送 or, in a
 * bulletin, 报送 / 抄送 (7.4.2: 4号仿宋, one character in from left and right, a wrapped line aligned with the first
 * character after the colon), the 印发机关 at the left and the 印发日期 at the right of the last line (7.4.3), and
 * for a bulletin the print count (印数, "（共印30份）") at the right of the last distribution line. The 版记 is
 * enclosed by a thick first and last line with thin lines between its elements (7.4.1); its last line lies on the
 * lower edge of the 版心.
 *
 * @param lines distribution lines in order
 * @param issuedBy the 印发机关, or {@code null}
 * @param issuedOn the 印发日期, or {@code null}
 * @param copies the print count, or {@code null}
 */
public record Imprint(List<Line> lines, String issuedBy, LocalDate issuedOn, Integer copies) {

	/**
	 * One distribution line of the 版记 (clause 7.4.2): a label ("抄送", "报送", "报", "送") and who receives it.
	 *
	 * @param label the label, written with a full-width colon after it
	 * @param text the receiving bodies, separated by "，" and ended with "。" by the caller
	 */
	public record Line(String label, String text) {

		public Line {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(text, "text");
		}

	}

	public Imprint {
		lines = List.copyOf(lines);
		if (copies != null && copies < 1) {
			throw new IllegalArgumentException("A print count is at least 1: " + copies);
		}
	}

	/** Whether the 版记 has anything to print. */
	public boolean isEmpty() {
		return lines.isEmpty() && issuedBy == null && issuedOn == null && copies == null;
	}

	/** A builder of a 版记 (GB/T 9704-2012 clause 7.4). */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds an {@link Imprint}. */
	public static final class Builder {

		private final List<Line> lines = new ArrayList<>();

		private String issuedBy;

		private LocalDate issuedOn;

		private Integer copies;

		private Builder() {
		}

		/** Adds a distribution line, e.g. {@code line("抄送", "区委办，区政府办。")} (clause 7.4.2). */
		public Builder line(String label, String text) {
			lines.add(new Line(label, text));
			return this;
		}

		/** The 印发机关 (left, one character in) and 印发日期 (right, "2026年11月27日印发") of clause 7.4.3. */
		public Builder issued(String issuer, LocalDate on) {
			this.issuedBy = issuer;
			this.issuedOn = on;
			return this;
		}

		/** The print count (印数), written "（共印30份）" at the right of the last distribution line. */
		public Builder copies(int count) {
			this.copies = count;
			return this;
		}

		/** The 版记. */
		public Imprint build() {
			return new Imprint(lines, issuedBy, issuedOn, copies);
		}

	}

}
