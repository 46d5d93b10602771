package io.infodesk.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.support.LibreOffice;

/**
 * The Excel exports as a reader opens them: the item register ({@code /reporting/items/export}) and the unit
 * ranking ({@code /assessment/export}) downloaded through their real endpoints, converted by LibreOffice Calc
 * (headless) to CSV in one call, and compared cell by cell with what POI reads from the same file — same rows and
 * cells, Chinese intact, and text that would run as a formula still neutralised with its leading quote. Skipped
 * without LibreOffice locally; required on CI (see {@link LibreOffice}).
 */
class ExportsInLibreOfficeCalcTests extends ReportingIntegrationTest {

	/** CSV: comma, double quote, UTF-8 (76), from line 1, cells as shown. */
	static final String CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";

	@BeforeAll
	static void libreOffice() {
		LibreOffice.assumeInstalled();
	}

	@Test
	void registerAndRankingExportsOpenInCalcWithTheSameCells() throws Exception {
		String marker = unique("台账导出");
		InformationItem formula = draft("=HYPERLINK(\"http://evil\")" + marker);
		draft(marker + "老旧小区改造“一窗通办”，群众满意");
		byte[] register = mvc.perform(get("/reporting/items/export").param("keyword", marker).with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] ranking = mvc.perform(get("/assessment/export").with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		Path out = Files.createDirectories(Path.of("target", "libreoffice", "exports"));
		Path registerFile = Files.write(out.resolve("register.xlsx"), register);
		Path rankingFile = Files.write(out.resolve("ranking.xlsx"), ranking);
		List<Path> csv = LibreOffice.convert(CSV, out, List.of(registerFile, rankingFile));

		List<List<String>> registerCells = csv(csv.get(0));
		assertThat(registerCells).isEqualTo(cells(register));
		assertThat(registerCells).hasSize(3);
		assertThat(registerCells.get(0)).startsWith("序号", "标题");
		assertThat(registerCells).extracting(row -> row.get(1))
			.contains("'" + formula.getTitle(), marker + "老旧小区改造“一窗通办”，群众满意");
		assertThat(registerCells.stream().flatMap(List::stream))
			.noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);

		List<List<String>> rankingCells = csv(csv.get(1));
		assertThat(rankingCells).isEqualTo(cells(ranking));
		assertThat(rankingCells.get(0)).startsWith("名次", "单位");
		assertThat(rankingCells.size()).as("the units of the demo organisation").isGreaterThan(5);
		assertThat(rankingCells).extracting(row -> row.get(1)).contains("办公室");
	}

	/** Every cell of the first sheet as POI shows it, trailing empty cells dropped. */
	static List<List<String>> cells(byte[] xlsx) throws IOException {
		DataFormatter format = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
					}
				}
				rows.add(trimmed(cells));
			}
		}
		return rows;
	}

	/** The rows of a CSV file (RFC 4180 quoting), trailing empty cells dropped. */
	static List<List<String>> csv(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(trimmed(row));
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(trimmed(row));
		}
		return rows;
	}

	private static List<String> trimmed(List<String> cells) {
		List<String> copy = new ArrayList<>(cells);
		while (!copy.isEmpty() && copy.get(copy.size() - 1).isEmpty()) {
			copy.remove(copy.size() - 1);
		}
		return copy;
	}

}
