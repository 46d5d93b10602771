package io.infodesk.reporting.outcome;

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

import io.infodesk.reporting.AdministrativeLevel;

/**
 * An item adopted (采用, S3.1-d) by an outlet or periodical (区《每日要情》, 市《住建信息》 …) in an issue, at a
 * level, on a day, with a note of the evidence.
 */
@Entity
@Table(name = "rpt_adoption")
public class Adoption {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id")
	private Long itemId;

	private String outlet;

	private String issue;

	@Enumerated(EnumType.STRING)
	private AdministrativeLevel level;

	@Column(name = "adopted_on")
	private LocalDate adoptedOn;

	private String evidence;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected Adoption() {
	}

	public Adoption(Long itemId, String outlet, String issue, AdministrativeLevel level, LocalDate adoptedOn, String evidence,
			String recordedByName, Instant recordedAt) {
		this.itemId = itemId;
		this.outlet = outlet;
		this.issue = issue;
		this.level = level;
		this.adoptedOn = adoptedOn;
		this.evidence = evidence;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getItemId() {
		return itemId;
	}

	public String getOutlet() {
		return outlet;
	}

	public String getIssue() {
		return issue;
	}

	public AdministrativeLevel getLevel() {
		return level;
	}

	public LocalDate getAdoptedOn() {
		return adoptedOn;
	}

	public String getEvidence() {
		return evidence;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

}
