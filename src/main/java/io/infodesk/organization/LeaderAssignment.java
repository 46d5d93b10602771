package io.infodesk.organization;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bureau leader in charge (分管领导) of a unit from a start date until an optional end date. */
@Entity
@Table(name = "org_leader_assignment")
public class LeaderAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "leader_id")
	private Long leaderId;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "start_date")
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Column(name = "created_at")
	private Instant createdAt;

	protected LeaderAssignment() {
	}

	public LeaderAssignment(Long leaderId, Long unitId, LocalDate startDate, Instant now) {
		this.leaderId = leaderId;
		this.unitId = unitId;
		this.startDate = startDate;
		this.createdAt = now;
	}

	/** In force on the given day: started on or before it and not ended before it. */
	public boolean activeOn(LocalDate day) {
		return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
	}

	public void end(LocalDate day) {
		this.endDate = day;
	}

	public Long getId() {
		return id;
	}

	public Long getLeaderId() {
		return leaderId;
	}

	public Long getUnitId() {
		return unitId;
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
