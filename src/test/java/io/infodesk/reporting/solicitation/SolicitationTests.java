package io.infodesk.reporting.solicitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.infodesk.shared.time.TimeConfiguration;

/** A solicitation's status follows from its deadline and delivery time (S3.1-c). */
class SolicitationTests {

	static final Instant DEADLINE = ZonedDateTime.of(2026, 11, 30, 17, 0, 0, 0, TimeConfiguration.ZONE).toInstant();

	private static Solicitation dueAt(Instant deadline) {
		Solicitation solicitation = new Solicitation(1L, "周敏", deadline.minus(Duration.ofDays(3)));
		solicitation.change(1L, "老旧小区改造进展", null, LocalDate.of(2026, 11, 27), deadline, Set.of(5L), List.of(),
				deadline.minus(Duration.ofDays(3)));
		return solicitation;
	}

	@Test
	void openUntilTheDeadlineInclusiveThenMissed() {
		Solicitation solicitation = dueAt(DEADLINE);
		assertThat(solicitation.statusAt(DEADLINE.minusSeconds(1))).isEqualTo(SolicitationStatus.OPEN);
		assertThat(solicitation.statusAt(DEADLINE)).isEqualTo(SolicitationStatus.OPEN);
		assertThat(solicitation.statusAt(DEADLINE.plusSeconds(1))).isEqualTo(SolicitationStatus.MISSED);
		assertThat(solicitation.lateness(DEADLINE.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(5));
	}

	@Test
	void dueSoonWithinTwentyFourHours() {
		Solicitation solicitation = dueAt(DEADLINE);
		assertThat(solicitation.dueSoonAt(DEADLINE.minus(Duration.ofHours(24)).minusSeconds(1))).isFalse();
		assertThat(solicitation.dueSoonAt(DEADLINE.minus(Duration.ofHours(24)))).isTrue();
		assertThat(solicitation.dueSoonAt(DEADLINE.minus(Duration.ofMinutes(5)))).isTrue();
		assertThat(solicitation.timeLeft(DEADLINE.minus(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
		assertThat(solicitation.dueSoonAt(DEADLINE.plusSeconds(1))).isFalse();
	}

	@Test
	void deliveredOnTimeOrLateByTheFirstDelivery() {
		Solicitation onTime = dueAt(DEADLINE);
		assertThat(onTime.deliver(7L, DEADLINE)).isTrue();
		assertThat(onTime.statusAt(DEADLINE.plus(Duration.ofDays(10)))).isEqualTo(SolicitationStatus.DELIVERED_ON_TIME);
		assertThat(onTime.deliver(8L, DEADLINE.plus(Duration.ofDays(1)))).isFalse();
		assertThat(onTime.getDeliveredItemId()).isEqualTo(7L);

		Solicitation late = dueAt(DEADLINE);
		late.deliver(9L, DEADLINE.plus(Duration.ofMinutes(90)));
		assertThat(late.statusAt(DEADLINE.plus(Duration.ofDays(10)))).isEqualTo(SolicitationStatus.DELIVERED_LATE);
		assertThat(late.lateness(DEADLINE.plus(Duration.ofDays(10)))).isEqualTo(Duration.ofMinutes(90));
		assertThat(late.dueSoonAt(DEADLINE.minusSeconds(60))).isFalse();
	}

}
