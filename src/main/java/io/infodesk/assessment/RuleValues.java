package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The figures of a rule version as the office enters them (the form of the rule page): points, multiplier, who
 * receives them, the quota (QUOTA rules), an optional cap per period, the day the version starts (and optionally
 * ends), active or not, a note on why.
 */
public record RuleValues(@NotNull(message = "{assessment.rule.points.required}") BigDecimal points,
		@NotNull(message = "{assessment.rule.multiplier.required}") BigDecimal multiplier,
		@NotNull(message = "{assessment.rule.recipient.required}") Recipient recipient, Integer quota, BigDecimal cap,
		CapPeriod capPeriod,
		@NotNull(message = "{assessment.rule.validFrom.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
		@NotNull(message = "{assessment.rule.status.required}") ScoringRule.RuleStatus status,
		@Size(max = 500, message = "{assessment.rule.note.size}") String note) {

	public static RuleValues of(double points, Recipient recipient, LocalDate from) {
		return new RuleValues(BigDecimal.valueOf(points), BigDecimal.ONE, recipient, null, null, null, from, null,
				ScoringRule.RuleStatus.ACTIVE, null);
	}

	public RuleValues withMultiplier(double value) {
		return new RuleValues(points, BigDecimal.valueOf(value), recipient, quota, cap, capPeriod, validFrom, validTo,
				status, note);
	}

	public RuleValues withQuota(int value) {
		return new RuleValues(points, multiplier, recipient, value, cap, capPeriod, validFrom, validTo, status, note);
	}

	public RuleValues withCap(double value, CapPeriod period) {
		return new RuleValues(points, multiplier, recipient, quota, BigDecimal.valueOf(value), period, validFrom,
				validTo, status, note);
	}

	public RuleValues from(LocalDate day) {
		return new RuleValues(points, multiplier, recipient, quota, cap, capPeriod, day, validTo, status, note);
	}

	public RuleValues to(LocalDate day) {
		return new RuleValues(points, multiplier, recipient, quota, cap, capPeriod, validFrom, day, status, note);
	}

	public RuleValues withNote(String text) {
		return new RuleValues(points, multiplier, recipient, quota, cap, capPeriod, validFrom, validTo, status, text);
	}

	public RuleValues withStatus(ScoringRule.RuleStatus value) {
		return new RuleValues(points, multiplier, recipient, quota, cap, capPeriod, validFrom, validTo, value, note);
	}

}
