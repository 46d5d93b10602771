package io.infodesk.reporting.item;

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

/**
 * A verification record (核实, S3.1-b): how the facts of an item were checked (专题调研, 电话回访,
 * 部门交流), by whom, with whom, on which day, and what was confirmed.
 */
@Entity
@Table(name = "rpt_item_verification")
public class Verification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id")
	private Long itemId;

	@Enumerated(EnumType.STRING)
	private VerificationMethod method;

	private String verifier;

	private String counterpart;

	@Column(name = "verified_on")
	private LocalDate verifiedOn;

	private String confirmed;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected Verification() {
	}

	public Verification(Long itemId, VerificationMethod method, String verifier, String counterpart,
			LocalDate verifiedOn, String confirmed, String recordedByName, Instant recordedAt) {
		this.itemId = itemId;
		this.method = method;
		this.verifier = verifier;
		this.counterpart = counterpart;
		this.verifiedOn = verifiedOn;
		this.confirmed = confirmed;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getItemId() {
		return itemId;
	}

	public VerificationMethod getMethod() {
		return method;
	}

	public String getVerifier() {
		return verifier;
	}

	public String getCounterpart() {
		return counterpart;
	}

	public LocalDate getVerifiedOn() {
		return verifiedOn;
	}

	public String getConfirmed() {
		return confirmed;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
