package io.infodesk.reporting.urgent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.infodesk.shared.time.TimeConfiguration;

/**
 * The same-day clock (S3.1-c): due at 23:59:59 Asia/Shanghai of the event's day — at midnight, across month
 * and year ends, for events after 23:00, and whatever zone the server's clock is in. Time is a fixed
 * {@link Clock}.
 */
class SameDayRuleTests {

	static Instant shanghai(int year, int month, int day, int hour, int minute, int second) {
		return LocalDateTime.of(year, month, day, hour, minute, second).atZone(TimeConfiguration.ZONE).toInstant();
	}

	static Clock fixedAt(Instant instant) {
		return Clock.fixed(instant, TimeConfiguration.ZONE);
	}

	@Test
	void anEventAfterElevenAtNightIsStillDueTheSameDay() {
		Instant event = shanghai(2026, 11, 27, 22, 30, 0);
		assertThat(SameDayRule.dueAt(event)).isEqualTo(shanghai(2026, 11, 27, 23, 59, 59));
		Clock clock = fixedAt(shanghai(2026, 11, 27, 23, 0, 0));
		assertThat(SameDayRule.timeLeft(event, clock.instant())).isEqualTo(Duration.ofHours(1));
		Instant lateEvent = shanghai(2026, 11, 27, 23, 45, 10);
		assertThat(SameDayRule.dueAt(lateEvent)).isEqualTo(shanghai(2026, 11, 27, 23, 59, 59));
		assertThat(SameDayRule.timeLeft(lateEvent, lateEvent)).isEqualTo(Duration.ofMinutes(14).plusSeconds(50));
	}

	@Test
	void theLastSecondIsOnTimeAndMidnightIsLateByOneSecond() {
		Instant event = shanghai(2026, 11, 27, 8, 0, 0);
		assertThat(SameDayRule.isLate(event, shanghai(2026, 11, 27, 23, 59, 59).plusMillis(999))).isFalse();
		Instant midnight = fixedAt(shanghai(2026, 11, 28, 0, 0, 0)).instant();
		assertThat(SameDayRule.isLate(event, midnight)).isTrue();
		assertThat(SameDayRule.delay(event, midnight)).isEqualTo(Duration.ofSeconds(1));
		assertThat(SameDayRule.timeLeft(event, midnight)).isZero();
	}

	@Test
	void anEventAtMidnightBelongsToTheNewDay() {
		Instant event = shanghai(2026, 11, 28, 0, 0, 0);
		assertThat(SameDayRule.dueAt(event)).isEqualTo(shanghai(2026, 11, 28, 23, 59, 59));
		Instant lastSecondBefore = shanghai(2026, 11, 27, 23, 59, 59);
		assertThat(SameDayRule.dueAt(lastSecondBefore)).isEqualTo(lastSecondBefore);
		assertThat(SameDayRule.timeLeft(lastSecondBefore, lastSecondBefore)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void acrossTheEndOfAMonth() {
		Instant event = shanghai(2026, 1, 31, 23, 30, 0);
		assertThat(SameDayRule.dueAt(event)).isEqualTo(shanghai(2026, 1, 31, 23, 59, 59));
		Instant submitted = fixedAt(shanghai(2026, 2, 1, 0, 10, 0)).instant();
		assertThat(SameDayRule.isLate(event, submitted)).isTrue();
		assertThat(SameDayRule.delay(event, submitted)).isEqualTo(Duration.ofMinutes(10).plusSeconds(1));
		assertThat(SameDayRule.dueAt(shanghai(2028, 2, 29, 12, 0, 0))).isEqualTo(shanghai(2028, 2, 29, 23, 59, 59));
	}

	@Test
	void acrossTheEndOfAYear() {
		Instant event = shanghai(2026, 12, 31, 23, 10, 0);
		assertThat(SameDayRule.dueAt(event)).isEqualTo(shanghai(2026, 12, 31, 23, 59, 59));
		assertThat(SameDayRule.isLate(event, shanghai(2027, 1, 1, 0, 0, 30))).isTrue();
		assertThat(SameDayRule.delay(event, shanghai(2027, 1, 1, 0, 0, 30))).isEqualTo(Duration.ofSeconds(31));
		assertThat(SameDayRule.isLate(event, shanghai(2026, 12, 31, 23, 59, 0))).isFalse();
	}

	@Test
	void theDayIsShanghaisEvenWhenTheServerClockIsInUtc() {
		// 2026-11-27 17:30 UTC is 2026-11-28 01:30 in Shanghai: the event belongs to the 28th there
		Clock utc = Clock.fixed(LocalDateTime.of(2026, 11, 27, 17, 30).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
		Instant event = utc.instant();
		assertThat(SameDayRule.dueAt(event)).isEqualTo(shanghai(2026, 11, 28, 23, 59, 59));
		// 2026-11-27 15:59:59 UTC is 23:59:59 in Shanghai: still the 27th
		Instant lastSecond = LocalDateTime.of(2026, 11, 27, 15, 59, 59).toInstant(ZoneOffset.UTC);
		assertThat(SameDayRule.dueAt(lastSecond)).isEqualTo(lastSecond);
	}

}
