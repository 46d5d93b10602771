package io.infodesk.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Uploads are recognised by content, never by name (issue 3: "a renamed executable, a zip bomb inside a docx, an
 * oversized file — refused clearly"), and kept once per content under their SHA-256.
 */
class FileStoreTests {

	@TempDir
	Path dir;

	static final byte[] KEY = key(1);

	static byte[] key(int seed) {
		byte[] key = new byte[16];
		java.util.Arrays.fill(key, (byte) seed);
		return key;
	}

	FileStore store(DataSize maxSize) {
		return new FileStore(new FileSettings(maxSize, dir, 2000, DataSize.ofMegabytes(200), 100),
				new FileCipher(KEY, java.util.List.of()));
	}

	FileStore store() {
		return store(DataSize.ofMegabytes(20));
	}

	StoredContent put(FileStore store, byte[] content) {
		return store.store(new ByteArrayInputStream(content), content.length);
	}

	String refusal(FileStore store, byte[] content) {
		try {
			put(store, content);
			throw new AssertionError("accepted");
		}
		catch (FileRefused refused) {
			return refused.messageKey();
		}
	}

	@Test
	void recognisesImagesPdfAndOfficeDocumentsByTheirContent() {
		FileStore store = store();
		assertThat(put(store, TestFiles.png()).type()).isEqualTo(FileType.PNG);
		assertThat(put(store, TestFiles.jpeg()).type()).isEqualTo(FileType.JPEG);
		assertThat(put(store, TestFiles.gif()).type()).isEqualTo(FileType.GIF);
		assertThat(put(store, TestFiles.webp()).type()).isEqualTo(FileType.WEBP);
		assertThat(put(store, TestFiles.pdf()).type()).isEqualTo(FileType.PDF);
		assertThat(put(store, TestFiles.docx("物业服务")).type()).isEqualTo(FileType.DOCX);
		assertThat(put(store, TestFiles.xlsx()).type()).isEqualTo(FileType.XLSX);
	}

	@Test
	void refusesExecutablesWhateverTheirName() {
		FileStore store = store();
		assertThat(refusal(store, TestFiles.exe())).isEqualTo("files.refused.executable");
		assertThat(refusal(store, TestFiles.elf())).isEqualTo("files.refused.executable");
		assertThat(refusal(store, "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("files.refused.executable");
	}

	@Test
	void refusesOtherTypesAndZipsThatAreNoOfficeDocument() {
		FileStore store = store();
		assertThat(refusal(store, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("files.refused.type");
		assertThat(refusal(store, "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("files.refused.type");
		assertThat(refusal(store, TestFiles.plainZip())).isEqualTo("files.refused.type");
		byte[] truncated = java.util.Arrays.copyOf(TestFiles.docx("x"), 200);
		assertThat(refusal(store, truncated)).isIn("files.refused.damaged", "files.refused.type");
	}

	@Test
	void refusesAZipBombInsideADocxWhileStreamingWithoutUnpackingToDisk() throws IOException {
		FileStore store = store();
		byte[] bomb = TestFiles.docxBomb(50);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThat(refusal(store, bomb)).isEqualTo("files.refused.zipRatio");
		assertThat(refusal(store, TestFiles.docxWithEntries(2500))).isEqualTo("files.refused.zipEntries");
		FileStore small = new FileStore(new FileSettings(DataSize.ofMegabytes(20), dir, 2000, DataSize.ofMegabytes(5),
				100_000), new FileCipher(KEY, java.util.List.of()));
		assertThat(refusal(small, TestFiles.docxBomb(10))).isEqualTo("files.refused.zipSize");
		assertThat(filesUnder(dir)).as("nothing kept of refused uploads").isEmpty();
	}

	@Test
	void refusesEmptyAndOversizedFilesAndKeepsNothing() throws IOException {
		FileStore store = store(DataSize.ofKilobytes(1));
		assertThat(refusal(store, new byte[0])).isEqualTo("files.refused.empty");
		byte[] big = java.util.Arrays.copyOf(TestFiles.pdf(), 2048);
		assertThat(refusal(store, big)).isEqualTo("files.refused.tooLarge");
		// a client announcing the size is refused before anything is read; one lying about it is stopped at the limit
		assertThatThrownBy(() -> store.store(new ByteArrayInputStream(big), 2048)).isInstanceOf(FileRefused.class);
		assertThatThrownBy(() -> store.store(new ByteArrayInputStream(big), 10)).isInstanceOf(FileRefused.class);
		assertThat(filesUnder(dir)).isEmpty();
	}

	@Test
	void keepsEqualContentOnceUnderItsSha256() throws IOException {
		FileStore store = store();
		byte[] pdf = TestFiles.pdf();
		StoredContent first = put(store, pdf);
		StoredContent second = put(store, pdf.clone());
		assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
		assertThat(filesUnder(dir)).hasSize(1);
		Path stored = store.path(first.sha256());
		assertThat(stored).startsWith(dir.resolve(first.sha256().substring(0, 2)));
		assertThat(read(store, first.sha256())).isEqualTo(pdf);
		assertThat(store.contains(first.sha256())).isTrue();
		assertThat(store.contains("../../etc/passwd")).isFalse();
	}

	@Test
	void downloadsNameChineseFilesForEveryBrowserAndShowOnlyImagesInline() {
		String pdf = FileDownload.contentDisposition("attachment", "采用证明.pdf");
		assertThat(pdf).startsWith("attachment; filename=\"file.pdf\"; filename*=UTF-8''")
			.endsWith("%E9%87%87%E7%94%A8%E8%AF%81%E6%98%8E.pdf");
		var response = FileDownload.of(new org.springframework.core.io.ByteArrayResource(TestFiles.pdf()), "报告.exe",
				FileType.PDF, 10);
		assertThat(response.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;")
			.endsWith(".exe.pdf");
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(FileDownload.of(new org.springframework.core.io.ByteArrayResource(TestFiles.png()), "现场.png",
				FileType.PNG, 10).getHeaders().getFirst("Content-Disposition")).startsWith("inline;");
		assertThat(FileDownload.cleanName("C:\\fakepath\\..\\报告<1>.docx", "附件")).isEqualTo("报告1.docx");
		assertThat(FileDownload.cleanName("  ", "附件")).isEqualTo("附件");
	}

	static byte[] read(FileStore store, String sha256) throws IOException {
		try (java.io.InputStream in = store.open(sha256).getInputStream()) {
			return in.readAllBytes();
		}
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Test
	void theBytesOnDiskAreEncryptedAndReadBackAsTheyWereUploaded() throws IOException {
		FileStore store = store();
		byte[] docx = TestFiles.docx("物业服务企业信用评价");
		StoredContent stored = put(store, docx);
		byte[] onDisk = Files.readAllBytes(store.path(stored.sha256()));
		assertThat(onDisk).isNotEqualTo(docx);
		assertThat(new String(onDisk, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("IDF1");
		assertThat(contains(onDisk, "word/document.xml".getBytes(StandardCharsets.US_ASCII)))
			.as("no part of the plain package on disk").isFalse();
		assertThat(contains(onDisk, java.util.Arrays.copyOf(docx, 16))).isFalse();
		assertThat(onDisk).hasSize(docx.length + FileCipher.HEADER + FileCipher.TAG);
		assertThat(read(store, stored.sha256())).isEqualTo(docx);
		assertThat(store.open(stored.sha256()).contentLength()).isEqualTo(docx.length);
		assertThat(stored.sha256()).as("the address is still the SHA-256 of the content")
			.isEqualTo(java.util.HexFormat.of().formatHex(sha256(docx)));
		// no temporary file is left, and none ever held the plain bytes (they are encrypted while streamed in)
		assertThat(filesUnder(dir)).hasSize(1);
	}

	@Test
	void aFileChangedOnDiskIsRefusedWhenRead() throws IOException {
		FileStore store = store();
		StoredContent stored = put(store, TestFiles.pdf());
		Path file = store.path(stored.sha256());
		byte[] onDisk = Files.readAllBytes(file);
		onDisk[FileCipher.HEADER + 3] ^= 1;
		Files.write(file, onDisk);
		assertThatThrownBy(() -> read(store, stored.sha256())).isInstanceOf(IOException.class);
	}

	@Test
	void filesStoredInClearBeforeAndFilesOfARetiredKeyAreRewrittenUnderTheCurrentKey() throws IOException {
		FileSettings settings = new FileSettings(DataSize.ofMegabytes(20), dir, 2000, DataSize.ofMegabytes(200), 100);
		byte[] pdf = TestFiles.pdf();
		byte[] png = TestFiles.png();
		// a file of an installation before encryption, and one stored under the old key of a rotation
		FileStore old = new FileStore(settings, new FileCipher(key(7), java.util.List.of()));
		String pngSha = put(old, png).sha256();
		String pdfSha = java.util.HexFormat.of().formatHex(sha256(pdf));
		Path legacy = old.path(pdfSha);
		Files.createDirectories(legacy.getParent());
		Files.write(legacy, pdf);

		FileCipher rotated = new FileCipher(KEY, java.util.List.of(key(7)));
		FileStore store = new FileStore(settings, rotated);
		assertThat(read(store, pdfSha)).as("a file in clear is read as it is").isEqualTo(pdf);
		assertThat(read(store, pngSha)).as("a file of a retired key still decrypts").isEqualTo(png);

		assertThat(new FilesAtRest(settings, rotated).rewrite()).isEqualTo(2);
		assertThat(new FilesAtRest(settings, rotated).rewrite()).as("nothing left to do").isZero();
		assertThat(Files.readAllBytes(legacy)).isNotEqualTo(pdf);
		FileStore withoutTheOldKey = new FileStore(settings, new FileCipher(KEY, java.util.List.of()));
		assertThat(read(withoutTheOldKey, pdfSha)).isEqualTo(pdf);
		assertThat(read(withoutTheOldKey, pngSha)).isEqualTo(png);
		assertThat(filesUnder(dir)).hasSize(2);
	}

	@Test
	void aBackupOfTheFilesAndTheKeyIsRestorableElsewhere(@TempDir Path restored) throws IOException {
		FileStore store = store();
		byte[] xlsx = TestFiles.xlsx();
		String sha = put(store, xlsx).sha256();
		// the backup: the files folder copied as it is, the key kept with it (docs/security.md)
		for (Path file : filesUnder(dir)) {
			Path target = restored.resolve(dir.relativize(file));
			Files.createDirectories(target.getParent());
			Files.copy(file, target);
		}
		FileStore restoredStore = new FileStore(
				new FileSettings(DataSize.ofMegabytes(20), restored, 2000, DataSize.ofMegabytes(200), 100),
				new FileCipher(KEY.clone(), java.util.List.of()));
		assertThat(read(restoredStore, sha)).isEqualTo(xlsx);
		FileStore otherKey = new FileStore(
				new FileSettings(DataSize.ofMegabytes(20), restored, 2000, DataSize.ofMegabytes(200), 100),
				new FileCipher(key(9), java.util.List.of()));
		assertThatThrownBy(() -> read(otherKey, sha)).isInstanceOf(IOException.class);
	}

	@Test
	void anAccountUploadsNoMoreThanItsDailyQuota() {
		FileStore store = store();
		MutableDay clock = new MutableDay();
		store.setQuota(new UploadQuota(DataSize.ofKilobytes(3), clock));
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken("zhaoxue",
					null, "ROLE_USER"));
		try {
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 2048));
			assertThat(refusal(store, java.util.Arrays.copyOf(TestFiles.pdf(), 2000))).isEqualTo("files.refused.quota");
			clock.next();
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 2000));
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theAccountsOfOneUnitUploadNoMoreThanTheUnitsDailyQuota() {
		FileStore store = store();
		MutableDay clock = new MutableDay();
		store.setQuota(new UploadQuota(DataSize.ofKilobytes(3), DataSize.ofKilobytes(5), clock));
		try {
			logInAs(1, "qianfeng", 7L);
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 2500));
			logInAs(2, "sunli", 7L);
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 2400));
			// a third account of the same unit: its own quota is untouched, the unit's is spent
			logInAs(3, "zhoumin", 7L);
			assertThat(refusal(store, java.util.Arrays.copyOf(TestFiles.pdf(), 1000))).isEqualTo("files.refused.unitQuota");
			// another unit is not held back, and the next day the unit may upload again
			logInAs(4, "wuhua", 8L);
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 1000));
			clock.next();
			logInAs(3, "zhoumin", 7L);
			put(store, java.util.Arrays.copyOf(TestFiles.pdf(), 1001));
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	private static void logInAs(long id, String username, Long unitId) {
		io.infodesk.shared.security.AuthenticatedUser user = new io.infodesk.shared.security.AuthenticatedUser(id,
				username, "{noop}x", username, null, unitId, null, java.util.Set.of("STAFF"), java.util.Set.of(), true,
				false, false);
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user,
					null, user.getAuthorities()));
	}

	static final class MutableDay extends java.time.Clock {

		private java.time.Instant now = java.time.Instant.parse("2026-12-07T02:00:00Z");

		void next() {
			now = now.plus(java.time.Duration.ofDays(1));
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneId.of("Asia/Shanghai");
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public java.time.Instant instant() {
			return now;
		}

	}

	static byte[] sha256(byte[] content) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static java.util.List<Path> filesUnder(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
