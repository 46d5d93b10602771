package io.infodesk.shared.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An official document (公文) or bulletin (简报) in the layout of GB/T 9704-2012 《党政机关公文格式》, written as DOCX
 * with Apache POI. Built once with {@link #builder()}, then written with {@link #toBytes()} or
 * {@link #writeTo(OutputStream)} as often as needed (the same content gives the same layout).
 *
 * <pre>
 * byte[] docx = OfficialDocument.builder()
 *     .masthead(Masthead.periodical("住建信息", "第12期", "××区住房和城乡建设局办公室编", LocalDate.of(2026, 11, 27)))
 *     .articleTitle("我局开展冬季供暖保障专项检查")
 *     .paragraph("11月25日，……")
 *     .imprint(Imprint.builder().line("报送", "区委办，区政府办。").line("抄送", "局领导班子成员。").copies(30).build())
 *     .build()
 *     .toBytes();
 * </pre>
 *
 * What the writer lays out, by clause of GB/T 9704-2012:
 * <ul>
 * <li>5.2.1, 5.2.2 — A4 paper, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm;</li>
 * <li>5.2.3, 5.2.4 — 3号仿宋 by default, a line grid of 22 lines with exact line spacing of one grid line, and
 * characters condensed to 156 mm / 28, so that a line holds 28 characters and a page 22 lines in Word and in
 * LibreOffice alike (docs/documents.md);</li>
 * <li>7.2 — the red 版头 ({@link Masthead}) and its red separator line as wide as the 版心;</li>
 * <li>7.3.1 – 7.3.3 — title in 2号小标宋, 主送机关, body paragraphs indented two characters, headings
 * 一、(黑体) （一）(楷体) 1. （1）(仿宋), numbered by the writer;</li>
 * <li>7.3.5 — signature and 成文日期 in Arabic numerals (2026年11月27日);</li>
 * <li>7.4 — the 版记 ({@link Imprint}) at the foot of the last page between thick lines;</li>
 * <li>7.5 — page numbers "— 1 —" in 4号半角宋体, 7 mm below the 版心, odd pages right and even pages left, each
 * one character in.</li>
 * </ul>
 * Fonts are named as Chinese offices install them (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体); the document's font table
 * names the substitutes that come with every Chinese Windows (仿宋, 楷体, 华文中宋).
 */
public final class OfficialDocument {

	private final Masthead masthead;

	private final List<Block> blocks;

	private final Imprint imprint;

	private final boolean pageNumbers;

	private OfficialDocument(Builder builder) {
		this.masthead = builder.masthead;
		this.blocks = List.copyOf(builder.blocks);
		this.imprint = builder.imprint;
		this.pageNumbers = builder.pageNumbers;
	}

	/** A new builder; elements appear in the order they are added (GB/T 9704-2012 clause 7: 版头, 主体, 版记). */
	public static Builder builder() {
		return new Builder();
	}

	/** The 版头, or {@code null} for a document without one (clause 7.2). */
	public Masthead masthead() {
		return masthead;
	}

	/** The 版记, or {@code null} (clause 7.4). */
	public Imprint imprint() {
		return imprint;
	}

	/** Whether pages are numbered (clause 7.5). */
	public boolean pageNumbers() {
		return pageNumbers;
	}

	List<Block> blocks() {
		return blocks;
	}

	/**
	 * Writes the DOCX in the layout of GB/T 9704-2012 (clauses 5, 7) to a stream; the stream is not closed.
	 */
	public void writeTo(OutputStream out) throws IOException {
		new DocxRenderer(this).write(out);
	}

	/** The DOCX in the layout of GB/T 9704-2012 (clauses 5, 7) as bytes. */
	public byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The document's text without layout, one line per paragraph: the 版头 (clause 7.2), the 主体 (7.3) and the 版记
	 * (7.4), as a search index or a preview needs it.
	 */
	public String plainText() {
		List<String> lines = new ArrayList<>();
		if (masthead instanceof Masthead.Issuer issuer) {
			lines.add(issuer.mark());
			if (issuer.documentNumber() != null) {
				lines.add(issuer.documentNumber());
			}
		}
		else if (masthead instanceof Masthead.Periodical periodical) {
			lines.add(periodical.mark());
			lines.add(Stream.of(periodical.issue(), periodical.totalIssue()).filter(Objects::nonNull)
				.collect(Collectors.joining(" ")));
			lines.add(periodical.editingUnit() + " " + GbT9704.date(periodical.date()));
		}
		blocks.stream().map(Block::text).filter(text -> !text.isEmpty()).forEach(lines::add);
		if (imprint != null) {
			imprint.lines().forEach(line -> lines.add(line.label() + "：" + line.text()));
			if (imprint.copies() != null) {
				lines.add(DocxRenderer.copiesText(imprint.copies()));
			}
			if (imprint.issuedBy() != null || imprint.issuedOn() != null) {
				lines.add(Stream.of(imprint.issuedBy(), imprint.issuedOn() == null ? null
						: GbT9704.date(imprint.issuedOn()) + DocxRenderer.ISSUED).filter(Objects::nonNull)
					.collect(Collectors.joining(" ")));
			}
		}
		return String.join("\n", lines);
	}

	/** Builds an {@link OfficialDocument}; every method returns the builder. */
	public static final class Builder {

		private Masthead masthead;

		private final List<Block> blocks = new ArrayList<>();

		private Imprint imprint;

		private boolean pageNumbers = true;

		private final int[] counters = new int[4];

		private Builder() {
		}

		/** The red 版头 (GB/T 9704-2012 clause 7.2): see {@link Masthead#issuer} and {@link Masthead#periodical}. */
		public Builder masthead(Masthead head) {
			this.masthead = head;
			return this;
		}

		/** The 标题 in 2号小标宋, centred, two lines below the 版头 (clause 7.3.1). */
		public Builder title(String text) {
			blocks.add(new Block.Title(required(text)));
			return this;
		}

		/** The 主送机关, flush left with a full-width colon (clause 7.3.2), e.g. "各科室、各单位：". */
		public Builder addressee(String text) {
			blocks.add(new Block.Addressee(required(text)));
			return this;
		}

		/**
		 * A first-level heading, numbered 一、二、… in 黑体 3号 (clause 7.3.3); restarts the lower levels.
		 */
		public Builder heading(String text) {
			return heading(1, text);
		}

		/** A second-level heading, numbered （一）（二）… in 楷体 3号 (clause 7.3.3). */
		public Builder subheading(String text) {
			return heading(2, text);
		}

		/**
		 * A heading of level 1 (一、黑体), 2 (（一）楷体), 3 (1. 仿宋) or 4 (（1）仿宋), numbered by the writer
		 * (clause 7.3.3 结构层次序数); a heading restarts the numbering of the levels below it.
		 */
		public Builder heading(int level, String text) {
			if (level < 1 || level > 4) {
				throw new IllegalArgumentException("Heading levels are 1 to 4: " + level);
			}
			int count = ++counters[level - 1];
			for (int lower = level; lower < counters.length; lower++) {
				counters[lower] = 0;
			}
			String number = switch (level) {
				case 1 -> GbT9704.chineseNumber(count) + "、";
				case 2 -> "（" + GbT9704.chineseNumber(count) + "）";
				case 3 -> count + ".";
				default -> "（" + count + "）";
			};
			blocks.add(new Block.Heading(level, number, required(text)));
			return this;
		}

		/** A body paragraph: 3号仿宋, first line indented two characters, exact grid spacing (clause 7.3.3, 5.2.4). */
		public Builder paragraph(String text) {
			blocks.add(new Block.Paragraph(required(text)));
			return this;
		}

		/**
		 * The title of one article of a compilation such as a bulletin: centred, 3号小标宋 (bulletin practice; the
		 * document's own title is {@link #title}, clause 7.3.1). Restarts the heading numbers.
		 */
		public Builder articleTitle(String text) {
			java.util.Arrays.fill(counters, 0);
			blocks.add(new Block.ArticleTitle(required(text)));
			return this;
		}

		/** A labelled note such as 编者按: the label in 黑体, the text in 楷体 3号, indented two characters (7.3.3). */
		public Builder note(String label, String text) {
			blocks.add(new Block.Note(required(label), required(text)));
			return this;
		}

		/** A line at the right with two characters of space (as 7.3.5.2 places a signature), e.g. "（物业管理科）". */
		public Builder byline(String text) {
			blocks.add(new Block.Byline(required(text)));
			return this;
		}

		/** A table, e.g. a ranking (see {@link DocumentTable}; GB/T 9704-2012 clause 9 for tables). */
		public Builder table(DocumentTable table) {
			blocks.add(new Block.Table(Objects.requireNonNull(table, "table")));
			return this;
		}

		/**
		 * 发文机关署名 and 成文日期 of a sealed document (clause 7.3.5.1): the date four characters in from the right,
		 * the issuer's name centred above it, room for the seal above both.
		 */
		public Builder signature(String issuer, LocalDate date) {
			blocks.add(new Block.Signature(issuer, Objects.requireNonNull(date, "date"), true));
			return this;
		}

		/**
		 * 发文机关署名 and 成文日期 without a seal (clause 7.3.5.2): one blank line below the text, the issuer two
		 * characters in from the right, the date on the next line centred under the issuer.
		 */
		public Builder unsealedSignature(String issuer, LocalDate date) {
			blocks.add(new Block.Signature(required(issuer), Objects.requireNonNull(date, "date"), false));
			return this;
		}

		/** Empty grid lines (each one line of 5.2.4's 22). */
		public Builder blankLines(int lines) {
			if (lines > 0) {
				blocks.add(new Block.Blank(lines));
			}
			return this;
		}

		/** Continues on a new page. */
		public Builder pageBreak() {
			blocks.add(new Block.PageBreak());
			return this;
		}

		/** The 版记 at the foot of the last page (clause 7.4); {@code null} or empty for none. */
		public Builder imprint(Imprint value) {
			this.imprint = value == null || value.isEmpty() ? null : value;
			return this;
		}

		/** Whether to print page numbers (clause 7.5; on by default). */
		public Builder pageNumbers(boolean on) {
			this.pageNumbers = on;
			return this;
		}

		/** The document. */
		public OfficialDocument build() {
			return new OfficialDocument(this);
		}

		private static String required(String text) {
			if (text == null || text.isBlank()) {
				throw new IllegalArgumentException("Text of a document element must not be blank");
			}
			return text.strip();
		}

	}

}
