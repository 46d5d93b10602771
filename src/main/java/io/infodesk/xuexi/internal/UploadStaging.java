package io.infodesk.xuexi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

import io.infodesk.shared.files.ContentInspector;
import io.infodesk.shared.files.FileSettings;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.xuexi.ImportRefused;
import io.infodesk.xuexi.internal.ReportReader.Format;

/**
 * The staged uploads of the learning-report import (S3.4-b), split out of {@code XuexiImports} (issue 10): each upload
 * is kept under a random token in {@code <data-dir>/xuexi-uploads} until it is imported or discarded, written and
 * read through the file store's SM4 encryption (issue 17: no clear file at rest), with its file name beside it. An
 * upload larger than the upload limit or empty is refused and nothing is kept; staged uploads older than a day are
 * removed at the next upload. An XLSX is accepted only when it is a real workbook and no zip bomb, checked before
 * POI opens it. A token of another shape is refused as expired, so no path is ever built from user input.
 */
@Component
public class UploadStaging {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

	private final FileStore store;

	private final FileSettings fileSettings;

	private final Path staging;

	UploadStaging(FileStore store, FileSettings fileSettings, @Value("${infodesk.data-dir:./data}") Path dataDir) {
		this.store = store;
		this.fileSettings = fileSettings;
		this.staging = dataDir.resolve("xuexi-uploads");
	}

	/** Stages the upload and gives its token; refused (and nothing kept) when too large, empty or unreadable. */
	public String stage(long declaredSize, InputStreamSource content, String fileName) {
		long limit = fileSettings.maxSize().toBytes();
		if (declaredSize > limit) {
			throw new ImportRefused("xuexi.import.error.tooLarge", fileSettings.maxSize().toMegabytes());
		}
		String token = UUID.randomUUID().toString().replace("-", "");
		Path file = file(token);
		try {
			Files.createDirectories(staging);
			cleanUp();
			try (InputStream in = content.getInputStream()) {
				long copied = copyAtMost(in, store.encryptTo(file), limit);
				if (copied > limit) {
					Files.deleteIfExists(file);
					throw new ImportRefused("xuexi.import.error.tooLarge", fileSettings.maxSize().toMegabytes());
				}
				if (copied == 0) {
					Files.deleteIfExists(file);
					throw new ImportRefused("xuexi.import.error.empty");
				}
			}
			Files.writeString(staging.resolve(token + ".name"), fileName == null ? "report" : fileName,
					StandardCharsets.UTF_8);
			return token;
		}
		catch (BusinessException refused) {
			discard(token);
			throw refused;
		}
		catch (IOException ex) {
			discard(token);
			throw new ImportRefused("xuexi.import.error.unreadable");
		}
	}

	/** Whether the upload of this token is still staged (refused as expired when the token is malformed). */
	public boolean exists(String token) {
		return Files.exists(file(token));
	}

	/** The file name the user uploaded. */
	public String fileName(String token) throws IOException {
		return Files.readString(staging.resolve(checked(token) + ".name"), StandardCharsets.UTF_8);
	}

	/** The staged upload's size on disk (encrypted), for the progress of a preview or import. */
	public long size(String token) throws IOException {
		return Files.size(file(token));
	}

	/** The staged upload's plain bytes, decrypted while read. */
	public InputStream open(String token) throws IOException {
		return store.decryptFrom(file(token));
	}

	/** The staged upload as a source the report reader can open more than once. */
	public ReportReader.Source plain(String token) {
		Path file = file(token);
		return () -> store.decryptFrom(file);
	}

	/** CSV as text; XLSX only when it is a real workbook and no zip bomb (checked before POI opens it). */
	public Format checkedFormat(String token) throws IOException {
		Path file = file(token);
		Format format = ReportReader.detect(plain(token));
		if (format == Format.XLSX && new ContentInspector(fileSettings).inspect(() -> store.decryptFrom(file)) != FileType.XLSX) {
			throw new ImportRefused("xuexi.import.error.type");
		}
		return format;
	}

	/** Removes the staged upload, if there is one. */
	public void discard(String token) {
		try {
			Files.deleteIfExists(file(token));
			Files.deleteIfExists(staging.resolve(token + ".name"));
		}
		catch (IOException | ImportRefused ignored) {
			// nothing staged
		}
	}

	/** The upload's file; a token of another shape is refused as expired. */
	public Path file(String token) {
		return staging.resolve(checked(token) + ".upload");
	}

	private static String checked(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw new ImportRefused("xuexi.import.error.expired");
		}
		return token;
	}

	/** Staged uploads older than a day are removed. */
	private void cleanUp() throws IOException {
		Instant cutoff = Instant.now().minus(Duration.ofDays(1));
		try (var files = Files.list(staging)) {
			for (Path old : files.toList()) {
				if (Files.getLastModifiedTime(old).toInstant().isBefore(cutoff)) {
					Files.deleteIfExists(old);
				}
			}
		}
	}

	private static long copyAtMost(InputStream in, OutputStream target, long limit) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (var out = target) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > limit) {
					return total;
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

}
