package io.infodesk.xuexi.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import io.infodesk.xuexi.ImportRefused;

/**
 * Reads a platform report row by row without holding the file: XLSX through POI's event (SAX) reader of the first
 * sheet, CSV as a character stream in UTF-8 (with or without BOM) or, when the bytes are not UTF-8, GB18030 (a
 * superset of GBK). Date cells of an XLSX come out as ISO dates. Row numbers are those the user sees (1 = first).
 * <p>
 * A little over ~350 lines because both formats must give the same rows to one {@link RowSink}: the XLSX side is
 * POI's SAX handler with its cell bookkeeping and ISO dates, the CSV side the character decoding; they share the
 * row numbering and the stop.
 */
public final class ReportReader {

	/** What the file is, judged by its bytes. */
	public enum Format {

		XLSX, CSV

	}

	/** Receives the rows; returning {@code false} stops reading. */
	@FunctionalInterface
	public interface RowSink {

		boolean row(int rowNumber, List<String> cells);

	}

	private ReportReader() {
	}

	/** Opens the report's bytes, as often as reading needs (a plain file, or an encrypted one decrypting). */
	@FunctionalInterface
	public interface Source {

		InputStream open() throws IOException;

	}

	/** XLSX for a zip, CSV for text; an old .xls, an executable or other binary is refused. */
	public static Format detect(Path file) throws IOException {
		return detect(() -> Files.newInputStream(file));
	}

	/** The same for content read through a source (an encrypted staged upload, decrypting: issue 17). */
	public static Format detect(Source file) throws IOException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = file.open()) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (read == 0) {
			throw new ImportRefused("xuexi.import.error.empty");
		}
		if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return Format.XLSX;
		}
		if (read >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
			throw new ImportRefused("xuexi.import.error.oldFormat");
		}
		for (int i = 0; i < read; i++) {
			int b = head[i] & 0xFF;
			if (b == 0 || (b < 0x09) || (b > 0x0D && b < 0x20 && b != 0x1B)) {
				throw new ImportRefused("xuexi.import.error.type");
			}
		}
		return Format.CSV;
	}

	public static void read(Path file, Format format, RowSink sink) throws IOException {
		read(() -> Files.newInputStream(file), format, sink);
	}

	public static void read(Source file, Format format, RowSink sink) throws IOException {
		if (format == Format.XLSX) {
			readXlsx(file, sink);
		}
		else {
			readCsv(file, sink);
		}
	}

	/** The first row (the header), or an empty list for an empty sheet. */
	public static List<String> header(Path file, Format format) throws IOException {
		return header(() -> Files.newInputStream(file), format);
	}

	public static List<String> header(Source file, Format format) throws IOException {
		List<String> header = new ArrayList<>();
		read(file, format, (rowNumber, cells) -> {
			if (cells.stream().allMatch(String::isBlank)) {
				return true;
			}
			header.addAll(cells);
			return false;
		});
		return header;
	}

	// CSV ---------------------------------------------------------------------------------------------------------

	/** UTF-8 when every byte decodes as UTF-8, GB18030 otherwise (read twice at most, never held). */
	public static Charset charsetOf(Path file) throws IOException {
		return charsetOf(() -> Files.newInputStream(file));
	}

	public static Charset charsetOf(Source file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = file.open()) {
			byte[] buffer = new byte[64 * 1024];
			ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
			CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
			int n;
			while ((n = in.read(buffer)) > 0) {
				bytes.put(buffer, 0, n);
				bytes.flip();
				chars.clear();
				if (decoder.decode(bytes, chars, false).isError()) {
					return Charset.forName("GB18030");
				}
				bytes.compact();
			}
			bytes.flip();
			chars.clear();
			if (decoder.decode(bytes, chars, true).isError() || bytes.hasRemaining()) {
				return Charset.forName("GB18030");
			}
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	private static void readCsv(Source file, RowSink sink) throws IOException {
		Charset charset = charsetOf(file);
		try (Reader reader = new BufferedReader(new InputStreamReader(file.open(), charset), 64 * 1024)) {
			int first = reader.read();
			if (first != -1 && first != '\uFEFF') {
				parseCsv(reader, first, sink);
			}
			else if (first == '\uFEFF') {
				parseCsv(reader, reader.read(), sink);
			}
		}
	}

	/** RFC 4180: quoted fields with doubled quotes and line breaks inside, comma separated, CRLF or LF. */
	private static void parseCsv(Reader reader, int c, RowSink sink) throws IOException {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int rowNumber = 1;
		boolean any = false;
		while (c != -1) {
			if (quoted) {
				if (c == '"') {
					int next = reader.read();
					if (next == '"') {
						cell.append('"');
					}
					else {
						quoted = false;
						c = next;
						continue;
					}
				}
				else {
					cell.append((char) c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
				any = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
				any = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					int next = reader.read();
					if (next != '\n') {
						c = next;
						cells.add(cell.toString().strip());
						cell.setLength(0);
						if (!sink.row(rowNumber++, cells)) {
							return;
						}
						cells = new ArrayList<>();
						any = false;
						continue;
					}
				}
				cells.add(cell.toString().strip());
				cell.setLength(0);
				if (!sink.row(rowNumber++, cells)) {
					return;
				}
				cells = new ArrayList<>();
				any = false;
			}
			else {
				cell.append((char) c);
				any = true;
			}
			c = reader.read();
		}
		if (any || !cell.isEmpty()) {
			cells.add(cell.toString().strip());
			sink.row(rowNumber, cells);
		}
	}

	// XLSX --------------------------------------------------------------------------------------------------------

	private static void readXlsx(Source file, RowSink sink) throws IOException {
		// from a stream (the staged upload is encrypted at rest): the package's parts are read once, within the zip
		// limits that ContentInspector checked before
		try (InputStream in = file.open()) {
			OPCPackage pkg = OPCPackage.open(in);
			try {
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
				XSSFReader xssf = new XSSFReader(pkg);
				StylesTable styles = xssf.getStylesTable();
				Iterator<InputStream> sheets = xssf.getSheetsData();
				if (!sheets.hasNext()) {
					return;
				}
				try (InputStream sheet = sheets.next()) {
					XMLReader parser = XMLHelper.newXMLReader();
					RowCollector collector = new RowCollector(sink);
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDates(), false));
					try {
						parser.parse(new InputSource(sheet));
					}
					catch (IllegalStateException ex) {
						if (!(ex.getCause() instanceof Stop)) {
							throw ex;
						}
					}
				}
			}
			finally {
				pkg.revert(); // opened from a stream: nothing to save
			}
		}
		catch (ImportRefused refused) {
			throw refused;
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException ex) {
			if (ex.getCause() instanceof ImportRefused refused) {
				throw refused;
			}
			throw new ImportRefused("xuexi.import.error.damaged");
		}
	}

	private static final class Stop extends SAXException {

		Stop() {
			super("stop");
		}

	}

	/** Formats numbers as the sheet shows them, but every date cell as an ISO date (2026-01-05). */
	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(Locale.SIMPLIFIED_CHINESE);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
				return date.toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowSink sink;

		private final List<String> cells = new ArrayList<>();

		private boolean stopped;

		RowCollector(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			if (stopped) {
				return;
			}
			if (!sink.row(rowNum + 1, new ArrayList<>(cells))) {
				stopped = true;
				throw new IllegalStateException(new Stop());
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			if (cellReference == null) {
				return;
			}
			int column = new CellReference(cellReference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(formattedValue == null ? "" : formattedValue.strip());
		}

	}

	/** The column's letters as Excel shows them (0 → A, 26 → AA). */
	public static String columnLetter(int index) {
		return CellReference.convertNumToColString(index);
	}

}
