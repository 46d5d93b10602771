package io.infodesk.shared.docx;

import java.time.LocalDate;

/** One element of the 主体 (GB/T 9704-2012 clause 7.3) in the order the builder received it. */
sealed interface Block {

	/** Plain text of the block, one line per paragraph (for indexing and tests). */
	String text();

	/** 标题 (7.3.1): 2号小标宋, centred, two blank lines below the red separator. */
	record Title(String text) implements Block {
	}

	/** 主送机关 (7.3.2): flush left, one line below the title. */
	record Addressee(String text) implements Block {
	}

	/** A heading of level 1–4 with its number (7.3.3: 一、黑体 / （一）楷体 / 1. 仿宋 / （1）仿宋). */
	record Heading(int level, String number, String title) implements Block {

		@Override
		public String text() {
			return number + title;
		}

	}

	/** A paragraph of the 正文 (7.3.3): 3号仿宋, indented two characters. */
	record Paragraph(String text) implements Block {
	}

	/** The title of one article in a compilation (a bulletin's item): centred, 3号 小标宋 (bold face). */
	record ArticleTitle(String text) implements Block {
	}

	/** A note with a label in 黑体, e.g. 编者按, the text in 楷体, indented two characters. */
	record Note(String label, String body) implements Block {

		@Override
		public String text() {
			return label + "：" + body;
		}

	}

	/** A line aligned right with two characters of space, e.g. the unit that supplied an article. */
	record Byline(String text) implements Block {
	}

	/** A table (see {@link DocumentTable}). */
	record Table(DocumentTable table) implements Block {

		@Override
		public String text() {
			StringBuilder text = new StringBuilder(String.join("\t", table.header()));
			table.rows().forEach(row -> text.append('\n').append(String.join("\t", row)));
			return text.toString();
		}

	}

	/** 发文机关署名 and 成文日期 (7.3.5.1 with a seal, 7.3.5.2 without). */
	record Signature(String issuer, LocalDate date, boolean sealed) implements Block {

		@Override
		public String text() {
			return (issuer == null ? "" : issuer + "\n") + GbT9704.date(date);
		}

	}

	/** Empty lines of the grid. */
	record Blank(int lines) implements Block {

		@Override
		public String text() {
			return "";
		}

	}

	/** A page break. */
	record PageBreak() implements Block {

		@Override
		public String text() {
			return "";
		}

	}

}
