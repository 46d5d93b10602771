package io.infodesk.reporting.concealed;

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

import io.infodesk.reporting.ConcealedKind;

/**
 * A missed or concealed report (漏报 / 瞒报) recorded by the office: which unit, what went unreported, on which
 * day, and why the office counts it. Kept as recorded (the trail of a deduction); published as
 * {@link ReportConcealed}.
 */
@Entity
@Table(name = "rpt_concealed_report")
public class ConcealedReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private ConcealedKind kind;

	@Column(name = "occurred_on")
	private LocalDate occurredOn;

	private String subject;

	private String reason;

	@Column(name = "recorded_by_user_id")
	private Long recordedByUserId;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	@Column(name = "withdrawn_at")
	private Instant withdrawnAt;

	@Column(name = "withdrawn_by_user_id")
	private Long withdrawnByUserId;

	@Column(name = "withdrawn_by_name")
	private String withdrawnByName;

	@Column(name = "withdraw_reason")
	private String withdrawReason;

	protected ConcealedReport() {
	}

	ConcealedReport(Long unitId, ConcealedKind kind, LocalDate occurredOn, String subject, String reason,
			Long recordedByUserId, String recordedByName, Instant recordedAt) {
		this.unitId = unitId;
		this.kind = kind;
		this.occurredOn = occurredOn;
		this.subject = subject;
		this.reason = reason;
		this.recordedByUserId = recordedByUserId;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	/** Withdrawn by the office (a record made in error): kept, marked, no longer deducted. */
	void withdraw(String reason, Long userId, String name, Instant at) {
		this.withdrawReason = reason;
		this.withdrawnByUserId = userId;
		this.withdrawnByName = name;
		this.withdrawnAt = at;
	}

	public boolean isWithdrawn() {
		return withdrawnAt != null;
	}

	public Instant getWithdrawnAt() {
		return withdrawnAt;
	}

	public String getWithdrawnByName() {
		return withdrawnByName;
	}

	public String getWithdrawReason() {
		return withdrawReason;
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public ConcealedKind getKind() {
		return kind;
	}

	public LocalDate getOccurredOn() {
		return occurredOn;
	}

	public String getSubject() {
		return subject;
	}

	public String getReason() {
		return reason;
	}

	public Long getRecordedByUserId() {
		return recordedByUserId;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
