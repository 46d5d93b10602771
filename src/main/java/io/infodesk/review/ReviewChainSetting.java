package io.infodesk.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configured chain: the ordered roles for a document type, a unit ({@link #BUREAU_WIDE} for all) and a track. */
@Entity
@Table(name = "rpt_review_chain")
public class ReviewChainSetting {

	/** The unit id under which the bureau-wide default chain is kept. */
	public static final long BUREAU_WIDE = 0L;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "document_type")
	private String documentType;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private ReviewTrack track;

	private String steps;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	protected ReviewChainSetting() {
	}

	ReviewChainSetting(String documentType, long unitId, ReviewTrack track) {
		this.documentType = documentType;
		this.unitId = unitId;
		this.track = track;
	}

	void change(List<ReviewRole> steps, String by, Instant now) {
		this.steps = steps.stream().map(Enum::name).collect(Collectors.joining(","));
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public List<ReviewRole> steps() {
		return Arrays.stream(steps.split(",")).map(ReviewRole::valueOf).toList();
	}

	public Long getUnitId() {
		return unitId;
	}

	public ReviewTrack getTrack() {
		return track;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

}
