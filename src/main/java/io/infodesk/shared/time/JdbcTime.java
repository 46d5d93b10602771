package io.infodesk.shared.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants through plain JDBC ({@code JdbcTemplate}) on H2 and PostgreSQL alike: PostgreSQL's driver refuses to
 * bind a bare {@link Instant} (H2 accepts it, so only the PostgreSQL tests see the difference), and the drivers read
 * a {@code timestamp with time zone} back as {@link OffsetDateTime} (H2) or {@link Timestamp} (PostgreSQL).
 */
public final class JdbcTime {

	private JdbcTime() {
	}

	/** The instant as a bind parameter: an offset date-time at UTC. */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A column value read back as an instant ({@code null} stays {@code null}). */
	public static Instant instant(Object value) {
		if (value == null || value instanceof Instant) {
			return (Instant) value;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		return OffsetDateTime.parse(value.toString()).toInstant();
	}

}
