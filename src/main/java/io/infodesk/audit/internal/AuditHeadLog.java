package io.infodesk.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The chain head written outside the database: an append-only file (one line per checkpoint:
 * {@code <time> seq=<n> link=<hex> keyed-from=<n> key=<fingerprint>}) and, when configured, a syslog receiver (UDP,
 * RFC 5424, facility "log audit"). Verification checks every checkpoint against the chain in the database, so that
 * removing the newest entries (and setting the head back), or turning the keyed segment back into a keyless one, is
 * found even by someone who rewrote the database's own head row. The file is only ever opened for appending; on the
 * host it can be made append-only for good ({@code chattr +a}) or shipped to a log server (docs/security.md).
 */
@Component
class AuditHeadLog {

	private static final Logger log = LoggerFactory.getLogger(AuditHeadLog.class);

	/** One checkpoint of the head. */
	record Checkpoint(long seq, String link, Long keyedFrom) {
	}

	private final AuditChainSettings settings;

	private final JdbcTemplate jdbc;

	private final AuditHashing hashing;

	private final Clock clock;

	private long lastWritten = -1;

	AuditHeadLog(AuditChainSettings settings, JdbcTemplate jdbc, AuditHashing hashing, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.hashing = hashing;
		this.clock = clock;
	}

	@Scheduled(cron = "${infodesk.audit.chain.head-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
	// one instance writes the checkpoint when several share the head log (issue 18, docs/deployment.md)
	@SchedulerLock(name = "audit-head-log", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	public void periodically() {
		try {
			checkpoint();
		}
		catch (RuntimeException ex) {
			log.error("The audit chain head could not be written outside the database ({})", settings.headLog(), ex);
		}
	}

	/** Writes the current (committed) head, unless it is the one written last; returns the line or null. */
	synchronized String checkpoint() {
		Map<String, Object> head = jdbc
			.queryForMap("select last_seq, last_hash, keyed_from_seq from audit_chain_head where id = 1");
		long seq = ((Number) head.get("last_seq")).longValue();
		if (seq == lastWritten || seq == 0) {
			return null;
		}
		Object keyedFrom = head.get("keyed_from_seq");
		String line = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " seq=" + seq + " link=" + head.get("last_hash")
				+ " keyed-from=" + (keyedFrom == null ? "-" : keyedFrom) + " key=" + hashing.fingerprint();
		append(line);
		syslog(line);
		lastWritten = seq;
		return line;
	}

	private void append(String line) {
		Path file = settings.headLog().toAbsolutePath();
		try {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void syslog(String line) {
		if (settings.syslogHost() == null || settings.syslogHost().isBlank()) {
			return;
		}
		// facility 13 (log audit), severity 6 (informational): <110>; RFC 5424 with NILVALUE where nothing applies
		byte[] message = ("<110>1 " + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " - infodesk - AUDIT_HEAD - "
				+ line).getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(message, message.length, InetAddress.getByName(settings.syslogHost()),
					settings.syslogPort()));
		}
		catch (IOException ex) {
			log.error("The audit chain head could not be sent to syslog {}:{}", settings.syslogHost(),
					settings.syslogPort(), ex);
		}
	}

	/** The checkpoints of the file by sequence number (the last one of a sequence number wins); none without a file. */
	NavigableMap<Long, Checkpoint> checkpoints() {
		NavigableMap<Long, Checkpoint> all = new TreeMap<>();
		Path file = settings.headLog();
		if (!Files.isRegularFile(file)) {
			return all;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
				Checkpoint checkpoint = parse(line);
				if (checkpoint != null) {
					all.put(checkpoint.seq(), checkpoint);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all;
	}

	private static Checkpoint parse(String line) {
		Long seq = null;
		String link = null;
		Long keyedFrom = null;
		for (String part : line.strip().split(" ")) {
			int eq = part.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String name = part.substring(0, eq);
			String value = part.substring(eq + 1);
			try {
				switch (name) {
					case "seq" -> seq = Long.parseLong(value);
					case "link" -> link = value;
					case "keyed-from" -> keyedFrom = "-".equals(value) ? null : Long.parseLong(value);
					default -> {
					}
				}
			}
			catch (NumberFormatException malformed) {
				return null;
			}
		}
		return seq == null || link == null ? null : new Checkpoint(seq, link, keyedFrom);
	}

}
