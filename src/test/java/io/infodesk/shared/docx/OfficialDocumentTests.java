package io.infodesk.shared.docx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/**
 * Opens what {@link OfficialDocument} writes with POI and measures it against GB/T 9704-2012: page and 版心
 * (5.2.1, 5.2.2), fonts and sizes (5.2.3, 7.3), 22 lines × 28 characters (5.2.4), the red 版头 and line (7.2),
 * signature (7.3.5), 版记 (7.4) and page numbers (7.5).
 */
class OfficialDocumentTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 27);

	static final double TWIPS_PER_MM = 1440 / 25.4;

	static OfficialDocument bulletin() {
		return OfficialDocument.builder()
			.masthead(Masthead.periodical("住建信息", "第12期", "××区住房和城乡建设局办公室编", DAY).withTotalIssue("总第158期"))
			.note("编者按", "冬季供暖关系千家万户，现将有关情况编发，供参阅。")
			.articleTitle("我局开展冬季供暖保障专项检查")
			.paragraph("11月25日，局分管领导带队检查了辖区供热企业。\n检查共发现问题12处，已全部交办。")
			.byline("（物业管理科）")
			.articleTitle("房产交易管理中心推行“一窗通办”")
			.paragraph("中心将交易、缴税、登记合并为一个窗口办理。")
			.imprint(Imprint.builder()
				.line("报送", "区委办，区政府办，市住建局。")
				.line("抄送", "局领导班子成员，各科室、各单位。")
				.copies(30)
				.build())
			.build();
	}

	static OfficialDocument notice() {
		return OfficialDocument.builder()
			.masthead(Masthead.issuer("××区住房和城乡建设局文件", "×住建〔2026〕12号"))
			.title("关于2026年第三季度信息宣传工作情况的通报")
			.addressee("各科室、各单位：")
			.paragraph("现将第三季度信息宣传工作情况通报如下。")
			.heading("总体情况")
			.subheading("信息报送")
			.subheading("信息采用")
			.heading(3, "市级采用")
			.heading("排名情况")
			.subheading("得分排名")
			.table(DocumentTable.of(List.of("名次", "单位", "得分"),
					List.of(List.of("1", "物业管理科", "96.5"), List.of("2", "办公室", "90"))).withWidths(1, 4, 2))
			.signature("××区住房和城乡建设局", DAY)
			.imprint(Imprint.builder().line("抄送", "区委办，区政府办。").issued("××区住房和城乡建设局办公室", DAY).build())
			.build();
	}

	static XWPFDocument open(OfficialDocument document) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(document.toBytes()));
	}

	static List<XWPFParagraph> withText(XWPFDocument docx) {
		return docx.getParagraphs().stream().filter(p -> !p.getText().isBlank()).toList();
	}

	static XWPFParagraph paragraph(XWPFDocument docx, String text) {
		return docx.getParagraphs().stream().filter(p -> p.getText().contains(text)).findFirst().orElseThrow();
	}

	static XWPFRun firstRun(XWPFParagraph paragraph) {
		return paragraph.getRuns().stream().filter(run -> run.text() != null && !run.text().isEmpty()).findFirst()
			.orElseThrow();
	}

	static String eastAsiaFont(XWPFRun run) {
		return run.getCTR().getRPr().getRFontsArray(0).getEastAsia();
	}

	static double points(XWPFRun run) {
		return run.getFontSizeAsDouble();
	}

	static String hex(CTBorder border) {
		return java.util.HexFormat.of().withUpperCase().formatHex((byte[]) border.getColor());
	}

	static long twips(Object value) {
		return ((BigInteger) value).longValue();
	}

	@Test
	void pageIsA4WithTheVersionBlockOf156By225Millimetres() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			CTSectPr section = docx.getDocument().getBody().getSectPr();
			assertThat(twips(section.getPgSz().getW()) / TWIPS_PER_MM).isCloseTo(210, within(0.2));
			assertThat(twips(section.getPgSz().getH()) / TWIPS_PER_MM).isCloseTo(297, within(0.2));
			CTPageMar margins = section.getPgMar();
			assertThat(twips(margins.getTop()) / TWIPS_PER_MM).isCloseTo(37, within(0.1));
			assertThat(twips(margins.getLeft()) / TWIPS_PER_MM).isCloseTo(28, within(0.1));
			double width = (twips(section.getPgSz().getW()) - twips(margins.getLeft()) - twips(margins.getRight()))
					/ TWIPS_PER_MM;
			double height = (twips(section.getPgSz().getH()) - twips(margins.getTop()) - twips(margins.getBottom()))
					/ TWIPS_PER_MM;
			assertThat(width).isCloseTo(156, within(0.1));
			assertThat(height).isCloseTo(225, within(0.1));
		}
	}

	@Test
	void gridGivesTwentyTwoLinesOfTwentyEightCharacters() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			CTSectPr section = docx.getDocument().getBody().getSectPr();
			long height = twips(section.getPgSz().getH()) - twips(section.getPgMar().getTop())
					- twips(section.getPgMar().getBottom());
			long width = twips(section.getPgSz().getW()) - twips(section.getPgMar().getLeft())
					- twips(section.getPgMar().getRight());
			// a line grid (no character grid: LibreOffice would give a 16 pt character two cells of one)
			assertThat(section.getDocGrid().getType()).isEqualTo(STDocGrid.LINES);
			assertThat(section.getDocGrid().isSetCharSpace()).isFalse();
			long pitch = twips(section.getDocGrid().getLinePitch());
			assertThat(height / pitch).isEqualTo(22);
			// character pitch: a 3号 character (320 twips) condensed by the default run spacing; 28 fit, 29 do not
			String styles = docx.getStyles().getCtStyles().xmlText();
			Matcher spacing = Pattern.compile("<w:spacing w:val=\"(-?\\d+)\"/>").matcher(styles);
			assertThat(spacing.find()).as(styles).isTrue();
			long characterPitch = 320 + Long.parseLong(spacing.group(1));
			assertThat(width / characterPitch).isEqualTo(28);
			assertThat(29 * characterPitch).isGreaterThan(width);
			// the Normal style names the size too: LibreOffice reads the grid's character from it, not the defaults
			assertThat(docx.getStyles().getStyle("Normal").getCTStyle().getRPr().getSzArray(0).getVal())
				.isEqualTo(BigInteger.valueOf(32));
			// every body line has the exact spacing of one grid line
			XWPFParagraph body = paragraph(docx, "现将第三季度");
			assertThat(body.getCTP().getPPr().getSpacing().getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
			assertThat(twips(body.getCTP().getPPr().getSpacing().getLine())).isEqualTo(pitch);
			assertThat(twips(body.getCTP().getPPr().getSpacing().getBefore())).isZero();
		}
	}

	@Test
	void bodyIsThreeHaoFangsongIndentedTwoCharactersWithFallbackInTheFontTable() throws Exception {
		try (XWPFDocument docx = open(notice())) {
			XWPFParagraph body = paragraph(docx, "现将第三季度");
			XWPFRun run = firstRun(body);
			assertThat(eastAsiaFont(run)).isEqualTo("仿宋_GB2312");
			assertThat(points(run)).isEqualTo(16.0);
			assertThat(run.getColor()).isNull();
			assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
			assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
			PackagePart fontTable = docx.getPackagePart()
				.getRelatedPart(docx.getPackagePart().getRelationshipsByType(XWPFRelation.FONT_TABLE.getRelation())
					.getRelationship(0));
			String fonts = new String(fontTable.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(fonts).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")
				.contains("w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>")
				.contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"华文中宋\"/>");
			// the defaults are 3号仿宋 too, so that empty lines keep the grid
			String styles = docx.getStyles().getCtStyles().xmlText();
			assertThat(styles).contains("仿宋_GB2312").contains("w:val=\"32\"");
		}
	}

	@Test
	void issuerMastheadIsRedXiaobiaosongWithTheNumberAndARedLineAsWideAsTheBlock() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			XWPFParagraph mark = docx.getParagraphs().get(0);
			assertThat(mark.getText()).isEqualTo("××区住房和城乡建设局文件");
			assertThat(mark.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			assertThat(firstRun(mark).getColor()).isEqualTo("FF0000");
			assertThat(eastAsiaFont(firstRun(mark))).isEqualTo("方正小标宋简体");
			assertThat(twips(mark.getCTP().getPPr().getSpacing().getBefore()) / TWIPS_PER_MM).isCloseTo(35,
					within(0.1));
			// 7.2.5: two empty lines, then the number, centred
			assertThat(docx.getParagraphs().get(1).getText()).isEmpty();
			assertThat(docx.getParagraphs().get(2).getText()).isEmpty();
			XWPFParagraph number = docx.getParagraphs().get(3);
			assertThat(number.getText()).isEqualTo("×住建〔2026〕12号");
			assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			CTBorder line = number.getCTP().getPPr().getPBdr().getBottom();
			assertThat(line.getVal()).isEqualTo(STBorder.SINGLE);
			assertThat(hex(line)).isEqualTo("FF0000");
			assertThat(number.getIndentationLeft()).isLessThanOrEqualTo(0);
			assertThat(number.getIndentationRight()).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void titleIsTwoHaoXiaobiaosongTwoLinesBelowTheRedLine() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			List<XWPFParagraph> paragraphs = docx.getParagraphs();
			int title = paragraphs.indexOf(paragraph(docx, "关于2026年第三季度"));
			assertThat(paragraphs.get(title - 1).getText()).isEmpty();
			assertThat(paragraphs.get(title - 2).getText()).isEmpty();
			assertThat(paragraphs.get(title - 3).getText()).isEqualTo("×住建〔2026〕12号");
			XWPFRun run = firstRun(paragraphs.get(title));
			assertThat(points(run)).isEqualTo(22.0);
			assertThat(eastAsiaFont(run)).isEqualTo("方正小标宋简体");
			assertThat(paragraphs.get(title).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			// 7.3.2: the addressee one line below the title, flush left
			assertThat(paragraphs.get(title + 1).getText()).isEmpty();
			assertThat(paragraphs.get(title + 2).getText()).isEqualTo("各科室、各单位：");
			assertThat(paragraphs.get(title + 2).getCTP().getPPr().getInd()).isNull();
		}
	}

	/** 7.3.1 and 7.2.4: a long title breaks where a phrase ends, a long issuer mark shrinks to one line. */
	@Test
	void aLongTitleBreaksWhereAPhraseEndsAndALongMarkKeepsToOneLine() {
		assertThat(GbT9704.titleLines("关于2026年11月信息宣传工作情况的通报")).containsExactly("关于2026年11月信息宣传工作情况的通报");
		assertThat(GbT9704.titleLines("关于2026年11月份信息宣传工作情况的通报")).containsExactly("关于2026年11月份",
				"信息宣传工作情况的通报");
		assertThat(GbT9704.titleLines("关于2026年第三季度信息宣传工作情况的通报")).containsExactly("关于2026年第三季度",
				"信息宣传工作情况的通报");
		assertThat(GbT9704.titleLines("区住房和城乡建设局关于进一步加强和改进全局信息宣传工作推动住房和城乡建设事业高质量发展的实施意见"))
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(line -> assertThat(GbT9704.laidOutWidth(line)).isLessThanOrEqualTo(GbT9704.lineCharacters(22)))
			.allSatisfy(line -> assertThat(line.length()).isGreaterThan(3));
		assertThat(GbT9704.markSizeToFit("区住房和城乡建设局文件", 36)).isEqualTo(36);
		assertThat(GbT9704.markSizeToFit("区住房和城乡建设局办公室文件", 36)).isEqualTo(31);
	}

	@Test
	void headingsAreNumberedInHeitiKaitiAndFangsong() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			assertThat(eastAsiaFont(firstRun(paragraph(docx, "一、总体情况")))).isEqualTo("黑体");
			assertThat(eastAsiaFont(firstRun(paragraph(docx, "（一）信息报送")))).isEqualTo("楷体_GB2312");
			assertThat(eastAsiaFont(firstRun(paragraph(docx, "（二）信息采用")))).isEqualTo("楷体_GB2312");
			assertThat(eastAsiaFont(firstRun(paragraph(docx, "1.市级采用")))).isEqualTo("仿宋_GB2312");
			// a new first-level heading restarts the second level
			assertThat(eastAsiaFont(firstRun(paragraph(docx, "二、排名情况")))).isEqualTo("黑体");
			assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText)).contains("（一）得分排名");
			assertThat(points(firstRun(paragraph(docx, "二、排名情况")))).isEqualTo(16.0);
		}
	}

	@Test
	void rankingTableHasABoldHeaderRepeatedOnEveryPageAndBordersAsWideAsTheBlock() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			XWPFTable table = docx.getTables().get(0);
			assertThat(table.getNumberOfRows()).isEqualTo(3);
			assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("单位");
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(1).isRepeatHeader()).isFalse();
			assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
			assertThat(table.getRow(1).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
			assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("物业管理科");
			CTTblBorders borders = table.getCTTbl().getTblPr().getTblBorders();
			assertThat(List.of(borders.getTop(), borders.getBottom(), borders.getLeft(), borders.getRight(),
					borders.getInsideH(), borders.getInsideV())).allSatisfy(
							border -> assertThat(border.getVal()).isEqualTo(STBorder.SINGLE));
			assertThat(twips(table.getCTTbl().getTblPr().getTblW().getW())).isEqualTo(GbT9704.TEXT_WIDTH);
			long columns = table.getCTTbl().getTblGrid().getGridColList().stream()
				.mapToLong(column -> twips(column.getW())).sum();
			assertThat(columns).isEqualTo(GbT9704.TEXT_WIDTH);
			assertThat(twips(table.getCTTbl().getTblGrid().getGridColArray(1).getW()))
				.isCloseTo(4L * twips(table.getCTTbl().getTblGrid().getGridColArray(0).getW()), within(4L));
		}
	}

	@Test
	void sealedSignaturePutsTheDateFourCharactersFromTheRightInArabicNumerals() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			XWPFParagraph date = paragraph(docx, "2026年11月27日");
			assertThat(date.getText()).isEqualTo("2026年11月27日");
			assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
			assertThat(date.getCTP().getPPr().getInd().getRightChars()).isEqualTo(BigInteger.valueOf(400));
			List<XWPFParagraph> paragraphs = docx.getParagraphs();
			XWPFParagraph issuer = paragraphs.get(paragraphs.indexOf(date) - 1);
			assertThat(issuer.getText()).isEqualTo("××区住房和城乡建设局");
			// centred over the date (7 characters): 4 + (7 − 11) / 2 = 2 characters from the right
			assertThat(issuer.getCTP().getPPr().getInd().getRightChars()).isEqualTo(BigInteger.valueOf(200));
		}
	}

	@Test
	void unsealedSignatureCentresTheDateUnderTheIssuerTwoCharactersFromTheRight() throws IOException {
		OfficialDocument document = OfficialDocument.builder().paragraph("正文。")
			.unsealedSignature("××区住房和城乡建设局办公室", LocalDate.of(2026, 1, 5)).build();
		try (XWPFDocument docx = open(document)) {
			XWPFParagraph issuer = paragraph(docx, "办公室");
			assertThat(issuer.getCTP().getPPr().getInd().getRightChars()).isEqualTo(BigInteger.valueOf(200));
			XWPFParagraph date = paragraph(docx, "2026年1月5日");
			// 14 characters over 6 (four digits at ½, 年月日, 1 and 5 at ½): 2 + (14 − 6) / 2 = 6
			assertThat(date.getCTP().getPPr().getInd().getRightChars()).isEqualTo(BigInteger.valueOf(600));
		}
	}

	@Test
	void imprintHasThickFirstAndLastLinesThinLinesBetweenAndSitsAtTheFootOfTheBlock() throws IOException {
		try (XWPFDocument docx = open(notice())) {
			XWPFTable imprint = docx.getTables().get(docx.getTables().size() - 1);
			assertThat(imprint.getRow(0).getCell(0).getText()).isEqualTo("抄送：区委办，区政府办。");
			assertThat(imprint.getRow(1).getCell(0).getText())
				.isEqualTo("××区住房和城乡建设局办公室\t2026年11月27日印发");
			CTTblBorders borders = imprint.getCTTbl().getTblPr().getTblBorders();
			assertThat(borders.getTop().getSz()).isEqualTo(BigInteger.valueOf(GbT9704.IMPRINT_THICK_LINE));
			assertThat(borders.getBottom().getSz()).isEqualTo(BigInteger.valueOf(GbT9704.IMPRINT_THICK_LINE));
			assertThat(borders.getInsideH().getSz()).isEqualTo(BigInteger.valueOf(GbT9704.IMPRINT_THIN_LINE));
			assertThat(GbT9704.IMPRINT_THICK_LINE / 8.0 * 25.4 / 72).isCloseTo(0.35, within(0.01));
			assertThat(GbT9704.IMPRINT_THIN_LINE / 8.0 * 25.4 / 72).isCloseTo(0.25, within(0.02));
			assertThat(borders.getLeft().getVal()).isEqualTo(STBorder.NIL);
			assertThat(imprint.getCTTbl().getTblPr().getTblpPr().getTblpYSpec().toString()).isEqualTo("bottom");
			assertThat(imprint.getCTTbl().getTblPr().getTblpPr().getVertAnchor().toString()).isEqualTo("margin");
			XWPFParagraph copy = imprint.getRow(0).getCell(0).getParagraphs().get(0);
			XWPFRun run = firstRun(copy);
			assertThat(points(run)).isEqualTo(14.0);
			assertThat(eastAsiaFont(run)).isEqualTo("仿宋_GB2312");
			// one character in; a wrapped line starts under the first character after "抄送："
			assertThat(copy.getCTP().getPPr().getInd().getHanging()).isEqualTo(BigInteger.valueOf(3 * 280));
			assertThat(twips(copy.getCTP().getPPr().getInd().getLeft())).isEqualTo(4 * 280);
		}
	}

	@Test
	void bulletinMastheadShowsNameIssueEditingUnitAndDateOverARedLine() throws IOException {
		try (XWPFDocument docx = open(bulletin())) {
			List<XWPFParagraph> lines = withText(docx);
			assertThat(lines.get(0).getText()).isEqualTo("住建信息");
			assertThat(firstRun(lines.get(0)).getColor()).isEqualTo("FF0000");
			assertThat(eastAsiaFont(firstRun(lines.get(0)))).isEqualTo("方正小标宋简体");
			assertThat(points(firstRun(lines.get(0)))).isEqualTo(36.0);
			assertThat(lines.get(1).getText()).isEqualTo("第12期（总第158期）");
			assertThat(lines.get(1).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			assertThat(lines.get(2).getText()).isEqualTo("××区住房和城乡建设局办公室编\t2026年11月27日");
			assertThat(lines.get(2).getCTP().getPPr().getTabs().getTabArray(0).getPos())
				.isEqualTo(BigInteger.valueOf(GbT9704.TEXT_WIDTH));
			CTBorder line = lines.get(2).getCTP().getPPr().getPBdr().getBottom();
			assertThat(hex(line)).isEqualTo("FF0000");
			assertThat(line.getSz()).isEqualTo(BigInteger.valueOf(GbT9704.MASTHEAD_LINE));
			assertThat(lines.get(3).getText()).isEqualTo("编者按：冬季供暖关系千家万户，现将有关情况编发，供参阅。");
			assertThat(eastAsiaFont(lines.get(3).getRuns().get(0))).isEqualTo("黑体");
			assertThat(eastAsiaFont(lines.get(3).getRuns().get(1))).isEqualTo("楷体_GB2312");
			assertThat(lines.get(4).getText()).isEqualTo("我局开展冬季供暖保障专项检查");
			assertThat(lines.get(4).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			// a multi-line text becomes one indented paragraph per line
			assertThat(lines.get(5).getText()).isEqualTo("11月25日，局分管领导带队检查了辖区供热企业。");
			assertThat(lines.get(6).getText()).isEqualTo("检查共发现问题12处，已全部交办。");
			assertThat(lines.get(7).getText()).isEqualTo("（物业管理科）");
			assertThat(lines.get(7).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
		}
	}

	@Test
	void bulletinImprintHasDistributionAtTheLeftAndThePrintCountAtTheRight() throws IOException {
		try (XWPFDocument docx = open(bulletin())) {
			XWPFTable imprint = docx.getTables().get(0);
			assertThat(imprint.getRows()).hasSize(2);
			assertThat(imprint.getRow(0).getCell(0).getText()).isEqualTo("报送：区委办，区政府办，市住建局。");
			assertThat(imprint.getRow(1).getCell(0).getText()).isEqualTo("抄送：局领导班子成员，各科室、各单位。\t（共印30份）");
			// the document ends with a paragraph after the floating 版记
			List<IBodyElement> body = docx.getBodyElements();
			assertThat(body.get(body.size() - 1)).isInstanceOf(XWPFParagraph.class);
		}
	}

	@Test
	void pageNumbersAreFourHaoSongtiWithDashesOddRightEvenLeft() throws IOException {
		try (XWPFDocument docx = open(bulletin())) {
			assertThat(docx.getSettings().getEvenAndOddHeadings()).isTrue();
			XWPFHeaderFooterPolicy policy = docx.getHeaderFooterPolicy();
			XWPFFooter odd = policy.getDefaultFooter();
			XWPFFooter even = policy.getEvenPageFooter();
			for (XWPFFooter footer : List.of(odd, even)) {
				XWPFParagraph number = footer.getParagraphs().get(0);
				assertThat(number.getText()).isEqualTo("— 1 —");
				assertThat(number.getCTP().xmlText()).contains("PAGE");
				assertThat(number.getRuns()).allSatisfy(run -> {
					assertThat(points(run)).isEqualTo(14.0);
					assertThat(eastAsiaFont(run)).isEqualTo("宋体");
				});
			}
			assertThat(odd.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
			assertThat(twips(odd.getParagraphs().get(0).getCTP().getPPr().getInd().getRight())).isEqualTo(280);
			assertThat(even.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
			assertThat(twips(even.getParagraphs().get(0).getCTP().getPPr().getInd().getLeft())).isEqualTo(280);
			// 7 mm between the 版心 and the top of the number line
			CTPageMar margins = docx.getDocument().getBody().getSectPr().getPgMar();
			double gap = (twips(margins.getBottom()) - twips(margins.getFooter()) - 280) / TWIPS_PER_MM;
			assertThat(gap).isCloseTo(7, within(0.1));
		}
	}

	@Test
	void plainTextHasMastheadItemsAndImprint() {
		String text = bulletin().plainText();
		assertThat(text.lines().collect(Collectors.toList())).startsWith("住建信息", "第12期 总第158期",
				"××区住房和城乡建设局办公室编 2026年11月27日");
		assertThat(text).contains("我局开展冬季供暖保障专项检查", "检查共发现问题12处", "报送：区委办，区政府办，市住建局。", "（共印30份）");
	}

	@Test
	void datesAndNumbersFollowTheStandard() {
		assertThat(GbT9704.date(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
		assertThat(GbT9704.chineseNumber(1)).isEqualTo("一");
		assertThat(GbT9704.chineseNumber(10)).isEqualTo("十");
		assertThat(GbT9704.chineseNumber(12)).isEqualTo("十二");
		assertThat(GbT9704.chineseNumber(20)).isEqualTo("二十");
		assertThat(GbT9704.chineseNumber(99)).isEqualTo("九十九");
		assertThat(GbT9704.characters("2026年11月27日")).isEqualTo(7.0);
	}

	@Test
	void blankTextAndRaggedTablesAreRefused() {
		assertThatThrownBy(() -> OfficialDocument.builder().paragraph(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DocumentTable.of(List.of("a", "b"), List.of(List.of("1"))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Imprint.builder().copies(0).build()).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesTheSameContentTheSameWayTwice() throws IOException {
		OfficialDocument document = bulletin();
		try (XWPFDocument first = open(document); XWPFDocument second = open(document)) {
			assertThat(first.getDocument().xmlText()).isEqualTo(second.getDocument().xmlText());
		}
	}

}
