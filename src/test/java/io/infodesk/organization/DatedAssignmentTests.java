package io.infodesk.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The period shared by leader assignments and publicist designations. */
class DatedAssignmentTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 27);

	static PublicistDesignation from(LocalDate start, LocalDate end) {
		PublicistDesignation designation = new PublicistDesignation(1L, 2L, start, Instant.EPOCH);
		if (end != null) {
			designation.end(end);
		}
		return designation;
	}

	@Test
	void isInForceFromItsStartUntilItsEndBothInclusive() {
		LeaderAssignment assignment = new LeaderAssignment(1L, 2L, DAY, Instant.EPOCH);
		assertThat(assignment.activeOn(DAY.minusDays(1))).isFalse();
		assertThat(assignment.activeOn(DAY)).isTrue();
		assertThat(assignment.activeOn(DAY.plusYears(5))).isTrue();
		assignment.end(DAY.plusDays(3));
		assertThat(assignment.activeOn(DAY.plusDays(3))).isTrue();
		assertThat(assignment.activeOn(DAY.plusDays(4))).isFalse();
		assertThat(assignment.statusOn(DAY.minusDays(1))).isEqualTo(PeriodStatus.UPCOMING);
		assertThat(assignment.statusOn(DAY.plusDays(3))).isEqualTo(PeriodStatus.CURRENT);
		assertThat(assignment.statusOn(DAY.plusDays(4))).isEqualTo(PeriodStatus.ENDED);
	}

	@Test
	void overlapsWhenTheTwoPeriodsShareADay() {
		PublicistDesignation closed = from(DAY, DAY.plusDays(10));
		assertThat(closed.overlaps(DAY.plusDays(10), null)).isTrue();
		assertThat(closed.overlaps(DAY.plusDays(11), null)).isFalse();
		assertThat(closed.overlaps(DAY.minusDays(5), DAY)).isTrue();
		assertThat(closed.overlaps(DAY.minusDays(5), DAY.minusDays(1))).isFalse();
		assertThat(from(DAY, null).overlaps(DAY.plusYears(3), DAY.plusYears(4))).isTrue();
	}

	@Test
	void endingOnADayRefusesAMissingDayADayBeforeTheStartAndAnAlreadyEndedPeriod() {
		assertThatThrownBy(() -> from(DAY, null).endOn(null, DAY))
			.isInstanceOfSatisfying(RuleViolation.class,
					violation -> assertThat(violation.messageKey()).isEqualTo("org.endDate.required"));
		assertThatThrownBy(() -> from(DAY, null).endOn(DAY.minusDays(1), DAY))
			.isInstanceOfSatisfying(RuleViolation.class,
					violation -> assertThat(violation.messageKey()).isEqualTo("org.error.endBeforeStart"));
		assertThatThrownBy(() -> from(DAY.minusDays(9), DAY).endOn(DAY, DAY))
			.isInstanceOfSatisfying(RuleViolation.class,
					violation -> assertThat(violation.messageKey()).isEqualTo("org.error.alreadyEnded"));
		PublicistDesignation running = from(DAY.minusDays(9), DAY.plusDays(9));
		running.endOn(DAY.plusDays(1), DAY);
		assertThat(running.getEndDate()).isEqualTo(DAY.plusDays(1));
	}

	@Test
	void endingIfRunningEndsTodayOrOnTheStartOfAnUpcomingPeriodAndLeavesAnEndedOneAlone() {
		PublicistDesignation running = from(DAY.minusDays(9), null);
		assertThat(running.endIfRunning(DAY)).isTrue();
		assertThat(running.getEndDate()).isEqualTo(DAY);
		PublicistDesignation upcoming = from(DAY.plusDays(5), null);
		assertThat(upcoming.endIfRunning(DAY)).isTrue();
		assertThat(upcoming.getEndDate()).isEqualTo(DAY.plusDays(5));
		PublicistDesignation ended = from(DAY.minusDays(9), DAY.minusDays(1));
		assertThat(ended.endIfRunning(DAY)).isFalse();
		assertThat(ended.getEndDate()).isEqualTo(DAY.minusDays(1));
	}

}
