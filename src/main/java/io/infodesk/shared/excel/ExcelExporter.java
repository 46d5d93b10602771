package io.infodesk.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.infodesk.shared.time.DateFormats;

/**
 * Writes rows into an XLSX sheet: a bold, frozen header, columns as wide as their content (within
 * bounds), and text that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage
 * return) neutralised with a leading single quote (CSV/formula injection). Dates are written as
 * 2026-11-27, yes/no values as 是/否.
 *
 * <pre>
 * byte[] xlsx = ExcelExporter.forRows(PersonRow.class).export("人员", rows);
 * </pre>
 */
public final class ExcelExporter<T> {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int MIN_WIDTH = 6;

	static final int MAX_WIDTH = 60;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final DateTimeFormatter DATE_TIME = DateFormats.SECONDS;

	/** One column: its header, how to read its value from a row, and an optional fixed width (0 = computed). */
	public record Column<T>(String header, Function<? super T, ?> value, int width) {

		public static <T> Column<T> of(String header, Function<? super T, ?> value) {
			return new Column<>(header, value, 0);
		}

	}

	private final List<Column<T>> columns;

	private ExcelExporter(List<Column<T>> columns) {
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("An export needs at least one column");
		}
		this.columns = List.copyOf(columns);
	}

	/** Columns from the {@link ExcelColumn} annotations of a record's components. */
	public static <T extends Record> ExcelExporter<T> forRows(Class<T> rowType) {
		List<Column<T>> columns = Arrays.stream(rowType.getRecordComponents())
			.filter(component -> component.isAnnotationPresent(ExcelColumn.class))
			.sorted(Comparator.comparingInt(component -> component.getAnnotation(ExcelColumn.class).order()))
			.map(ExcelExporter::<T>column)
			.toList();
		return new ExcelExporter<>(columns);
	}

	/** An explicit list of columns, for rows that are not annotated. */
	public static <T> ExcelExporter<T> withColumns(List<Column<T>> columns) {
		return new ExcelExporter<>(columns);
	}

	private static <T> Column<T> column(RecordComponent component) {
		ExcelColumn annotation = component.getAnnotation(ExcelColumn.class);
		component.getAccessor().setAccessible(true);
		Function<T, Object> reader = row -> {
			try {
				return component.getAccessor().invoke(row);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read " + component.getName(), ex);
			}
		};
		return new Column<>(annotation.header(), reader, annotation.width());
	}

	/** A sheet of text rows under the given headers (for lists whose rows are built as text). */
	public static byte[] table(String sheetName, List<String> headers, List<List<String>> rows) {
		List<Column<List<String>>> columns = new java.util.ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			int index = i;
			columns.add(Column.of(headers.get(i), row -> index < row.size() ? row.get(index) : null));
		}
		return withColumns(columns).export(sheetName, rows);
	}

	/** A workbook of one sheet holding the rows, as XLSX bytes. */
	public byte[] export(String sheetName, Collection<? extends T> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			addSheet(workbook, sheetName, rows);
			return toBytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds a sheet holding the rows to a workbook (to combine several sheets in one file). */
	public Sheet addSheet(Workbook workbook, String sheetName, Collection<? extends T> rows) {
		Sheet sheet = workbook.createSheet(sheetName);
		int[] widths = new int[columns.size()];
		CellStyle headerStyle = headerStyle(workbook);
		Row header = sheet.createRow(0);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(columns.get(i).header());
			cell.setCellStyle(headerStyle);
			widths[i] = displayWidth(columns.get(i).header());
		}
		int rowIndex = 1;
		for (T item : rows) {
			Row row = sheet.createRow(rowIndex++);
			for (int i = 0; i < columns.size(); i++) {
				Object value = columns.get(i).value().apply(item);
				String written = write(row.createCell(i), value);
				widths[i] = Math.max(widths[i], displayWidth(written));
			}
		}
		for (int i = 0; i < columns.size(); i++) {
			int width = columns.get(i).width() > 0 ? columns.get(i).width()
					: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 2));
			sheet.setColumnWidth(i, width * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	public static byte[] toBytes(Workbook workbook) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle headerStyle(Workbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		return style;
	}

	/** Writes the value with a fitting cell type; returns the text shown, for the column width. */
	private static String write(Cell cell, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
			return number.toString();
		}
		String text;
		if (value instanceof Boolean flag) {
			text = flag ? "是" : "否";
		}
		else if (value instanceof LocalDate date) {
			text = DATE.format(date);
		}
		else if (value instanceof LocalDateTime dateTime) {
			text = DATE_TIME.format(dateTime);
		}
		else {
			text = String.valueOf(value);
		}
		String safe = neutralise(text);
		cell.setCellValue(safe);
		return safe;
	}

	/**
	 * Text a spreadsheet would interpret as a formula gets a leading single quote, so it shows as
	 * typed and never runs (OWASP CSV injection).
	 */
	public static String neutralise(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return switch (first) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

	/** Width in character cells: CJK and other wide characters count twice. */
	static int displayWidth(String text) {
		int width = 0;
		int lineWidth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				width = Math.max(width, lineWidth);
				lineWidth = 0;
				continue;
			}
			lineWidth += c < 0x1100 ? 1 : 2;
		}
		return Math.max(width, lineWidth);
	}

}
