package io.infodesk.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExcelExporterTests {

	record Row1(@ExcelColumn(header = "数量", order = 3) int count, @ExcelColumn(header = "姓名", order = 1) String name,
			String notExported, @ExcelColumn(header = "日期", order = 2) LocalDate day,
			@ExcelColumn(header = "党员", order = 4) boolean partyMember) {

	}

	@Test
	void writesAnnotatedColumnsInOrderWithBoldFrozenHeader() throws IOException {
		byte[] xlsx = ExcelExporter.forRows(Row1.class)
			.export("人员", List.of(new Row1(3, "张三", "x", LocalDate.of(2026, 11, 27), true)));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("人员");
			Row header = sheet.getRow(0);
			assertThat(texts(header)).containsExactly("姓名", "日期", "数量", "党员");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("张三");
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("2026-11-27");
			assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(3.0);
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("是");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
		}
	}

	@Test
	void neutralisesTextThatASpreadsheetWouldRunAsFormula() throws IOException {
		List<ExcelExporter.Column<String>> columns = List.of(ExcelExporter.Column.of("值", value -> value));
		List<String> values = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3", "@SUM(A1)", "\tTab", "正常", "");

		byte[] xlsx = ExcelExporter.withColumns(columns).export("s", values);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'+1+2");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'-3");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("'\tTab");
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("正常");
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	@Test
	void columnsAreAsWideAsTheirContentWithinBounds() throws IOException {
		List<ExcelExporter.Column<String>> columns = List.of(ExcelExporter.Column.of("名", value -> value),
				ExcelExporter.Column.of("长", value -> "很".repeat(200)));

		byte[] xlsx = ExcelExporter.withColumns(columns).export("s", List.of("房地产市场监管科"));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			// 8 Chinese characters count as 16 cells, plus a margin of 2
			assertThat(sheet.getColumnWidth(0)).isEqualTo(18 * 256);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(ExcelExporter.MAX_WIDTH * 256);
		}
	}

	@Test
	void contentDispositionCarriesTheChineseNameEncodedAndAnAsciiFallback() {
		String header = ExcelDownload.contentDisposition("人员名单 2026.xlsx", "people.xlsx");

		assertThat(header).isEqualTo("attachment; filename=\"people.xlsx\"; "
				+ "filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%8D%95%202026.xlsx");
	}

	private static List<String> texts(Row row) {
		return java.util.stream.StreamSupport.stream(row.spliterator(), false).map(Cell::getStringCellValue).toList();
	}

}
