package io.infodesk.publicity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.infodesk.shared.files.FileType;

/**
 * A coverage record (见报、播出): a piece published or broadcast by an outlet on a day, with its title, link, form,
 * placement, the evidence (clipping image or PDF, recognised by content) and the people credited with their weights
 * (their units with them). Kept as recorded; published as {@link CoveragePublished}.
 */
@Entity
@Table(name = "pub_coverage")
public class Coverage {

	/** 信息, 新闻报道, 新媒体, 专题, 理论文章, 评论 */
	public enum Form {

		INFORMATION, NEWS, NEW_MEDIA, FEATURE, THEORY, COMMENTARY

	}

	/** 一般, 头版, 头条, 头版头条 (the last multiplies the tier's points: MEDIA_COVERAGE:FRONT_PAGE_LEAD). */
	public enum Placement {

		ORDINARY, FRONT_PAGE, LEAD, FRONT_PAGE_LEAD

	}

	/** A person credited (with their unit at the time) and the share in percent (null: equal shares). */
	@Embeddable
	public static class Credit {

		@Column(name = "person_id")
		private Long personId;

		@Column(name = "unit_id")
		private Long unitId;

		private Integer weight;

		protected Credit() {
		}

		public Credit(Long personId, Long unitId, Integer weight) {
			this.personId = personId;
			this.unitId = unitId;
			this.weight = weight;
		}

		public Long getPersonId() {
			return personId;
		}

		public Long getUnitId() {
			return unitId;
		}

		public Integer getWeight() {
			return weight;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "outlet_id")
	private Long outletId;

	@Column(name = "published_on")
	private LocalDate publishedOn;

	private String title;

	private String link;

	@Enumerated(EnumType.STRING)
	private Form form;

	@Enumerated(EnumType.STRING)
	private Placement placement;

	@Column(name = "evidence_sha256")
	private String evidenceSha256;

	@Enumerated(EnumType.STRING)
	@Column(name = "evidence_type")
	private FileType evidenceType;

	@Column(name = "evidence_name")
	private String evidenceName;

	@Column(name = "evidence_size")
	private long evidenceSize;

	@Column(name = "recorded_by_user_id")
	private Long recordedByUserId;

	@Column(name = "recorded_by_name")
	private String recordedByName;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "pub_coverage_credit", joinColumns = @JoinColumn(name = "coverage_id"))
	@OrderColumn(name = "position")
	private List<Credit> credits = new ArrayList<>();

	protected Coverage() {
	}

	Coverage(Long outletId, LocalDate publishedOn, String title, String link, Form form, Placement placement,
			List<Credit> credits, String evidenceSha256, FileType evidenceType, String evidenceName, long evidenceSize,
			Long recordedByUserId, String recordedByName, Instant recordedAt) {
		this.outletId = outletId;
		this.publishedOn = publishedOn;
		this.title = title;
		this.link = link;
		this.form = form;
		this.placement = placement;
		this.credits.addAll(credits);
		this.evidenceSha256 = evidenceSha256;
		this.evidenceType = evidenceType;
		this.evidenceName = evidenceName;
		this.evidenceSize = evidenceSize;
		this.recordedByUserId = recordedByUserId;
		this.recordedByName = recordedByName;
		this.recordedAt = recordedAt;
	}

	/** The credited units, each once, in the order of the credits. */
	public List<Long> unitIds() {
		return credits.stream().map(Credit::getUnitId).distinct().toList();
	}

	/** The shares of the people credited: their weights, or equal shares when any weight is missing. */
	public List<CoveragePublished.Share> shares() {
		boolean weighted = !credits.isEmpty() && credits.stream().allMatch(c -> c.getWeight() != null);
		return credits.stream()
			.map(c -> new CoveragePublished.Share(c.getPersonId(), c.getUnitId(),
					weighted ? c.getWeight().doubleValue() : 100.0 / credits.size()))
			.toList();
	}

	public boolean isFrontPageLead() {
		return placement == Placement.FRONT_PAGE_LEAD;
	}

	public Long getId() {
		return id;
	}

	public Long getOutletId() {
		return outletId;
	}

	public LocalDate getPublishedOn() {
		return publishedOn;
	}

	public String getTitle() {
		return title;
	}

	public String getLink() {
		return link;
	}

	public Form getForm() {
		return form;
	}

	public Placement getPlacement() {
		return placement;
	}

	public String getEvidenceSha256() {
		return evidenceSha256;
	}

	public FileType getEvidenceType() {
		return evidenceType;
	}

	public String getEvidenceName() {
		return evidenceName;
	}

	public long getEvidenceSize() {
		return evidenceSize;
	}

	public String getRecordedByName() {
		return recordedByName;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public List<Credit> getCredits() {
		return List.copyOf(credits);
	}

}
