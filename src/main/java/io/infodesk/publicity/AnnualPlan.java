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

/**
 * A unit's annual publicity key-point plan (年度宣传要点计划, S3.2-a): its points, each the work it publicises, the
 * planned form, the target media tier and a time node (a month, or a day) within the year. Drafted by the unit,
 * submitted by its head, filed (备案) or returned with comments by 组织人事科; a filed plan amended goes back to
 * draft and is submitted again as the next revision.
 */
@Entity
@Table(name = "pub_plan")
public class AnnualPlan {

	/** 草稿, 已报送, 已备案, 已退回 */
	public enum Status {

		DRAFT, SUBMITTED, FILED, RETURNED;

		public boolean editable() {
			return this == DRAFT || this == RETURNED || this == FILED;
		}

	}

	/** One key point of the plan. */
	@Embeddable
	public static class Point {

		private String work;

		@Enumerated(EnumType.STRING)
		private Coverage.Form form;

		@Enumerated(EnumType.STRING)
		@Column(name = "target_tier")
		private MediaTier targetTier;

		@Column(name = "node_month")
		private int nodeMonth;

		@Column(name = "node_date")
		private LocalDate nodeDate;

		protected Point() {
		}

		public Point(String work, Coverage.Form form, MediaTier targetTier, int nodeMonth, LocalDate nodeDate) {
			this.work = work;
			this.form = form;
			this.targetTier = targetTier;
			this.nodeMonth = nodeMonth;
			this.nodeDate = nodeDate;
		}

		public String getWork() {
			return work;
		}

		public Coverage.Form getForm() {
			return form;
		}

		public MediaTier getTargetTier() {
			return targetTier;
		}

		public int getNodeMonth() {
			return nodeMonth;
		}

		public LocalDate getNodeDate() {
			return nodeDate;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "unit_id")
	private Long unitId;

	@Column(name = "plan_year")
	private int year;

	@Enumerated(EnumType.STRING)
	private Status status = Status.DRAFT;

	private int revision;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "submitted_by_name")
	private String submittedByName;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by_name")
	private String decidedByName;

	@Column(name = "decision_comment")
	private String decisionComment;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "pub_plan_point", joinColumns = @JoinColumn(name = "plan_id"))
	@OrderColumn(name = "position")
	private List<Point> points = new ArrayList<>();

	protected AnnualPlan() {
	}

	AnnualPlan(Long unitId, int year, Instant now) {
		this.unitId = unitId;
		this.year = year;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void replacePoints(List<Point> points, Instant now) {
		this.points.clear();
		this.points.addAll(points);
		if (status == Status.FILED) {
			// an amendment of a filed plan: a draft again until it is submitted and filed anew
			status = Status.DRAFT;
		}
		this.updatedAt = now;
	}

	void submit(String by, Instant now) {
		status = Status.SUBMITTED;
		revision++;
		submittedAt = now;
		submittedByName = by;
		updatedAt = now;
	}

	void decide(boolean filed, String by, String comment, Instant now) {
		status = filed ? Status.FILED : Status.RETURNED;
		decidedAt = now;
		decidedByName = by;
		decisionComment = comment;
		updatedAt = now;
	}

	/** The plan as text, one line per point (the snapshot of a revision, compared by the diff). */
	public String snapshot(java.util.function.Function<Point, String> line) {
		StringBuilder text = new StringBuilder();
		for (Point point : points) {
			text.append(line.apply(point)).append('\n');
		}
		return text.toString();
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public int getYear() {
		return year;
	}

	public Status getStatus() {
		return status;
	}

	public int getRevision() {
		return revision;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public String getSubmittedByName() {
		return submittedByName;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecidedByName() {
		return decidedByName;
	}

	public String getDecisionComment() {
		return decisionComment;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public List<Point> getPoints() {
		return List.copyOf(points);
	}

}
