package io.infodesk.shared.excel;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.infodesk.shared.files.ContentInspector;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileSettings;
import io.infodesk.shared.files.FileType;

/**
 * Reads the first sheet of an uploaded XLSX for an import, refusing before anything is parsed a
 * file that is too large or empty, and refusing content that is not really XLSX (judged by its
 * bytes, never by the file name), a sheet whose header is not exactly the expected columns, and a
 * sheet without data rows. Each refusal is an {@link ExcelImportException} with a Chinese message.
 */
@Component
public class ExcelReader {

	/** Nothing an import reads unpacks at more than 50:1 (POI's default is 100:1). */
	static final double MIN_INFLATE_RATIO = 0.02;

	/** No part of a workbook an import reads unpacks to more than 100 MB (POI's default is 4 GB). */
	static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;

	/** No workbook an import reads has more than 1,000 parts (POI's default is 1,000,000). */
	static final long MAX_FILE_COUNT = 1000;

	static {
		// POI's zip limits are global: tightened here for every reader of uploaded OOXML (issue 17, finding 9), so
		// that a small upload cannot inflate to gigabytes in the memory of the server
		org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
		org.apache.poi.openxml4j.util.ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
	}

	private final ExcelSettings settings;

	private final ContentInspector inspector;

	/** With the file store's default package limits (tests). */
	public ExcelReader(ExcelSettings settings) {
		this(settings, new FileSettings(DataSize.ofMegabytes(20), Path.of("."), 2000, DataSize.ofMegabytes(200), 100));
	}

	/**
	 * @param files the limits of the file store: an imported workbook passes the same package checks as every stored
	 * upload (entries, unpacked size, ratio; issue 17, finding 9) before POI opens it
	 */
	@org.springframework.beans.factory.annotation.Autowired
	public ExcelReader(ExcelSettings settings, FileSettings files) {
		this.settings = settings;
		this.inspector = new ContentInspector(files);
	}

	/**
	 * @param size the size the upload declares (checked before reading)
	 * @param source the content
	 * @param expectedHeaders the columns the sheet must have, each exactly once, in any order
	 */
	public ExcelSheet read(long size, InputStreamSource source, List<String> expectedHeaders) {
		long limit = settings.maxUploadSize().toBytes();
		if (size > limit) {
			throw tooLarge();
		}
		if (size == 0) {
			throw new ExcelImportException("excel.error.empty");
		}
		byte[] content = readAtMost(source, limit);
		if (content.length == 0) {
			throw new ExcelImportException("excel.error.empty");
		}
		checkIsXlsx(content);
		checkPackage(content);
		try (Workbook workbook = open(content)) {
			return readSheet(workbook, expectedHeaders);
		}
		catch (IOException ex) {
			throw new ExcelImportException("excel.error.notXlsx");
		}
	}

	private ExcelImportException tooLarge() {
		return new ExcelImportException("excel.error.tooLarge", readable(settings.maxUploadSize()));
	}

	/** "5 MB", or "64 KB" below a megabyte. */
	public static String readable(DataSize size) {
		long megabytes = size.toMegabytes();
		return megabytes > 0 && DataSize.ofMegabytes(megabytes).equals(size) ? megabytes + " MB"
				: size.toKilobytes() + " KB";
	}

	/** Reads the content but never more than the limit, whatever size was declared. */
	private byte[] readAtMost(InputStreamSource source, long limit) {
		try (InputStream in = source.getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (content.length > limit) {
				throw tooLarge();
			}
			return content;
		}
		catch (IOException ex) {
			throw new ExcelImportException("excel.error.unreadable");
		}
	}

	private static void checkIsXlsx(byte[] content) {
		FileMagic magic;
		try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(content))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw new ExcelImportException("excel.error.notXlsx");
		}
		if (magic == FileMagic.OLE2) {
			throw new ExcelImportException("excel.error.oldFormat");
		}
		if (magic != FileMagic.OOXML) {
			throw new ExcelImportException("excel.error.notXlsx");
		}
	}

	/**
	 * The workbook's package streamed through the file store's {@link ContentInspector}, never unpacked: too many
	 * parts, too many unpacked bytes or a bomb-like ratio are refused with the store's Chinese message.
	 */
	private void checkPackage(byte[] content) {
		FileType type;
		try {
			type = inspector.inspect(() -> new ByteArrayInputStream(content));
		}
		catch (FileRefused refused) {
			if (refused.messageKey().startsWith("files.refused.zip")) {
				throw new ExcelImportException(refused.messageKey(), refused.args());
			}
			throw new ExcelImportException("excel.error.notXlsx");
		}
		catch (IOException ex) {
			throw new ExcelImportException("excel.error.unreadable");
		}
		if (type != FileType.XLSX) {
			throw new ExcelImportException("excel.error.notXlsx");
		}
	}

	private static Workbook open(byte[] content) {
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException ex) {
			// a ZIP that is not a workbook (e.g. a .docx or .zip renamed), or a damaged file
			throw new ExcelImportException("excel.error.notXlsx");
		}
	}

	private ExcelSheet readSheet(Workbook workbook, List<String> expectedHeaders) {
		if (workbook.getNumberOfSheets() == 0) {
			throw new ExcelImportException("excel.error.noRows");
		}
		Sheet sheet = workbook.getSheetAt(0);
		DataFormatter formatter = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
		formatter.setUseCachedValuesForFormulaCells(true);
		Row headerRow = sheet.getRow(sheet.getFirstRowNum());
		if (headerRow == null || sheet.getPhysicalNumberOfRows() == 0) {
			throw new ExcelImportException("excel.error.noRows");
		}
		Map<Integer, String> columns = headerColumns(headerRow, formatter, expectedHeaders);
		List<ExcelSheet.Row> rows = new ArrayList<>();
		for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			boolean blank = true;
			for (Map.Entry<Integer, String> column : columns.entrySet()) {
				String text = text(row.getCell(column.getKey()), formatter);
				cells.put(column.getValue(), text);
				blank &= text.isEmpty();
			}
			if (!blank) {
				if (rows.size() == settings.maxRows()) {
					throw new ExcelImportException("excel.error.tooManyRows", settings.maxRows());
				}
				rows.add(new ExcelSheet.Row(r + 1, cells));
			}
		}
		if (rows.isEmpty()) {
			throw new ExcelImportException("excel.error.noRows");
		}
		return new ExcelSheet(expectedHeaders, rows);
	}

	/** Maps column index to expected header; refuses missing, unknown or repeated columns. */
	private static Map<Integer, String> headerColumns(Row headerRow, DataFormatter formatter,
			List<String> expectedHeaders) {
		String expected = String.join("、", expectedHeaders);
		Map<Integer, String> columns = new LinkedHashMap<>();
		for (int c = 0; c < headerRow.getLastCellNum(); c++) {
			String header = text(headerRow.getCell(c), formatter);
			if (header.isEmpty()) {
				continue;
			}
			if (!expectedHeaders.contains(header)) {
				throw new ExcelImportException("excel.error.unknownColumn", header, expected);
			}
			if (columns.containsValue(header)) {
				throw new ExcelImportException("excel.error.repeatedColumn", header, expected);
			}
			columns.put(c, header);
		}
		List<String> missing = expectedHeaders.stream().filter(header -> !columns.containsValue(header)).toList();
		if (!missing.isEmpty()) {
			throw new ExcelImportException("excel.error.missingColumns", String.join("、", missing), expected);
		}
		return columns;
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		return formatter.formatCellValue(cell).strip();
	}

}
