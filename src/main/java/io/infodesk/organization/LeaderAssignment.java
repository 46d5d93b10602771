package io.infodesk.organization;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A bureau leader in charge (分管领导) of a unit from a start date until an optional end date. */
@Entity
@Table(name = "org_leader_assignment")
public class LeaderAssignment extends DatedAssignment {

	@Column(name = "leader_id")
	private Long leaderId;

	@Column(name = "unit_id")
	private Long unitId;

	protected LeaderAssignment() {
	}

	public LeaderAssignment(Long leaderId, Long unitId, LocalDate startDate, Instant now) {
		super(startDate, now);
		this.leaderId = leaderId;
		this.unitId = unitId;
	}

	public Long getLeaderId() {
		return leaderId;
	}

	public Long getUnitId() {
		return unitId;
	}

}
