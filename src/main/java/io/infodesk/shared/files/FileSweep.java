package io.infodesk.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The nightly sweep of the file store (issue 17, finding 9; GB/T 22239 8.1.4.10 剩余信息保护): a file that no record
 * refers to a day after it was stored or last uploaded again is deleted, and so is a temporary upload file left by an
 * interrupted request. The owners free their files when they drop a record ({@link FileCleanup}); the sweep catches what
 * that cannot: an upload whose transaction rolled back, or a request that failed after the file was stored. The day's
 * grace covers every transaction still running. One instance at a time (ShedLock {@code shared-file-sweep});
 * {@code infodesk.files.sweep-cron} (03:40 daily, "-" turns it off).
 */
@Component
public class FileSweep {

	/** A file younger than this is never swept: its record may not be committed yet. */
	static final Duration GRACE = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(FileSweep.class);

	private final FileStore store;

	private final FileCleanup cleanup;

	public FileSweep(FileStore store, FileCleanup cleanup) {
		this.store = store;
		this.cleanup = cleanup;
	}

	@Scheduled(cron = "${infodesk.files.sweep-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "shared-file-sweep", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
	public void run() {
		// the files' times are the file system's, so the cutoff is the wall clock's, not the business clock's
		Result result = sweep(Instant.now().minus(GRACE));
		if (result.deleted() > 0 || result.temporary() > 0) {
			log.info("File store swept: {} unreferenced file(s) and {} temporary file(s) deleted", result.deleted(),
					result.temporary());
		}
	}

	/** How many stored files no record refers to and how many leftover temporary files were deleted. */
	public record Result(int deleted, int temporary) {
	}

	/** Deletes the unreferenced files and the temporary files last written before the cutoff. */
	public Result sweep(Instant cutoff) {
		try {
			List<String> candidates = store.storedBefore(cutoff);
			int deleted = candidates.isEmpty() ? 0 : cleanup.deleteUnreferenced(candidates);
			return new Result(deleted, store.deleteTemporaryBefore(cutoff));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
