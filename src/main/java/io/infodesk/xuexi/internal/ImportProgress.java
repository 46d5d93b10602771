package io.infodesk.xuexi.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The progress of a preview or an import of a staged report (issue 13, point 2: a progress bar for large files), kept
 * per upload token while the request runs: the bytes of the file read so far (the streaming read counts them as it
 * goes), the rows seen, then — for an import — the rows written in batches. The import page polls it
 * ({@code GET /xuexi/imports/{token}/progress}) while its own request is still running. Reading is 0–100 % of a
 * preview and 0–60 % of an import; writing the remaining 40 %.
 */
@Component
public class ImportProgress {

	/** What a page shows: the phase, the percentage (0–100) and the rows read and written so far. */
	public record Snapshot(Phase phase, int percent, long rows, long written) {

	}

	public enum Phase {

		READING, WRITING, DONE, FAILED

	}

	/** One running preview or import. */
	public static final class Tracker {

		private final long totalBytes;

		private final boolean writes;

		private volatile Phase phase = Phase.READING;

		private volatile long bytes;

		private volatile long rows;

		private volatile long written;

		private volatile long toWrite;

		private volatile Instant updated = Instant.now();

		Tracker(long totalBytes, boolean writes) {
			this.totalBytes = Math.max(1, totalBytes);
			this.writes = writes;
		}

		/** The file's stream, counting the bytes read. */
		public InputStream counting(InputStream in) {
			return new FilterInputStream(in) {

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						bytes++;
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						bytes += n;
					}
					return n;
				}

			};
		}

		public void row() {
			rows++;
		}

		public void writing(long total) {
			toWrite = Math.max(1, total);
			phase = Phase.WRITING;
			updated = Instant.now();
		}

		public void wrote(long count) {
			written += count;
			updated = Instant.now();
		}

		public void done() {
			phase = Phase.DONE;
			updated = Instant.now();
		}

		public void failed() {
			if (phase != Phase.DONE) {
				phase = Phase.FAILED;
			}
			updated = Instant.now();
		}

		Snapshot snapshot() {
			double read = Math.min(1.0, (double) bytes / totalBytes);
			int percent = switch (phase) {
				case DONE -> 100;
				case WRITING -> 60 + (int) (40.0 * Math.min(1.0, (double) written / toWrite));
				default -> (int) Math.min(99, (writes ? 60 : 100) * read);
			};
			return new Snapshot(phase, Math.min(phase == Phase.DONE ? 100 : 99, percent), rows, written);
		}

	}

	private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

	/** Starts following a preview ({@code writes} false) or an import of the upload {@code token}. */
	public Tracker start(String token, long totalBytes, boolean writes) {
		Instant stale = Instant.now().minus(Duration.ofHours(1));
		trackers.values().removeIf(t -> t.updated.isBefore(stale) && t.phase != Phase.READING && t.phase != Phase.WRITING);
		Tracker tracker = new Tracker(totalBytes, writes);
		trackers.put(token, tracker);
		return tracker;
	}

	public Optional<Snapshot> of(String token) {
		return Optional.ofNullable(trackers.get(token)).map(Tracker::snapshot);
	}

}
