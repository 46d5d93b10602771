package io.infodesk.shared.excel;

import java.util.List;
import java.util.Map;

/** The data rows of an uploaded sheet, each cell as the text the spreadsheet shows, by header. */
public record ExcelSheet(List<String> headers, List<Row> rows) {

	public ExcelSheet {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

	/** One data row; {@code number} is the row number the user sees in the spreadsheet (header = 1). */
	public record Row(int number, Map<String, String> cells) {

		public Row {
			cells = Map.copyOf(cells);
		}

		/** The trimmed text of the cell under that header, "" when blank. */
		public String get(String header) {
			return cells.getOrDefault(header, "");
		}

	}

}
