package io.infodesk.organization;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What a leader assignment and a publicist designation share: a period with an inclusive start
 * date and an inclusive, optional end date (none = still in force), mapped to the columns
 * {@code start_date} and {@code end_date}, and when the record was made.
 */
@MappedSuperclass
public abstract class DatedAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "start_date")
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Column(name = "created_at")
	private Instant createdAt;

	protected DatedAssignment() {
	}

	protected DatedAssignment(LocalDate startDate, Instant now) {
		this.startDate = startDate;
		this.createdAt = now;
	}

	/** In force on the given day: started on or before it and not ended before it. */
	public boolean activeOn(LocalDate day) {
		return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
	}

	/** Where the period stands on the given day: upcoming, current or ended. */
	public PeriodStatus statusOn(LocalDate day) {
		return PeriodStatus.of(startDate, endDate, day);
	}

	/** Whether this period and [start, end] share at least one day; a null end is open. */
	public boolean overlaps(LocalDate start, LocalDate end) {
		boolean thisStartsBeforeOtherEnds = end == null || !startDate.isAfter(end);
		boolean otherStartsBeforeThisEnds = endDate == null || !start.isAfter(endDate);
		return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
	}

	/** Sets the last day in force, without checks (the caller has checked it). */
	public void end(LocalDate day) {
		this.endDate = day;
	}

	/**
	 * Ends the period on the given day as a user asks for it: refused when it has already ended by
	 * today, when no day is given, or when the day is before the start.
	 */
	public void endOn(LocalDate day, LocalDate today) {
		if (endDate != null && !endDate.isAfter(today)) {
			throw RuleViolation.of("org.error.alreadyEnded");
		}
		if (day == null) {
			throw new RuleViolation("endDate", "org.endDate.required");
		}
		if (day.isBefore(startDate)) {
			throw new RuleViolation("endDate", "org.error.endBeforeStart");
		}
		end(day);
	}

	/**
	 * Ends a period that has not ended yet: today, or on its start day if it has not begun (so the
	 * end is never before the start). Returns whether it was ended.
	 */
	public boolean endIfRunning(LocalDate today) {
		if (endDate != null && !endDate.isAfter(today)) {
			return false;
		}
		end(startDate.isAfter(today) ? startDate : today);
		return true;
	}

	public Long getId() {
		return id;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
