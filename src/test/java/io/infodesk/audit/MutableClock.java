package io.infodesk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import io.infodesk.shared.time.TimeConfiguration;

/**
 * A clock that tests set and advance (lockout expiry, retention, leaders in charge on dates). Starts
 * at {@link #BASE}, 2026-11-27 09:00 Asia/Shanghai; views in other zones share its time.
 */
public class MutableClock extends Clock {

	public static final Instant BASE = ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, TimeConfiguration.ZONE).toInstant();

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public MutableClock() {
		this(new AtomicReference<>(BASE), TimeConfiguration.ZONE);
	}

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	public void advance(Duration duration) {
		now.updateAndGet(instant -> instant.plus(duration));
	}

	public void reset() {
		set(BASE);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(now, zone);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

}
