package io.infodesk.organization;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person designated as a unit's information publicist (信息宣传员) for a period; history is kept. */
@Entity
@Table(name = "org_publicist_designation")
public class PublicistDesignation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "person_id")
	private Long personId;

	@Column(name = "start_date")
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Column(name = "created_at")
	private Instant createdAt;

	protected PublicistDesignation() {
	}

	public PublicistDesignation(Long unitId, Long personId, LocalDate startDate, Instant now) {
		this.unitId = unitId;
		this.personId = personId;
		this.startDate = startDate;
		this.createdAt = now;
	}

	public boolean activeOn(LocalDate day) {
		return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
	}

	public void end(LocalDate day) {
		this.endDate = day;
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public Long getPersonId() {
		return personId;
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
