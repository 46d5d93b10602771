package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import io.infodesk.audit.AuditRecord;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;

/**
 * Rate limits of the login form and the API's Basic authentication (issue 17, finding 4), with Bucket4j token buckets
 * in memory (per instance):
 * <ul>
 * <li>per client address: at most {@code infodesk.security.throttle.address-failures} failed logins per
 * {@code window}; beyond, every login attempt from that address is refused without checking the password (so it
 * counts towards no account's lockout) until the bucket refills;</li>
 * <li>per account: at most {@code account-attempts} attempts per minute from all addresses together; beyond, refused
 * likewise.</li>
 * </ul>
 * A refusal is audited (LOGIN_THROTTLED) at most once a minute per address or account, so that a flood does not flood
 * the trail. The clock is the application's, so tests move it.
 */
@Component
public class LoginThrottle {

	private static final int MAX_KEYS = 50_000;

	private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

	private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();

	private final Map<String, Instant> audited = new ConcurrentHashMap<>();

	private volatile int addressFailures;

	private final Duration window;

	private volatile int accountAttempts;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final TimeMeter meter;

	LoginThrottle(@Value("${infodesk.security.throttle.address-failures:20}") int addressFailures,
			@Value("${infodesk.security.throttle.window:15m}") Duration window,
			@Value("${infodesk.security.throttle.account-attempts:10}") int accountAttempts, AuditTrail audit,
			Texts texts, Clock clock) {
		this.addressFailures = addressFailures;
		this.window = window;
		this.accountAttempts = accountAttempts;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.meter = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000L;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}

	/**
	 * Whether this attempt may be checked at all; with {@code countAttempt} (the login form) an allowed attempt uses
	 * one of the account's per-minute attempts (the API authenticates every request and is limited by address only).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean allow(String address, String username, boolean countAttempt) {
		String account = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
		if (address != null && bucket(addresses, address, addressFailures, window).getAvailableTokens() <= 0) {
			refused("address:" + address, account, texts.get("account.audit.throttledAddress", address));
			return false;
		}
		if (countAttempt && !account.isEmpty() && !bucket(accounts, account, accountAttempts, Duration.ofMinutes(1)).tryConsume(1)) {
			refused("account:" + account, account, texts.get("account.audit.throttledAccount", account));
			return false;
		}
		return true;
	}

	/** A failed login from this address. */
	public void failed(String address) {
		if (address != null) {
			bucket(addresses, address, addressFailures, window).tryConsume(1);
		}
	}

	/** Other limits from now on, every bucket forgotten (tests). */
	void limits(int addressFailures, int accountAttempts) {
		this.addressFailures = addressFailures;
		this.accountAttempts = accountAttempts;
		clear();
	}

	/** Forgets every bucket (tests; a restart does the same). */
	public void clear() {
		addresses.clear();
		accounts.clear();
		audited.clear();
	}

	private void refused(String key, String account, String summary) {
		Instant now = Instant.now(clock);
		Instant last = audited.get(key);
		if (last != null && last.plus(Duration.ofMinutes(1)).isAfter(now)) {
			return;
		}
		audited.put(key, now);
		audit.record(AuditRecord.failure("LOGIN_THROTTLED", account.isEmpty() ? "anonymous" : account, summary));
	}

	private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
		if (buckets.size() > MAX_KEYS) {
			buckets.clear();
		}
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.withCustomTimePrecision(meter)
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build());
	}

}
