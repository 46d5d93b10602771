package io.infodesk.shared.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STXAlign;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblOverlap;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * Lays an {@link OfficialDocument} out with Apache POI (XWPF); the clauses are named on {@link OfficialDocument}.
 * <p>
 * Over ~350 lines because GB/T 9704 fixes many measured details (版头, grid, 版记, page numbers) that act on one
 * XWPF document; the renderer is package-private behind {@link OfficialDocument}, and its tests measure the layout.
 */
final class DocxRenderer {

	/** Suffix of the 印发日期 (clause 7.4.3). */
	static final String ISSUED = "印发";

	/** Colon after labels (clauses 7.3.2, 7.4.2: 全角冒号). */
	static final String COLON = "：";

	/** One character of 4号, the unit of the 版记's and page numbers' insets (7.4.2, 7.4.3, 7.5). */
	static final int SIZE_4_CHARACTER = GbT9704.SIZE_4 * 20;

	/** Height of the page number line (exact, 4号). */
	static final int PAGE_NUMBER_LINE = SIZE_4_CHARACTER;

	/** Footer distance: the top of the page number line 7 mm below the 版心 (clause 7.5). */
	static final int FOOTER_DISTANCE = GbT9704.MARGIN_BOTTOM - GbT9704.PAGE_NUMBER_GAP - PAGE_NUMBER_LINE;

	/** Space of the first line of the 发文机关标志 above it: its top 35 mm below the top of the 版心 (7.2.4). */
	static final int ISSUER_MARK_TOP = GbT9704.mm(35);

	private final OfficialDocument document;

	private XWPFDocument doc;

	DocxRenderer(OfficialDocument document) {
		this.document = document;
	}

	static String copiesText(int copies) {
		return "（共印" + copies + "份）";
	}

	void write(OutputStream out) throws IOException {
		try (XWPFDocument created = new XWPFDocument()) {
			this.doc = created;
			styles();
			section();
			fontTable();
			if (document.masthead() instanceof Masthead.Issuer issuer) {
				issuerMasthead(issuer);
			}
			else if (document.masthead() instanceof Masthead.Periodical periodical) {
				periodicalMasthead(periodical);
			}
			List<Block> blocks = document.blocks();
			for (int i = 0; i < blocks.size(); i++) {
				block(blocks.get(i), i == 0);
			}
			if (document.imprint() != null) {
				imprint(document.imprint());
			}
			if (document.pageNumbers()) {
				pageNumbers();
			}
			doc.write(out);
		}
	}

	// ---- document setup: 5.2 ----

	private void styles() {
		CTStyles styles = CTStyles.Factory.newInstance();
		CTDocDefaults defaults = styles.addNewDocDefaults();
		CTRPr run = defaults.addNewRPrDefault().addNewRPr();
		CTFonts fonts = run.addNewRFonts();
		fonts(fonts, GbT9704.FANGSONG);
		run.addNewSpacing().setVal(BigInteger.valueOf(GbT9704.CHARACTER_SPACING));
		run.addNewSz().setVal(BigInteger.valueOf(GbT9704.SIZE_3 * 2L));
		run.addNewSzCs().setVal(BigInteger.valueOf(GbT9704.SIZE_3 * 2L));
		run.addNewLang().setEastAsia("zh-CN");
		var paragraph = defaults.addNewPPrDefault().addNewPPr();
		exact(paragraph.addNewSpacing(), GbT9704.LINE_PITCH);
		CTStyle normal = styles.addNewStyle();
		normal.setType(STStyleType.PARAGRAPH);
		normal.setStyleId("Normal");
		normal.setDefault(STOnOff1.ON);
		normal.addNewName().setVal("Normal");
		normal.addNewQFormat();
		CTRPr normalRun = normal.addNewRPr();
		fonts(normalRun.addNewRFonts(), GbT9704.FANGSONG);
		normalRun.addNewSpacing().setVal(BigInteger.valueOf(GbT9704.CHARACTER_SPACING));
		normalRun.addNewSz().setVal(BigInteger.valueOf(GbT9704.SIZE_3 * 2L));
		normalRun.addNewSzCs().setVal(BigInteger.valueOf(GbT9704.SIZE_3 * 2L));
		doc.createStyles().setStyles(styles);
	}

	private void section() {
		CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(GbT9704.PAGE_WIDTH));
		size.setH(BigInteger.valueOf(GbT9704.PAGE_HEIGHT));
		CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(GbT9704.MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(GbT9704.MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(GbT9704.MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(GbT9704.MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(GbT9704.mm(15)));
		margins.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
		margins.setGutter(BigInteger.ZERO);
		CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
		// a line grid only: LibreOffice puts a 16 pt character of a "lines and characters" grid of 15.8 pt into two
		// cells (14 a line), Word squeezes it into one; condensed characters give 28 in both (docs/documents.md)
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(GbT9704.LINE_PITCH));
		if (grid.isSetCharSpace()) {
			grid.unsetCharSpace();
		}
	}

	/** The font table: each face with the substitute Word takes where it is not installed, GB2312 charset. */
	private void fontTable() throws IOException {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
			.append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
		font(xml, GbT9704.FANGSONG, "仿宋", "modern");
		font(xml, GbT9704.KAITI, "楷体", "modern");
		font(xml, GbT9704.HEITI, "SimHei", "modern");
		font(xml, GbT9704.XIAOBIAOSONG, "华文中宋", "script");
		font(xml, GbT9704.SONGTI, "SimSun", "auto");
		xml.append("</w:fonts>");
		try {
			PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
			PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
			try (OutputStream out = part.getOutputStream()) {
				out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
			}
			doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex);
		}
	}

	private static void font(StringBuilder xml, String name, String substitute, String family) {
		xml.append("<w:font w:name=\"").append(name).append("\"><w:altName w:val=\"").append(substitute)
			.append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"").append(family)
			.append("\"/><w:pitch w:val=\"variable\"/></w:font>");
	}

	// ---- 版头: 7.2 ----

	private void issuerMasthead(Masthead.Issuer issuer) {
		XWPFParagraph mark = paragraph(ParagraphAlignment.CENTER);
		CTSpacing spacing = spacing(mark);
		int size = GbT9704.markSizeToFit(issuer.mark(), issuer.markSize()); // one line, however long the name
		exact(spacing, size * 24);
		spacing.setBefore(BigInteger.valueOf(ISSUER_MARK_TOP));
		red(run(mark, issuer.mark(), GbT9704.XIAOBIAOSONG, size));
		XWPFParagraph lineAbove = mark;
		if (issuer.documentNumber() != null) {
			blank(2);
			XWPFParagraph number = paragraph(ParagraphAlignment.CENTER);
			run(number, issuer.documentNumber(), GbT9704.FANGSONG, GbT9704.SIZE_3);
			lineAbove = number;
		}
		// 7.2.7: the separator 4 mm below the 发文字号, as wide as the 版心
		redLine(lineAbove, 11);
	}

	private void periodicalMasthead(Masthead.Periodical periodical) {
		XWPFParagraph name = paragraph(ParagraphAlignment.CENTER);
		int size = GbT9704.markSizeToFit(periodical.mark(), periodical.markSize());
		exact(spacing(name), size * 24);
		red(run(name, periodical.mark(), GbT9704.XIAOBIAOSONG, size));
		blank(1);
		XWPFParagraph issue = paragraph(ParagraphAlignment.CENTER);
		run(issue, periodical.totalIssue() == null ? periodical.issue()
				: periodical.issue() + "（" + periodical.totalIssue() + "）", GbT9704.FANGSONG, GbT9704.SIZE_3);
		XWPFParagraph byline = paragraph(ParagraphAlignment.LEFT);
		rightTab(byline, GbT9704.TEXT_WIDTH);
		run(byline, periodical.editingUnit() + "\t" + GbT9704.date(periodical.date()), GbT9704.FANGSONG,
				GbT9704.SIZE_3);
		redLine(byline, 4);
	}

	private void redLine(XWPFParagraph paragraph, int spacePoints) {
		CTPPr properties = properties(paragraph);
		CTPBdr borders = properties.isSetPBdr() ? properties.getPBdr() : properties.addNewPBdr();
		CTBorder bottom = borders.addNewBottom();
		bottom.setVal(STBorder.SINGLE);
		bottom.setSz(BigInteger.valueOf(GbT9704.MASTHEAD_LINE));
		bottom.setSpace(BigInteger.valueOf(spacePoints));
		bottom.setColor(GbT9704.RED);
	}

	// ---- 主体: 7.3 ----

	private void block(Block block, boolean first) {
		if (block instanceof Block.Title title) {
			blank(document.masthead() instanceof Masthead.Issuer ? 2 : 1);
			// 7.3.1: a long title in lines broken where a phrase ends (GbT9704.titleLines), not wherever it overflows
			XWPFParagraph heading = paragraph(ParagraphAlignment.CENTER);
			List<String> lines = GbT9704.titleLines(title.text());
			run(heading, lines.get(0), GbT9704.XIAOBIAOSONG, GbT9704.SIZE_2);
			for (String line : lines.subList(1, lines.size())) {
				XWPFRun next = run(heading, null, GbT9704.XIAOBIAOSONG, GbT9704.SIZE_2);
				next.addBreak();
				next.setText(line);
			}
			blank(1);
		}
		else if (block instanceof Block.Addressee addressee) {
			run(paragraph(ParagraphAlignment.BOTH), addressee.text(), GbT9704.FANGSONG, GbT9704.SIZE_3);
		}
		else if (block instanceof Block.Heading heading) {
			String font = switch (heading.level()) {
				case 1 -> GbT9704.HEITI;
				case 2 -> GbT9704.KAITI;
				default -> GbT9704.FANGSONG;
			};
			run(indented(ParagraphAlignment.BOTH), heading.text(), font, GbT9704.SIZE_3);
		}
		else if (block instanceof Block.Paragraph text) {
			for (String line : text.text().split("\\R")) {
				if (!line.isBlank()) {
					run(indented(ParagraphAlignment.BOTH), line.strip(), GbT9704.FANGSONG, GbT9704.SIZE_3);
				}
			}
		}
		else if (block instanceof Block.ArticleTitle title) {
			if (!first || document.masthead() != null) {
				blank(1);
			}
			run(paragraph(ParagraphAlignment.CENTER), title.text(), GbT9704.XIAOBIAOSONG, ARTICLE_TITLE_SIZE);
		}
		else if (block instanceof Block.Note note) {
			XWPFParagraph paragraph = indented(ParagraphAlignment.BOTH);
			run(paragraph, note.label() + COLON, GbT9704.HEITI, GbT9704.SIZE_3);
			run(paragraph, note.body(), GbT9704.KAITI, GbT9704.SIZE_3);
		}
		else if (block instanceof Block.Byline byline) {
			XWPFParagraph paragraph = paragraph(ParagraphAlignment.RIGHT);
			indentRight(paragraph, 2);
			run(paragraph, byline.text(), GbT9704.FANGSONG, GbT9704.SIZE_3);
		}
		else if (block instanceof Block.Table table) {
			table(table.table());
		}
		else if (block instanceof Block.Signature signature) {
			signature(signature);
		}
		else if (block instanceof Block.Blank empty) {
			blank(empty.lines());
		}
		else if (block instanceof Block.PageBreak) {
			paragraph(ParagraphAlignment.LEFT).createRun().addBreak(BreakType.PAGE);
		}
	}

	/** Size of an article title in a compilation: 小二 (18 pt). */
	static final int ARTICLE_TITLE_SIZE = 18;

	private void signature(Block.Signature signature) {
		String date = GbT9704.date(signature.date());
		double dateWidth = GbT9704.characters(date);
		if (signature.sealed()) {
			// 7.3.5.1: room for the seal, the date four characters from the right, the issuer centred over the date
			blank(2);
			if (signature.issuer() != null) {
				double inset = 4 + (dateWidth - GbT9704.characters(signature.issuer())) / 2;
				XWPFParagraph issuer = paragraph(ParagraphAlignment.RIGHT);
				indentRight(issuer, Math.max(0, inset));
				run(issuer, signature.issuer(), GbT9704.FANGSONG, GbT9704.SIZE_3);
			}
			XWPFParagraph on = paragraph(ParagraphAlignment.RIGHT);
			indentRight(on, 4);
			run(on, date, GbT9704.FANGSONG, GbT9704.SIZE_3);
		}
		else {
			// 7.3.5.2: one blank line, the issuer two characters from the right, the date centred under it
			blank(1);
			double issuerWidth = GbT9704.characters(signature.issuer());
			XWPFParagraph issuer = paragraph(ParagraphAlignment.RIGHT);
			indentRight(issuer, 2);
			run(issuer, signature.issuer(), GbT9704.FANGSONG, GbT9704.SIZE_3);
			XWPFParagraph on = paragraph(ParagraphAlignment.RIGHT);
			indentRight(on, Math.max(0, 2 + (issuerWidth - dateWidth) / 2));
			run(on, date, GbT9704.FANGSONG, GbT9704.SIZE_3);
		}
	}

	private void table(DocumentTable source) {
		int[] widths = source.columnWidths();
		int columns = widths.length;
		XWPFTable table = doc.createTable(source.rows().size() + 1, columns);
		CTTblPr properties = tableProperties(table);
		CTTblBorders borders = properties.isSetTblBorders() ? properties.getTblBorders()
				: properties.addNewTblBorders();
		for (CTBorder border : List.of(setOrNew(borders.getTop(), borders::addNewTop),
				setOrNew(borders.getBottom(), borders::addNewBottom), setOrNew(borders.getLeft(), borders::addNewLeft),
				setOrNew(borders.getRight(), borders::addNewRight),
				setOrNew(borders.getInsideH(), borders::addNewInsideH),
				setOrNew(borders.getInsideV(), borders::addNewInsideV))) {
			border.setVal(STBorder.SINGLE);
			border.setSz(BigInteger.valueOf(4));
			border.setSpace(BigInteger.ZERO);
			border.setColor("000000");
		}
		fixedGrid(table, properties, widths);
		for (int r = 0; r <= source.rows().size(); r++) {
			boolean header = r == 0;
			List<String> cells = header ? source.header() : source.rows().get(r - 1);
			XWPFTableRow row = table.getRow(r);
			CTTrPr rowProperties = row.getCtRow().isSetTrPr() ? row.getCtRow().getTrPr() : row.getCtRow().addNewTrPr();
			rowProperties.addNewCantSplit();
			if (header) {
				rowProperties.addNewTblHeader();
			}
			for (int c = 0; c < columns; c++) {
				XWPFTableCell cell = row.getCell(c);
				cellWidth(cell, widths[c]);
				cell.getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.CENTER);
				XWPFParagraph paragraph = cell.getParagraphs().get(0);
				paragraph.setAlignment(ParagraphAlignment.CENTER);
				CTSpacing spacing = spacing(paragraph);
				spacing.setLine(BigInteger.valueOf(Math.round(source.fontSize() * 20 * 1.25f)));
				spacing.setLineRule(STLineSpacingRule.EXACT);
				properties(paragraph).addNewSnapToGrid().setVal(STOnOff1.OFF);
				XWPFRun run = run(paragraph, cells.get(c), header ? GbT9704.HEITI : GbT9704.FANGSONG,
						source.fontSize());
				run.setBold(header);
			}
		}
	}

	// ---- 版记: 7.4 ----

	private void imprint(Imprint imprint) {
		List<Imprint.Line> lines = imprint.lines();
		boolean issued = imprint.issuedBy() != null || imprint.issuedOn() != null;
		boolean copiesRow = imprint.copies() != null && lines.isEmpty();
		int rows = lines.size() + (issued ? 1 : 0) + (copiesRow ? 1 : 0);
		XWPFTable table = doc.createTable(rows, 1);
		CTTblPr properties = tableProperties(table);
		// 7.4.1: first and last line thick (0.35 mm), the lines between thin (0.25 mm), no verticals
		CTTblBorders borders = properties.isSetTblBorders() ? properties.getTblBorders()
				: properties.addNewTblBorders();
		line(setOrNew(borders.getTop(), borders::addNewTop), GbT9704.IMPRINT_THICK_LINE);
		line(setOrNew(borders.getBottom(), borders::addNewBottom), GbT9704.IMPRINT_THICK_LINE);
		line(setOrNew(borders.getInsideH(), borders::addNewInsideH), GbT9704.IMPRINT_THIN_LINE);
		setOrNew(borders.getLeft(), borders::addNewLeft).setVal(STBorder.NIL);
		setOrNew(borders.getRight(), borders::addNewRight).setVal(STBorder.NIL);
		setOrNew(borders.getInsideV(), borders::addNewInsideV).setVal(STBorder.NIL);
		// 7.4.1: the last line lies on the lower edge of the 版心 of the last page
		CTTblPPr position = properties.addNewTblpPr();
		position.setVertAnchor(STVAnchor.MARGIN);
		position.setTblpYSpec(STYAlign.BOTTOM);
		position.setHorzAnchor(STHAnchor.MARGIN);
		position.setTblpXSpec(STXAlign.CENTER);
		properties.addNewTblOverlap().setVal(STTblOverlap.NEVER);
		fixedGrid(table, properties, new int[] { GbT9704.TEXT_WIDTH });
		int row = 0;
		for (int i = 0; i < lines.size(); i++) {
			Imprint.Line line = lines.get(i);
			XWPFParagraph paragraph = imprintParagraph(table, row++);
			// 7.4.2: one character in at both sides; a wrapped line aligned with the first character after the colon
			int label = (int) Math.round((GbT9704.characters(line.label()) + 1) * SIZE_4_CHARACTER);
			CTInd indent = indent(paragraph);
			indent.setLeft(BigInteger.valueOf(SIZE_4_CHARACTER + label));
			indent.setHanging(BigInteger.valueOf(label));
			indent.setRight(BigInteger.valueOf(SIZE_4_CHARACTER));
			String text = line.label() + COLON + line.text();
			if (imprint.copies() != null && i == lines.size() - 1) {
				rightTab(paragraph, GbT9704.TEXT_WIDTH - SIZE_4_CHARACTER);
				text += "\t" + copiesText(imprint.copies());
			}
			run(paragraph, text, GbT9704.FANGSONG, GbT9704.SIZE_4);
		}
		if (copiesRow) {
			XWPFParagraph paragraph = imprintParagraph(table, row++);
			paragraph.setAlignment(ParagraphAlignment.RIGHT);
			indent(paragraph).setRight(BigInteger.valueOf(SIZE_4_CHARACTER));
			run(paragraph, copiesText(imprint.copies()), GbT9704.FANGSONG, GbT9704.SIZE_4);
		}
		if (issued) {
			// 7.4.3: 印发机关 one character in from the left, 印发日期 one character in from the right
			XWPFParagraph paragraph = imprintParagraph(table, row);
			CTInd indent = indent(paragraph);
			indent.setLeft(BigInteger.valueOf(SIZE_4_CHARACTER));
			indent.setRight(BigInteger.valueOf(SIZE_4_CHARACTER));
			rightTab(paragraph, GbT9704.TEXT_WIDTH - SIZE_4_CHARACTER);
			String by = imprint.issuedBy() == null ? "" : imprint.issuedBy();
			String on = imprint.issuedOn() == null ? "" : GbT9704.date(imprint.issuedOn()) + ISSUED;
			run(paragraph, by + "\t" + on, GbT9704.FANGSONG, GbT9704.SIZE_4);
		}
		// a document ends with a paragraph; this one is a hair high so that it never adds a page of its own
		XWPFParagraph end = paragraph(ParagraphAlignment.LEFT);
		exact(spacing(end), 20);
	}

	private XWPFParagraph imprintParagraph(XWPFTable table, int row) {
		XWPFTableCell cell = table.getRow(row).getCell(0);
		cellWidth(cell, GbT9704.TEXT_WIDTH);
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		paragraph.setAlignment(ParagraphAlignment.LEFT);
		exact(spacing(paragraph), GbT9704.LINE_PITCH);
		return paragraph;
	}

	private static void line(CTBorder border, int eighths) {
		border.setVal(STBorder.SINGLE);
		border.setSz(BigInteger.valueOf(eighths));
		border.setSpace(BigInteger.ZERO);
		border.setColor("000000");
	}

	// ---- 页码: 7.5 ----

	private void pageNumbers() {
		doc.getSettings().setEvenAndOddHeadings(true);
		pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), true);
		pageNumber(doc.createFooter(HeaderFooterType.EVEN), false);
	}

	private void pageNumber(XWPFFooter footer, boolean odd) {
		XWPFParagraph paragraph = footer.getParagraphs().isEmpty() ? footer.createParagraph()
				: footer.getParagraphs().get(0);
		paragraph.setAlignment(odd ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
		CTInd indent = indent(paragraph);
		if (odd) {
			indent.setRight(BigInteger.valueOf(SIZE_4_CHARACTER));
		}
		else {
			indent.setLeft(BigInteger.valueOf(SIZE_4_CHARACTER));
		}
		exact(spacing(paragraph), PAGE_NUMBER_LINE);
		properties(paragraph).addNewSnapToGrid().setVal(STOnOff1.OFF);
		run(paragraph, "— ", GbT9704.SONGTI, GbT9704.SIZE_4);
		run(paragraph, null, GbT9704.SONGTI, GbT9704.SIZE_4).getCTR().addNewFldChar()
			.setFldCharType(STFldCharType.BEGIN);
		run(paragraph, null, GbT9704.SONGTI, GbT9704.SIZE_4).getCTR().addNewInstrText().setStringValue(" PAGE ");
		run(paragraph, null, GbT9704.SONGTI, GbT9704.SIZE_4).getCTR().addNewFldChar()
			.setFldCharType(STFldCharType.SEPARATE);
		run(paragraph, "1", GbT9704.SONGTI, GbT9704.SIZE_4);
		run(paragraph, null, GbT9704.SONGTI, GbT9704.SIZE_4).getCTR().addNewFldChar()
			.setFldCharType(STFldCharType.END);
		run(paragraph, " —", GbT9704.SONGTI, GbT9704.SIZE_4);
	}

	// ---- helpers ----

	private XWPFParagraph paragraph(ParagraphAlignment alignment) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(alignment);
		exact(spacing(paragraph), GbT9704.LINE_PITCH);
		return paragraph;
	}

	/** A paragraph whose first line is indented two characters (7.3.3 "每个自然段左空二字，回行顶格"). */
	private XWPFParagraph indented(ParagraphAlignment alignment) {
		XWPFParagraph paragraph = paragraph(alignment);
		CTInd indent = indent(paragraph);
		indent.setFirstLineChars(BigInteger.valueOf(200));
		indent.setFirstLine(BigInteger.valueOf(2L * GbT9704.CHARACTER_PITCH));
		return paragraph;
	}

	private void blank(int lines) {
		for (int i = 0; i < lines; i++) {
			paragraph(ParagraphAlignment.LEFT);
		}
	}

	private static void indentRight(XWPFParagraph paragraph, double characters) {
		CTInd indent = indent(paragraph);
		indent.setRightChars(BigInteger.valueOf(Math.round(characters * 100)));
		indent.setRight(BigInteger.valueOf(Math.round(characters * GbT9704.CHARACTER_PITCH)));
	}

	private static void rightTab(XWPFParagraph paragraph, int position) {
		CTPPr properties = properties(paragraph);
		CTTabStop tab = (properties.isSetTabs() ? properties.getTabs() : properties.addNewTabs()).addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setPos(BigInteger.valueOf(position));
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int points) {
		XWPFRun run = paragraph.createRun();
		CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
		CTFonts fonts = properties.addNewRFonts();
		fonts(fonts, font);
		properties.addNewSz().setVal(BigInteger.valueOf(points * 2L));
		properties.addNewSzCs().setVal(BigInteger.valueOf(points * 2L));
		if (text != null) {
			String[] parts = text.split("\t", -1);
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					run.addTab();
				}
				if (!parts[i].isEmpty()) {
					run.setText(parts[i], i);
				}
			}
		}
		return run;
	}

	private static void fonts(CTFonts fonts, String font) {
		fonts.setAscii(font);
		fonts.setHAnsi(font);
		fonts.setEastAsia(font);
		fonts.setCs(font);
		fonts.setHint(STHint.EAST_ASIA);
	}

	private static XWPFRun red(XWPFRun run) {
		run.setColor(GbT9704.RED);
		return run;
	}

	private static CTPPr properties(XWPFParagraph paragraph) {
		return paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
	}

	private static CTSpacing spacing(XWPFParagraph paragraph) {
		CTPPr properties = properties(paragraph);
		return properties.isSetSpacing() ? properties.getSpacing() : properties.addNewSpacing();
	}

	private static CTInd indent(XWPFParagraph paragraph) {
		CTPPr properties = properties(paragraph);
		return properties.isSetInd() ? properties.getInd() : properties.addNewInd();
	}

	private static void exact(CTSpacing spacing, int twips) {
		spacing.setLine(BigInteger.valueOf(twips));
		spacing.setLineRule(STLineSpacingRule.EXACT);
		spacing.setBefore(BigInteger.ZERO);
		spacing.setAfter(BigInteger.ZERO);
	}

	private static CTTblPr tableProperties(XWPFTable table) {
		return table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
	}

	private static void fixedGrid(XWPFTable table, CTTblPr properties, int[] widths) {
		(properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW()).setType(STTblWidth.DXA);
		properties.getTblW().setW(BigInteger.valueOf(GbT9704.TEXT_WIDTH));
		(properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
			.setType(STTblLayoutType.FIXED);
		CTTblCellMar margins = properties.isSetTblCellMar() ? properties.getTblCellMar()
				: properties.addNewTblCellMar();
		boolean imprint = widths.length == 1;
		int side = imprint ? 0 : 100;
		(margins.isSetLeft() ? margins.getLeft() : margins.addNewLeft()).setW(BigInteger.valueOf(side));
		margins.getLeft().setType(STTblWidth.DXA);
		(margins.isSetRight() ? margins.getRight() : margins.addNewRight()).setW(BigInteger.valueOf(side));
		margins.getRight().setType(STTblWidth.DXA);
		CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
				: table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
	}

	private static void cellWidth(XWPFTableCell cell, int twips) {
		CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
		(properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW()).setType(STTblWidth.DXA);
		properties.getTcW().setW(BigInteger.valueOf(twips));
	}

	private static CTBorder setOrNew(CTBorder existing, java.util.function.Supplier<CTBorder> create) {
		return existing != null ? existing : create.get();
	}

}
