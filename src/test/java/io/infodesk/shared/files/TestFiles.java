package io.infodesk.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real and forged files for upload tests, made in memory. */
public final class TestFiles {

	private TestFiles() {
	}

	public static byte[] png() {
		byte[] bytes = new byte[64];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
	}

	public static byte[] jpeg() {
		byte[] bytes = new byte[64];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		bytes[2] = (byte) 0xFF;
		bytes[3] = (byte) 0xE0;
		return bytes;
	}

	public static byte[] gif() {
		return "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] webp() {
		return "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A Windows executable (what a renamed "报告.docx" may really be). */
	public static byte[] exe() {
		byte[] bytes = new byte[256];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		return bytes;
	}

	public static byte[] elf() {
		byte[] bytes = new byte[256];
		bytes[0] = 0x7F;
		bytes[1] = 'E';
		bytes[2] = 'L';
		bytes[3] = 'F';
		return bytes;
	}

	/** A real Word document written by Apache POI. */
	public static byte[] docx(String text) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("表1").createRow(0).createCell(0).setCellValue("数据");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A zip bomb dressed as a DOCX: a valid [Content_Types].xml and word/document.xml, plus a part of
	 * {@code megabytes} MB of zeros (compresses about 1000:1).
	 */
	public static byte[] docxBomb(int megabytes) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			writeOfficeSkeleton(zip);
			zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A DOCX-looking package with very many parts. */
	public static byte[] docxWithEntries(int entries) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			writeOfficeSkeleton(zip);
			for (int i = 0; i < entries; i++) {
				zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
				zip.write('x');
				zip.closeEntry();
			}
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A plain zip (no [Content_Types].xml): not an office document. */
	public static byte[] plainZip() {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeOfficeSkeleton(ZipOutputStream zip) throws IOException {
		zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
		zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Override PartName=\"/word/document.xml\" ContentType=\"" + ContentInspector.WORD_MAIN + "\"/></Types>")
			.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry("word/document.xml"));
		zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
