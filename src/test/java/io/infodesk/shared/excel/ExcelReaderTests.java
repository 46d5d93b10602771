package io.infodesk.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamSource;
import org.springframework.util.unit.DataSize;

class ExcelReaderTests {

	static final List<String> HEADERS = List.of("姓名", "单位", "手机号");

	final ExcelReader reader = new ExcelReader(new ExcelSettings(DataSize.ofKilobytes(64), 5));

	@Test
	void readsRowsByHeaderWithSpreadsheetRowNumbersSkippingBlankRows() throws IOException {
		byte[] xlsx = workbook(List.of("手机号", "姓名", "单位"), List.of(13912345678d, " 张三 ", "办公室"), List.of(),
				List.of("", "李四", "物业管理科"));

		ExcelSheet sheet = read(xlsx);

		assertThat(sheet.rows()).hasSize(2);
		assertThat(sheet.rows().get(0).number()).isEqualTo(2);
		assertThat(sheet.rows().get(0).get("姓名")).isEqualTo("张三");
		assertThat(sheet.rows().get(0).get("手机号")).isEqualTo("13912345678");
		assertThat(sheet.rows().get(1).number()).isEqualTo(4);
		assertThat(sheet.rows().get(1).get("单位")).isEqualTo("物业管理科");
		assertThat(sheet.rows().get(1).get("手机号")).isEmpty();
	}

	@Test
	void refusesAFileLargerThanTheLimitBeforeReadingIt() {
		InputStreamSource neverRead = () -> {
			throw new AssertionError("must not be read");
		};

		assertThatThrownBy(() -> reader.read(DataSize.ofKilobytes(65).toBytes(), neverRead, HEADERS))
			.isInstanceOfSatisfying(ExcelImportException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("excel.error.tooLarge");
				assertThat(ex.args()).containsExactly("64 KB");
			});
	}

	@Test
	void refusesContentLargerThanTheLimitEvenWhenTheDeclaredSizeIsSmall() {
		byte[] big = new byte[(int) DataSize.ofKilobytes(65).toBytes()];

		assertThatThrownBy(() -> reader.read(10, () -> new ByteArrayInputStream(big), HEADERS))
			.isInstanceOfSatisfying(ExcelImportException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("excel.error.tooLarge"));
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused(new byte[0], "excel.error.empty");
	}

	@Test
	void refusesTextRenamedToXlsx() {
		assertRefused("姓名,单位\n张三,办公室\n".getBytes(StandardCharsets.UTF_8), "excel.error.notXlsx");
	}

	@Test
	void refusesAZipThatIsNotAWorkbook() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertRefused(bytes.toByteArray(), "excel.error.notXlsx");
	}

	@Test
	void refusesTheOldXlsFormatWithAHint() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createSheet("x").createRow(0).createCell(0).setCellValue("姓名");
			workbook.write(bytes);
		}
		assertRefused(bytes.toByteArray(), "excel.error.oldFormat");
	}

	@Test
	void refusesMissingColumnsNamingTheExpectedOnes() throws IOException {
		byte[] xlsx = workbook(List.of("姓名", "单位"), List.of("张三", "办公室"));

		assertThatThrownBy(() -> read(xlsx)).isInstanceOfSatisfying(ExcelImportException.class, ex -> {
			assertThat(ex.messageKey()).isEqualTo("excel.error.missingColumns");
			assertThat(ex.args()).containsExactly("手机号", "姓名、单位、手机号");
		});
	}

	@Test
	void refusesUnknownAndRepeatedColumns() throws IOException {
		assertRefused(workbook(List.of("姓名", "单位", "电话"), List.of("张三", "办公室", "1")),
				"excel.error.unknownColumn");
		assertRefused(workbook(List.of("姓名", "单位", "手机号", "姓名"), List.of("张三", "办公室", "1", "李四")),
				"excel.error.repeatedColumn");
	}

	@Test
	void refusesASheetWithoutDataRows() throws IOException {
		assertRefused(workbook(HEADERS), "excel.error.noRows");
		assertRefused(workbook(HEADERS, List.of("", "", "")), "excel.error.noRows");
		try (XSSFWorkbook empty = new XSSFWorkbook()) {
			empty.createSheet("空");
			assertRefused(ExcelExporter.toBytes(empty), "excel.error.noRows");
		}
	}

	@Test
	void refusesMoreRowsThanTheLimit() throws IOException {
		List<Object> row = List.of("张三", "办公室", "");
		byte[] xlsx = workbook(HEADERS, row, row, row, row, row, row);

		assertRefused(xlsx, "excel.error.tooManyRows");
	}

	/**
	 * Issue 17, finding 9: an imported workbook passes the file store's package checks before POI opens it. A real
	 * workbook with a part of 30 MB of zeros (a few KB packed, far under the size limit) is refused as a bomb, as is
	 * one with more parts than the store allows; nothing is unpacked.
	 */
	@Test
	void refusesAWorkbookThatIsAZipBombWithTheFileStoresMessage() throws IOException {
		byte[] workbook = workbook(HEADERS, List.of("张三", "办公室", ""));
		byte[] bomb = withExtraParts(workbook, 1, 30 * 1024 * 1024);
		assertThat(bomb.length).isLessThan((int) DataSize.ofKilobytes(64).toBytes());
		assertRefused(bomb, "files.refused.zipRatio");
		byte[] manyParts = withExtraParts(workbook, 2100, 1);
		ExcelReader larger = new ExcelReader(new ExcelSettings(DataSize.ofMegabytes(1), 5));
		assertThatThrownBy(() -> larger.read(manyParts.length, () -> new ByteArrayInputStream(manyParts), HEADERS))
			.isInstanceOfSatisfying(ExcelImportException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("files.refused.zipEntries"));
		assertThat(read(workbook).rows()).hasSize(1);
	}

	/** The workbook's parts and {@code count} more, each of {@code size} zero bytes. */
	private static byte[] withExtraParts(byte[] xlsx, int count, int size) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				in.transferTo(out);
				out.closeEntry();
			}
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < count; i++) {
				out.putNextEntry(new ZipEntry("xl/media/padding" + i + ".bin"));
				for (int left = size; left > 0; left -= zeros.length) {
					out.write(zeros, 0, Math.min(left, zeros.length));
				}
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private void assertRefused(byte[] content, String messageKey) {
		assertThatThrownBy(() -> read(content)).isInstanceOfSatisfying(ExcelImportException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(messageKey));
	}

	private ExcelSheet read(byte[] content) {
		return reader.read(content.length, () -> new ByteArrayInputStream(content), HEADERS);
	}

	@SafeVarargs
	static byte[] workbook(List<String> headers, List<?>... rows) throws IOException {
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
					else {
						row.createCell(i).setCellValue(String.valueOf(value));
					}
				}
			}
			return ExcelExporter.toBytes(workbook);
		}
	}

}
