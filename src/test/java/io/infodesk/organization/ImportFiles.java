package io.infodesk.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.infodesk.shared.excel.ExcelExporter;

/** Builds import files with POI in the tests (no binary fixtures). */
public final class ImportFiles {

	public static final List<String> HEADERS = PeopleImport.HEADERS;

	private ImportFiles() {
	}

	/** A row in the template's column order: 姓名, 单位, 职务, 手机号, 是否党员, 是否科级干部, 是否网络评论员. */
	public static List<Object> row(String name, String unit, String position, Object phone, String party, String cadre,
			String commentator) {
		return java.util.Arrays.asList(name, unit, position, phone, party, cadre, commentator);
	}

	@SafeVarargs
	public static byte[] withHeaders(List<String> headers, List<Object>... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("人员");
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows[r].size(); i++) {
					Object value = rows[r].get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			}
			return ExcelExporter.toBytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SafeVarargs
	public static byte[] xlsx(List<Object>... rows) {
		return withHeaders(HEADERS, rows);
	}

}
