package io.infodesk.account.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A minimal XLSX writer for the account list: one sheet, a bold header row, text cells. A text
 * starting with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe so that a
 * spreadsheet never takes it for a formula (CSV/formula injection). Kept self-contained on purpose:
 * the shared Excel exporter will replace it.
 */
public final class XlsxExport {

	private static final int MAX_COLUMN_CHARS = 60;

	private XlsxExport() {
	}

	public static void write(String sheetName, List<String> headers, List<List<String>> rows, OutputStream out)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			int[] widths = new int[headers.size()];
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(bold);
				widths[c] = displayWidth(headers.get(c));
			}
			int r = 1;
			for (List<String> values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size() && c < headers.size(); c++) {
					String value = escape(values.get(c));
					row.createCell(c).setCellValue(value);
					widths[c] = Math.max(widths[c], displayWidth(value));
				}
			}
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, (Math.min(widths[c], MAX_COLUMN_CHARS) + 2) * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose(); // removes the temporary files of the streamed rows
		}
	}

	/** Neutralises a text a spreadsheet would read as a formula; null becomes the empty text. */
	public static String escape(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

	/** Chinese characters take two columns. */
	private static int displayWidth(String value) {
		int width = 0;
		for (char c : value.toCharArray()) {
			width += c > 0x2e7f ? 2 : 1;
		}
		return width;
	}

}
