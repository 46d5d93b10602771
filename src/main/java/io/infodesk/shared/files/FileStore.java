package io.infodesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The content-addressed file store: a file lies at {@code <dir>/<2 hex>/<2 hex>/<sha256>}, written once; an
 * equal upload finds it there and keeps no second copy. An upload is streamed to a temporary file of the
 * store (hashing and counting as it goes, stopped at the size limit), its type is recognised by content
 * ({@link ContentInspector}), and only then moved to its address — a refused upload leaves nothing behind.
 * Files are never deleted on a record's removal here: records of several modules may share one; the owner asks
 * {@link FileCleanup} to delete what no record refers to any more, and {@link FileSweep} removes nightly what no record
 * ever came to refer to.
 * <p>
 * On disk every file is encrypted with SM4-GCM ({@link FileCipher}), already while it is streamed in: neither the
 * stored file nor the temporary one ever holds the plain bytes; the address stays the SHA-256 of the content.
 */
@Component
public class FileStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final FileSettings settings;

	private final ContentInspector inspector;

	private final FileCipher cipher;

	private UploadQuota quota;

	public FileStore(FileSettings settings, FileCipher cipher) {
		this.settings = settings;
		this.inspector = new ContentInspector(settings);
		this.cipher = cipher;
	}

	/** The daily quota of each account (none when not set). */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	public void setQuota(UploadQuota quota) {
		this.quota = quota;
	}

	/** The largest file accepted, in bytes. */
	public long maxSize() {
		return settings.maxSize().toBytes();
	}

	/**
	 * Keeps the content if it is a file of an accepted type within the size limit.
	 *
	 * @param declaredSize the size the client announced, or -1; a larger one is refused before reading
	 * @throws FileRefused empty, too large, of another type, an executable, a damaged or bomb-like package
	 */
	public StoredContent store(InputStream content, long declaredSize) {
		long limit = maxSize();
		if (declaredSize > limit) {
			throw tooLarge();
		}
		Path temp = null;
		try {
			Path tempDir = Files.createDirectories(settings.dir().resolve("tmp"));
			temp = Files.createTempFile(tempDir, "upload-", ".part");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (InputStream in = new DigestInputStream(content, digest);
					OutputStream out = cipher.encrypting(Files.newOutputStream(temp))) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					size += n;
					if (size > limit) {
						throw tooLarge();
					}
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw new FileRefused("files.refused.empty");
			}
			Path written = temp;
			FileType type = inspector.inspect(() -> cipher.decrypting(Files.newInputStream(written)));
			if (quota != null) {
				quota.charge(size);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			Path target = path(sha256);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				moveInto(temp, target);
			}
			else {
				// uploaded again: the nightly sweep (FileSweep) counts its day of grace from now
				touch(target);
			}
			return new StoredContent(sha256, type, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a leftover temporary file is removed with the next restart's clean-up at the latest
				}
			}
		}
	}

	private static void touch(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			// deleted meanwhile by a clean-up: the record will find no file, as after any lost file
		}
	}

	/** The addresses of the stored files last written (or uploaded again) before the cutoff: the sweep's candidates. */
	List<String> storedBefore(Instant cutoff) throws IOException {
		Path dir = settings.dir();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.find(dir, 3, (file, attributes) -> attributes.isRegularFile()
				&& SHA256.matcher(file.getFileName().toString()).matches()
				&& attributes.lastModifiedTime().toInstant().isBefore(cutoff))) {
			files.filter(file -> file.equals(path(file.getFileName().toString())))
				.forEach(file -> found.add(file.getFileName().toString()));
		}
		return found;
	}

	/** Deletes the temporary files of uploads that were never finished, last written before the cutoff. */
	int deleteTemporaryBefore(Instant cutoff) throws IOException {
		Path tempDir = settings.dir().resolve("tmp");
		if (!Files.isDirectory(tempDir)) {
			return 0;
		}
		int deleted = 0;
		try (Stream<Path> files = Files.list(tempDir)) {
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
						&& Files.deleteIfExists(file)) {
					deleted++;
				}
			}
		}
		return deleted;
	}

	private static void moveInto(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException notAtomic) {
			try {
				Files.move(temp, target);
			}
			catch (FileAlreadyExistsException sameContentMeanwhile) {
				// an equal upload got there first: one copy is enough
			}
		}
		catch (FileAlreadyExistsException sameContentMeanwhile) {
			// idem
		}
	}

	private FileRefused tooLarge() {
		return new FileRefused("files.refused.tooLarge", settings.maxSize().toMegabytes());
	}

	/**
	 * Writes a module's working copy of an upload (e.g. a report waiting to be mapped and imported) encrypted with the
	 * store's SM4-GCM key, like every stored file (issue 17): whatever is written to the stream reaches the disk only
	 * as ciphertext. Read it back with {@link #decryptFrom(Path)}.
	 */
	public OutputStream encryptTo(Path file) throws IOException {
		return cipher.encrypting(Files.newOutputStream(file));
	}

	/** The plain bytes of a file written by {@link #encryptTo(Path)}; a changed file fails when read (tag). */
	public InputStream decryptFrom(Path file) throws IOException {
		return cipher.decrypting(Files.newInputStream(file));
	}

	/** The SHA-256 of content as the store names files by it (lower-case hex): one hashing for every module. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the content of that address is in the store. */
	public boolean contains(String sha256) {
		return SHA256.matcher(sha256).matches() && Files.isRegularFile(path(sha256));
	}

	/** The stored content, for a download: decrypted as it is read (its length is that of the content). */
	public Resource open(String sha256) {
		if (!contains(sha256)) {
			throw new FileRefused("files.missing");
		}
		return new StoredFile(path(sha256), cipher);
	}

	/** A file of the store read through its cipher. */
	static final class StoredFile extends AbstractResource {

		private final Path file;

		private final FileCipher cipher;

		StoredFile(Path file, FileCipher cipher) {
			this.file = file;
			this.cipher = cipher;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return cipher.decrypting(Files.newInputStream(file));
		}

		@Override
		public boolean exists() {
			return Files.isRegularFile(file);
		}

		@Override
		public long contentLength() throws IOException {
			byte[] head;
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(FileCipher.MAGIC.length);
			}
			long size = Files.size(file);
			return FileCipher.encrypted(head) ? size - FileCipher.HEADER - FileCipher.TAG : size;
		}

		@Override
		public String getFilename() {
			return file.getFileName().toString();
		}

		@Override
		public String getDescription() {
			return "stored file " + file.getFileName();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StoredFile that && that.file.equals(file);
		}

		@Override
		public int hashCode() {
			return file.hashCode();
		}

	}

	Path path(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return settings.dir().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

}
