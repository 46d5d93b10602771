package io.infodesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, rewrites every stored file that is not encrypted under the current key: the files kept in clear before
 * files were encrypted, and after a key rotation those under a retired key. Each file is streamed through the cipher
 * to a temporary file and moved over the old one atomically, so an interrupted run leaves every file readable and
 * the next start carries on. A file already under the current key costs a read of its first 8 bytes.
 */
@Component
class FilesAtRest implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FilesAtRest.class);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final FileSettings settings;

	private final FileCipher cipher;

	FilesAtRest(FileSettings settings, FileCipher cipher) {
		this.settings = settings;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		int rewritten = rewrite();
		if (rewritten > 0) {
			log.info("Files at rest: {} stored files (re)encrypted with SM4 under the current key", rewritten);
		}
	}

	/** Rewrites the files not under the current key; returns how many. */
	int rewrite() {
		Path dir = settings.dir();
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		List<Path> stored;
		try (Stream<Path> files = Files.walk(dir, 3)) {
			stored = files.filter(Files::isRegularFile)
				.filter(file -> SHA256.matcher(file.getFileName().toString()).matches())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int rewritten = 0;
		for (Path file : stored) {
			try {
				byte[] head;
				try (InputStream in = Files.newInputStream(file)) {
					head = in.readNBytes(FileCipher.MAGIC.length + 4);
				}
				if (cipher.current(head)) {
					continue;
				}
				Path tempDir = Files.createDirectories(dir.resolve("tmp"));
				Path temp = Files.createTempFile(tempDir, "rewrite-", ".part");
				try {
					try (InputStream in = cipher.decrypting(Files.newInputStream(file));
							OutputStream out = cipher.encrypting(Files.newOutputStream(temp))) {
						in.transferTo(out);
					}
					Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					rewritten++;
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			catch (IOException ex) {
				log.error("Files at rest: {} could not be encrypted under the current key", file, ex);
			}
		}
		return rewritten;
	}

}
