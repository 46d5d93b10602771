package io.infodesk.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Tells what a file is from its bytes: PNG, JPEG, GIF, WEBP and PDF by their signatures; DOCX and XLSX only
 * when the file is a real OOXML package — a zip whose {@code [Content_Types].xml} declares the main part of a
 * Word document or an Excel workbook and which holds that part. Executables (MZ, ELF) and anything else are
 * refused. The package is read as a stream, never unpacked to disk, and refused as soon as it has too many
 * entries, unpacks to too many bytes, or unpacks at a ratio no office document has (a zip bomb). The stream reader is
 * commons-compress's (POI's own dependency): it reads the Zip64 extra fields and data descriptors that streaming
 * writers (POI's SXSSF, platforms' large exports) put in a package, which {@code java.util.zip.ZipInputStream}
 * misreads as a damaged entry.
 */
public final class ContentInspector {

	static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	/** Below this many unpacked bytes the ratio is not judged (small XML parts compress very well). */
	static final long RATIO_FLOOR = 1024 * 1024;

	static final int CONTENT_TYPES_LIMIT = 1024 * 1024;

	private final FileSettings settings;

	public ContentInspector(FileSettings settings) {
		this.settings = settings;
	}

	/** Opens the content to inspect, as often as the inspection needs it (a file, or an encrypted file decrypting). */
	@FunctionalInterface
	public interface Source {

		InputStream open() throws IOException;

	}

	/** The type of the file's content, or {@link FileRefused} with the reason. */
	public FileType inspect(Path file) throws IOException {
		return inspect(() -> Files.newInputStream(file));
	}

	/** The type of the content, or {@link FileRefused} with the reason. */
	public FileType inspect(Source file) throws IOException {
		byte[] head = new byte[16];
		int read;
		try (InputStream in = file.open()) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (starts(head, read, 'M', 'Z') || starts(head, read, 0x7F, 'E', 'L', 'F')
				|| starts(head, read, 0xCF, 0xFA, 0xED, 0xFE) || starts(head, read, 0xFE, 0xED, 0xFA, 0xCF)
				|| starts(head, read, 0xCA, 0xFE, 0xBA, 0xBE) || starts(head, read, '#', '!')) {
			throw new FileRefused("files.refused.executable");
		}
		if (starts(head, read, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return FileType.PNG;
		}
		if (starts(head, read, 0xFF, 0xD8, 0xFF)) {
			return FileType.JPEG;
		}
		if (starts(head, read, 'G', 'I', 'F', '8', '7', 'a') || starts(head, read, 'G', 'I', 'F', '8', '9', 'a')) {
			return FileType.GIF;
		}
		if (read >= 12 && starts(head, read, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
				&& head[11] == 'P') {
			return FileType.WEBP;
		}
		if (starts(head, read, '%', 'P', 'D', 'F', '-')) {
			return FileType.PDF;
		}
		if (starts(head, read, 'P', 'K', 3, 4)) {
			return officePackage(file);
		}
		throw new FileRefused("files.refused.type");
	}

	private FileType officePackage(Source file) throws IOException {
		int entries = 0;
		long unpacked = 0;
		String contentTypes = null;
		boolean document = false;
		boolean workbook = false;
		try (CountingInputStream packed = new CountingInputStream(file.open());
				ZipArchiveInputStream zip = new ZipArchiveInputStream(packed, "UTF-8", true, true)) {
			byte[] buffer = new byte[8192];
			ZipArchiveEntry entry;
			while ((entry = zip.getNextZipEntry()) != null) {
				if (++entries > settings.maxZipEntries()) {
					throw new FileRefused("files.refused.zipEntries", settings.maxZipEntries());
				}
				String name = entry.getName();
				document |= name.equals("word/document.xml");
				workbook |= name.equals("xl/workbook.xml");
				boolean keep = name.equals("[Content_Types].xml");
				ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					unpacked += n;
					if (unpacked > settings.maxZipUncompressed().toBytes()) {
						throw new FileRefused("files.refused.zipSize");
					}
					if (unpacked > RATIO_FLOOR && unpacked / Math.max(1, packed.count()) > settings.maxZipRatio()) {
						throw new FileRefused("files.refused.zipRatio");
					}
					if (kept != null && kept.size() < CONTENT_TYPES_LIMIT) {
						kept.write(buffer, 0, n);
					}
				}
				if (kept != null) {
					contentTypes = kept.toString(StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException | IllegalArgumentException damaged) {
			throw new FileRefused("files.refused.damaged");
		}
		if (contentTypes == null) {
			throw new FileRefused("files.refused.type");
		}
		if (document && contentTypes.contains(WORD_MAIN)) {
			return FileType.DOCX;
		}
		if (workbook && contentTypes.contains(EXCEL_MAIN)) {
			return FileType.XLSX;
		}
		throw new FileRefused("files.refused.type");
	}

	private static boolean starts(byte[] head, int read, int... signature) {
		if (read < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((head[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	/** Counts the packed bytes the zip reader has consumed, for the ratio. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}

	}

}
