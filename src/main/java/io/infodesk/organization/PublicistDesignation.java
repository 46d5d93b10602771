package io.infodesk.organization;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person designated as a unit's information publicist (信息宣传员) for a period; history is kept. */
@Entity
@Table(name = "org_publicist_designation")
public class PublicistDesignation extends DatedAssignment {

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "person_id")
	private Long personId;

	protected PublicistDesignation() {
	}

	public PublicistDesignation(Long unitId, Long personId, LocalDate startDate, Instant now) {
		super(startDate, now);
		this.unitId = unitId;
		this.personId = personId;
	}

	public Long getUnitId() {
		return unitId;
	}

	public Long getPersonId() {
		return personId;
	}

}
