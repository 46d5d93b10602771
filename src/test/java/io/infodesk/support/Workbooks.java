package io.infodesk.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads an exported XLSX back in tests: each row of the first sheet as its formatted cells, each followed by "|". */
public final class Workbooks {

	private Workbooks() {
	}

	public static List<String> firstSheetRows(byte[] xlsx) throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter formatter = new DataFormatter();
			List<String> rows = new ArrayList<>();
			workbook.getSheetAt(0).forEach(row -> {
				StringBuilder line = new StringBuilder();
				row.forEach(cell -> line.append(formatter.formatCellValue(cell)).append('|'));
				rows.add(line.toString());
			});
			return rows;
		}
	}

}
