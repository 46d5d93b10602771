package io.infodesk.shared.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.infodesk.support.LibreOffice;

/**
 * Opens what {@link OfficialDocument} writes in LibreOffice Writer (headless, converted to PDF) and measures the
 * PDF against GB/T 9704-2012: A4 (5.2.1), 28 characters a body line and 22 lines a page (5.2.4), the red 版头 with
 * its separator as wide as the 版心 (7.2), the bulletin's editing unit and date on one line, page numbers
 * "— 1 —" at the right of odd and "— 2 —" at the left of even pages (7.5). Three kinds of document: a bulletin
 * built as {@code reporting.Bulletins} builds one, a 通报 built as {@code assessment.circular.CircularDocuments} builds one,
 * and a plain document of long paragraphs. The first page of each goes to {@code target/screenshots/documents/}.
 * Skipped without LibreOffice locally; required on CI (see {@link LibreOffice}).
 */
class LibreOfficeLayoutTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	/** Ideographs without punctuation, so that no line-breaking rule moves a character: every full line is 28. */
	static final String IDEOGRAPHS = "区住房和城乡建设局持续推进老旧小区改造工作各街道社区积极配合群众满意度明显提升"
			+ "物业管理科会同房产交易管理中心开展专项检查建立问题清单限期整改到位形成长效机制";

	/** Length of each paragraph of the plain document: one first line of 26 after the indent, then lines of 28. */
	static final int PARAGRAPH = 100;

	static final int PARAGRAPHS = 13;

	static final Map<String, Path> PDFS = new LinkedHashMap<>();

	static Path out;

	@BeforeAll
	static void convert() throws IOException {
		LibreOffice.assumeInstalled();
		out = Files.createDirectories(Path.of("target", "libreoffice", "documents"));
		Map<String, OfficialDocument> documents = new LinkedHashMap<>();
		documents.put("bulletin", bulletin());
		documents.put("circular", circular());
		documents.put("document", plain());
		List<Path> files = new ArrayList<>();
		for (Map.Entry<String, OfficialDocument> document : documents.entrySet()) {
			Path docx = out.resolve(document.getKey() + ".docx");
			Files.write(docx, document.getValue().toBytes());
			files.add(docx);
		}
		List<Path> pdfs = LibreOffice.convert("pdf", out, files);
		int i = 0;
		for (String name : documents.keySet()) {
			PDFS.put(name, pdfs.get(i++));
			LibreOffice.firstPage(PDFS.get(name), name);
		}
	}

	/** A bulletin as {@code Bulletins.document} writes an issue: 报头, 编者按, articles with bylines, 版记. */
	static OfficialDocument bulletin() {
		return OfficialDocument.builder()
			.masthead(Masthead.periodical("住建信息", "第1期", "区住房和城乡建设局办公室编", DAY).withTotalIssue("总第12期"))
			.note("编者按", "岁末年初，各科室、各单位围绕住房保障和城市更新做了大量工作，现将有关情况编发，供参阅。")
			.articleTitle("我局开展冬季供暖保障专项检查")
			.paragraph("十二月一日起，局分管领导带队分三组对辖区供热企业开展专项检查，重点检查供热设施运行、"
					+ "应急抢修队伍和物资储备、投诉处置等情况，现场督促整改问题十二处，确保群众温暖过冬。")
			.paragraph("检查组要求各供热企业压实主体责任，落实二十四小时值班制度，畅通投诉渠道，做到接诉即办。")
			.byline("（物业管理科）")
			.articleTitle("房产交易管理中心推行“一窗通办”")
			.paragraph("中心将交易、缴税、登记三个环节合并为一个窗口办理，群众办理存量房转移登记由原来的跑三个"
					+ "窗口变为只进一扇门，平均办理时间由三个工作日缩短为一个工作日。")
			.byline("（房产交易管理中心）")
			.imprint(Imprint.builder()
				.line("报送", "区委办，区政府办，市住建局。")
				.line("抄送", "局领导班子成员，各科室、各单位。")
				.issued("区住房和城乡建设局办公室", DAY)
				.copies(30)
				.build())
			.build();
	}

	/**
	 * A 通报 as {@code CircularDocuments.document} writes one: 版头 with 发文字号, headings, ranking table, signature —
	 * with the demo's own mark and title (issue 11's acceptance, checked on the downloaded 通报: the long mark
	 * "区住房和城乡建设局办公室文件" at 小初 wrapped "文件" onto a line of its own, and the title left a lone "报").
	 */
	static OfficialDocument circular() {
		List<List<String>> ranking = new ArrayList<>();
		String[] units = { "办公室", "住房保障科", "物业管理科", "建筑市场科", "城市更新科", "房产交易管理中心" };
		for (int i = 0; i < units.length; i++) {
			ranking.add(List.of(String.valueOf(i + 1), units[i], "12", "6", "3", "2", "1", "0", "24", "30", "优秀"));
		}
		return OfficialDocument.builder()
			.masthead(Masthead.issuer("区住房和城乡建设局办公室文件", "区住建办〔2026〕53号"))
			.title("关于2026年11月份信息宣传工作情况的通报")
			.addressee("各科室、各单位：")
			.paragraph("为进一步做好信息宣传工作，现将2026年11月各科室、各单位信息报送和采用情况通报如下。")
			.heading("总体情况")
			.paragraph("本月全局共报送信息一百二十条，被各级采用五十六条，其中国家级采用二条、省级采用六条、"
					+ "市级采用十八条、区级采用三十条，领导批示五件。")
			.heading("排名情况")
			.paragraph("按照信息宣传工作考核办法，本月各单位得分及排名如下。")
			.table(new DocumentTable(List.of("名次", "单位", "采用", "批示", "约稿", "急件", "定额", "调整", "合计", "目标",
					"等次"), ranking, new int[] { 3, 8, 3, 3, 3, 3, 3, 3, 4, 4, 3 }, 11))
			.heading("工作要求")
			.paragraph("各科室、各单位要进一步提高认识，明确专人负责，围绕中心工作多报送有价值的信息，"
					+ "对本月未完成目标任务的单位，要认真分析原因，切实加以改进。")
			.signature("区住房和城乡建设局", DAY)
			.imprint(Imprint.builder().line("抄送", "区委办，区政府办。").issued("区住房和城乡建设局办公室", DAY).build())
			.build();
	}

	/** A plain document of long paragraphs of ideographs: two full pages and more. */
	static OfficialDocument plain() {
		OfficialDocument.Builder builder = OfficialDocument.builder().title("关于住房和城乡建设工作情况的报告");
		for (int p = 0; p < PARAGRAPHS; p++) {
			builder.paragraph(paragraphText(p));
		}
		return builder.build();
	}

	static String paragraphText(int p) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < PARAGRAPH; i++) {
			text.append(IDEOGRAPHS.charAt((p * 7 + i) % IDEOGRAPHS.length()));
		}
		return text.toString();
	}

	// ---- the PDF ----

	@Test
	void everyDocumentIsA4() {
		for (Map.Entry<String, Path> pdf : PDFS.entrySet()) {
			Matcher size = Pattern.compile("Page size:\\s+([\\d.]+) x ([\\d.]+) pts").matcher(LibreOffice.info(pdf.getValue()));
			assertThat(size.find()).as(pdf.getKey()).isTrue();
			assertThat(Double.parseDouble(size.group(1)) * 25.4 / 72).as(pdf.getKey()).isCloseTo(210, within1());
			assertThat(Double.parseDouble(size.group(2)) * 25.4 / 72).as(pdf.getKey()).isCloseTo(297, within1());
		}
	}

	@Test
	void bodyLinesHoldTwentyEightCharactersAndAFullPageTwentyTwoLines() {
		List<String> pages = LibreOffice.pages(PDFS.get("document"));
		assertThat(pages).as("pages of the plain document").hasSizeGreaterThanOrEqualTo(3);
		// the body lines of every page, without the title and the page number
		List<Double> widths = new ArrayList<>();
		for (int page = 0; page < pages.size(); page++) {
			List<String> lines = textLines(pages.get(page));
			lines.removeIf(line -> line.strip().startsWith("—") || line.contains("关于住房和城乡建设工作情况的报告"));
			if (page == 1) {
				assertThat(lines).as("body lines of the full page 2:\n" + pages.get(page)).hasSize(22);
			}
			lines.forEach(line -> widths.add(width(line)));
		}
		List<Double> expected = new ArrayList<>();
		for (int p = 0; p < PARAGRAPHS; p++) {
			int rest = PARAGRAPH - 26;
			expected.add(26.0);
			while (rest > 28) {
				expected.add(28.0);
				rest -= 28;
			}
			expected.add((double) rest);
		}
		assertThat(widths).as("characters of every body line (26 after the indent, then 28 a line)\n"
				+ String.join("\f", pages)).isEqualTo(expected);
	}

	@Test
	void bulletinAndCircularBodyLinesAreTwentyEightCharactersWide() {
		for (String name : List.of("bulletin", "circular")) {
			// the first two pages: the 通报's 版头 and two-line title leave page 1 one short paragraph
			List<String> pages = LibreOffice.pages(PDFS.get(name));
			List<String> lines = textLines(String.join("\n", pages.subList(0, Math.min(2, pages.size()))));
			// a body paragraph's lines: those of 20 or more characters; none may pass 28 (a closing mark may hang
			// beyond the 版心, as Word's and LibreOffice's 标点溢出边界 allow)
			List<Double> full = lines.stream().map(LibreOfficeLayoutTests::widthInBlock).filter(w -> w >= 20).toList();
			assertThat(full).as(name + " has wrapped body paragraphs:\n" + String.join("\n", lines)).isNotEmpty();
			assertThat(full).as(name + " body lines:\n" + String.join("\n", lines)).allMatch(w -> w <= 28);
			assertThat(full).as(name + " full lines:\n" + String.join("\n", lines)).anyMatch(w -> w == 28);
		}
	}

	@Test
	void bulletinHeaderKeepsEditingUnitAndDateOnOneLine() {
		List<String> lines = textLines(LibreOffice.pages(PDFS.get("bulletin")).get(0));
		assertThat(lines).as(String.join("\n", lines))
			.anyMatch(line -> squeezed(line).equals("区住房和城乡建设局办公室编2026年12月7日"));
		assertThat(lines).anyMatch(line -> squeezed(line).equals("第1期（总第12期）"));
		assertThat(lines).anyMatch(line -> squeezed(line).equals("住建信息"));
	}

	@Test
	void circularHeaderHasTheMarkAndTheNumberOnLinesOfTheirOwn() {
		List<String> lines = textLines(LibreOffice.pages(PDFS.get("circular")).get(0));
		assertThat(lines).as(String.join("\n", lines))
			.anyMatch(line -> squeezed(line).equals("区住房和城乡建设局办公室文件"));
		assertThat(lines).anyMatch(line -> squeezed(line).equals("区住建办〔2026〕53号"));
		// 7.3.1: the title in two lines broken where a phrase ends, no lone character
		assertThat(lines).anyMatch(line -> squeezed(line).equals("关于2026年11月份"));
		assertThat(lines).anyMatch(line -> squeezed(line).equals("信息宣传工作情况的通报"));
	}

	@Test
	void mastheadAndSeparatorAreRedAndTheSeparatorSpansTheBlock() throws IOException {
		for (String name : List.of("bulletin", "circular")) {
			BufferedImage page = ImageIO.read(LibreOffice.SCREENSHOTS.resolve(name + ".png").toFile());
			double pixelsPerMm = page.getWidth() / 210.0;
			int redRows = 0;
			int widest = 0;
			for (int y = 0; y < page.getHeight() / 2; y++) {
				int red = 0;
				for (int x = 0; x < page.getWidth(); x++) {
					int rgb = page.getRGB(x, y);
					int r = (rgb >> 16) & 0xff;
					int g = (rgb >> 8) & 0xff;
					int b = rgb & 0xff;
					if (r > 180 && g < 90 && b < 90) {
						red++;
					}
				}
				redRows += red > 0 ? 1 : 0;
				widest = Math.max(widest, red);
			}
			assertThat(redRows).as(name + ": rows with red in the upper half").isGreaterThan(10);
			assertThat(widest / pixelsPerMm).as(name + ": the red separator in mm").isCloseTo(156, within(3));
		}
	}

	@Test
	void pageNumbersAreDashedOddRightEvenLeftBelowTheBlock() {
		double mm = 72 / 25.4;
		double blockLeft = 28 * mm;
		double blockRight = (210 - 26) * mm;
		double blockBottom = (297 - 35) * mm;
		double character4 = 14;
		for (String name : List.of("document", "circular")) {
			List<String> pages = LibreOffice.pages(PDFS.get(name));
			assertThat(pages).as(name).hasSizeGreaterThanOrEqualTo(2);
			List<List<double[]>> dashes = dashes(LibreOffice.boxes(PDFS.get(name)));
			for (int page = 0; page < 2; page++) {
				List<String> lines = textLines(pages.get(page));
				// the page number is the last text of the page: "— 1 —"
				assertThat(squeezed(lines.get(lines.size() - 1))).as(name + " page " + (page + 1))
					.isEqualTo("—" + (page + 1) + "—");
				List<double[]> two = dashes.get(page);
				assertThat(two).as(name + " page " + (page + 1) + " dashes").hasSize(2);
				// 7.5: 7 mm below the 版心, one 4号 character in from the right (odd) or the left (even)
				assertThat(two.get(0)[1]).as(name + ": top of the page number").isBetween(blockBottom + 5 * mm,
						blockBottom + 9 * mm);
				if (page % 2 == 0) {
					assertThat(two.get(1)[2]).as(name + ": odd page number at the right")
						.isCloseTo(blockRight - character4, within(3));
				}
				else {
					assertThat(two.get(0)[0]).as(name + ": even page number at the left")
						.isCloseTo(blockLeft + character4, within(3));
				}
			}
		}
	}

	/** Per page, the boxes (xMin, yMin, xMax) of the words "—" below the 版心, left to right. */
	static List<List<double[]>> dashes(String boxes) {
		List<List<double[]>> pages = new ArrayList<>();
		Pattern word = Pattern.compile(
				"<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">—</word>");
		String[] parts = boxes.split("<page ");
		for (int i = 1; i < parts.length; i++) {
			List<double[]> found = new ArrayList<>();
			Matcher matcher = word.matcher(parts[i]);
			while (matcher.find()) {
				double[] box = { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(3)) };
				if (box[1] > 742) {
					found.add(box);
				}
			}
			found.sort(java.util.Comparator.comparingDouble(box -> box[0]));
			pages.add(found);
		}
		return pages;
	}

	// ---- helpers ----

	static org.assertj.core.data.Offset<Double> within1() {
		return within(1);
	}

	static org.assertj.core.data.Offset<Double> within(double value) {
		return org.assertj.core.data.Offset.offset(value);
	}

	/** The non-blank lines of a page, trailing spaces removed. */
	static List<String> textLines(String page) {
		List<String> lines = new ArrayList<>();
		for (String line : page.split("\n")) {
			if (!line.isBlank()) {
				lines.add(line.stripTrailing());
			}
		}
		return lines;
	}

	/** A line without any spaces (pdftotext puts some between Chinese and digits, and drops narrow ones). */
	static String squeezed(String line) {
		return line.replaceAll("\\s+", "");
	}

	/** Width inside the 版心: {@link #width} without a closing mark hanging at the end of the line. */
	static double widthInBlock(String line) {
		String text = line.stripTrailing();
		boolean hanging = !text.isEmpty() && "，。、；：？！”’）》」』".indexOf(text.charAt(text.length() - 1)) >= 0;
		return width(text) - (hanging && width(text) > 28 ? 1 : 0);
	}

	/** Width in 3号 characters: a full-width character 1, an ASCII letter or digit ½, spaces not counted. */
	static double width(String line) {
		double width = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (!Character.isWhitespace(c)) {
				width += c < 0x80 ? 0.5 : 1;
			}
		}
		return width;
	}

}
