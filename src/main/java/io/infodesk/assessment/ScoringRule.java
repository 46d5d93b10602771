package io.infodesk.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * One version of a scoring rule: for events of a kind and qualifier (its key), in force from a day to a day
 * (open-ended when {@code validTo} is null), how many points, times which multiplier, to whom, capped per period.
 * Versions never change their figures: editing a rule ends the version in force and starts a new one from a day.
 * For {@code URGENT:LATE} the multiplier is the share of the item's points that is deducted (0.5 = halved); for
 * {@code QUOTA:SHORTFALL} {@code quota} is the number of items a unit submits per month.
 */
@Entity
@Table(name = "asm_rule")
public class ScoringRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "rule_key")
	private String ruleKey;

	@Enumerated(EnumType.STRING)
	private ScoreKind kind;

	private String qualifier;

	private int version;

	private BigDecimal points;

	private BigDecimal multiplier;

	@Enumerated(EnumType.STRING)
	private Recipient recipient;

	private Integer quota;

	private BigDecimal cap;

	@Enumerated(EnumType.STRING)
	@Column(name = "cap_period")
	private CapPeriod capPeriod;

	@Column(name = "valid_from")
	private LocalDate validFrom;

	@Column(name = "valid_to")
	private LocalDate validTo;

	@Enumerated(EnumType.STRING)
	private RuleStatus status;

	@Column(name = "is_default")
	private boolean defaultRule;

	private String note;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	/** ACTIVE scores; INACTIVE (a version that switches the rule off from a day) scores nothing. */
	public enum RuleStatus {

		ACTIVE, INACTIVE

	}

	protected ScoringRule() {
	}

	public ScoringRule(ScoreKind kind, String qualifier, int version, RuleValues values, boolean defaultRule,
			String createdBy, Instant createdAt) {
		this.ruleKey = kind.key(qualifier);
		this.kind = kind;
		this.qualifier = qualifier;
		this.version = version;
		this.points = values.points().setScale(2, RoundingMode.HALF_UP);
		this.multiplier = values.multiplier().setScale(3, RoundingMode.HALF_UP);
		this.recipient = values.recipient();
		this.quota = values.quota();
		this.cap = values.cap() == null ? null : values.cap().setScale(2, RoundingMode.HALF_UP);
		this.capPeriod = values.cap() == null ? null : values.capPeriod();
		this.validFrom = values.validFrom();
		this.validTo = values.validTo();
		this.status = values.status();
		this.defaultRule = defaultRule;
		this.note = values.note();
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** Ends this version the day before {@code day} (a new version starts then). */
	void endBefore(LocalDate day) {
		this.validTo = day.minusDays(1);
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

	public boolean overlaps(LocalDate from, LocalDate to) {
		boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
		boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

	public boolean active() {
		return status == RuleStatus.ACTIVE;
	}

	/** Points times multiplier, to the hundredth. */
	public BigDecimal effectivePoints() {
		return points.multiply(multiplier).setScale(2, RoundingMode.HALF_UP);
	}

	public RuleValues values() {
		return new RuleValues(points, multiplier, recipient, quota, cap, capPeriod, validFrom, validTo, status, note);
	}

	public Long getId() {
		return id;
	}

	public String getRuleKey() {
		return ruleKey;
	}

	public ScoreKind getKind() {
		return kind;
	}

	public String getQualifier() {
		return qualifier;
	}

	public int getVersion() {
		return version;
	}

	public BigDecimal getPoints() {
		return points;
	}

	public BigDecimal getMultiplier() {
		return multiplier;
	}

	public Recipient getRecipient() {
		return recipient;
	}

	public Integer getQuota() {
		return quota;
	}

	public BigDecimal getCap() {
		return cap;
	}

	public CapPeriod getCapPeriod() {
		return capPeriod;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public RuleStatus getStatus() {
		return status;
	}

	public boolean isDefaultRule() {
		return defaultRule;
	}

	public String getNote() {
		return note;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
