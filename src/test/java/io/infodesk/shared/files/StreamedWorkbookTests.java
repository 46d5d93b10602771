package io.infodesk.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A workbook written by a streaming writer (POI's SXSSF, as platforms export large reports: entries with data
 * descriptors) is a real XLSX to the upload's stream check, not a damaged file (issue 13, the 50,000-row import).
 */
class StreamedWorkbookTests {

	@TempDir
	Path dir;

	@Test
	void aWorkbookWrittenByPoisStreamingWriterIsRecognisedAsXlsx() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("学习明细");
			for (int r = 0; r < 20_000; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("学员" + (r % 300));
				row.createCell(1).setCellValue("2026-01-" + (10 + r % 20));
				row.createCell(2).setCellValue(r % 41);
			}
			workbook.write(out);
			workbook.dispose();
		}
		byte[] bytes = out.toByteArray();
		ContentInspector inspector = new ContentInspector(
				new FileSettings(DataSize.ofMegabytes(20), dir, 2000, DataSize.ofMegabytes(200), 100));
		assertThat(inspector.inspect(() -> new ByteArrayInputStream(bytes))).isEqualTo(FileType.XLSX);
	}

}
