package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A manual adjustment (人工加分 / 扣分): proposed by the office with a reason, decided once by a leader. Only an
 * approved one reaches the ledger; a rejected one scores nothing.
 */
@Entity
@Table(name = "asm_adjustment")
public class Adjustment {

	public enum Status {

		PENDING, APPROVED, REJECTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "person_id")
	private Long personId;

	private BigDecimal points;

	private String reason;

	@Column(name = "period_date")
	private LocalDate periodDate;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(name = "requested_by_id")
	private Long requestedById;

	@Column(name = "requested_by")
	private String requestedBy;

	@Column(name = "requested_at")
	private Instant requestedAt;

	@Column(name = "decided_by_id")
	private Long decidedById;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_note")
	private String decisionNote;

	@Version
	private long version;

	protected Adjustment() {
	}

	Adjustment(long unitId, Long personId, BigDecimal points, String reason, LocalDate periodDate, long requestedById,
			String requestedBy, Instant requestedAt) {
		this.unitId = unitId;
		this.personId = personId;
		this.points = points;
		this.reason = reason;
		this.periodDate = periodDate;
		this.status = Status.PENDING;
		this.requestedById = requestedById;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
	}

	void decide(Status decision, long userId, String name, String note, Instant at) {
		this.status = decision;
		this.decidedById = userId;
		this.decidedBy = name;
		this.decisionNote = note;
		this.decidedAt = at;
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

	public BigDecimal getPoints() {
		return points;
	}

	public String getReason() {
		return reason;
	}

	public LocalDate getPeriodDate() {
		return periodDate;
	}

	public Status getStatus() {
		return status;
	}

	public Long getRequestedById() {
		return requestedById;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecisionNote() {
		return decisionNote;
	}

	public long getVersion() {
		return version;
	}

}
