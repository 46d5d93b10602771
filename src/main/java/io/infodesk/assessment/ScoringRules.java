package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.assessment.internal.ScoringRuleRepository;
import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.text.Texts;

/**
 * The scoring rules as data (issue 4 point 1): every key has versions with non-overlapping validity; an event is
 * scored by the version in force on its day. Editing a rule starts a new version from a day and ends the version
 * in force the day before — the ledger already written is untouched (an explicit recomputation applies the new
 * figures to the past). Refused with a Chinese message and nothing saved: a multiplier ≤ 0, a negative cap, a cap
 * without a period, an end before the start, validity overlapping another version of the same key.
 */
@Service
@Validated
@Transactional
public class ScoringRules {

	/** The day the default rule set starts: before any record the bureau keeps in InfoDesk. */
	public static final LocalDate DEFAULT_FROM = LocalDate.of(2020, 1, 1);

	public static final String ENTITY = "ASSESSMENT_RULE";

	private final ScoringRuleRepository rules;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	ScoringRules(ScoringRuleRepository rules, AuditTrail audit, Texts texts, Clock clock) {
		this.rules = rules;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** The version of the rule in force on the day, if any (an inactive version is returned too). */
	@Transactional(readOnly = true)
	public Optional<ScoringRule> inForce(String ruleKey, LocalDate day) {
		return rules.findByRuleKeyOrderByVersionAsc(ruleKey).stream().filter(rule -> rule.inForceOn(day)).findFirst();
	}

	/** All rules of all keys, for the rule book of a recomputation. */
	@Transactional(readOnly = true)
	public RuleBook book() {
		return new RuleBook(rules.findAllByOrderByRuleKeyAscVersionAsc());
	}

	@Transactional(readOnly = true)
	public List<ScoringRule> versions(String ruleKey) {
		return rules.findByRuleKeyOrderByVersionAsc(ruleKey);
	}

	@Transactional(readOnly = true)
	public ScoringRule get(long id) {
		return rules.findById(id).orElseThrow(() -> AssessmentException.of("assessment.rule.notFound"));
	}

	/** For each key: the version in force today or else the latest one, in the order of the kinds. */
	@Transactional(readOnly = true)
	public List<ScoringRule> current() {
		LocalDate today = LocalDate.now(clock);
		Map<String, ScoringRule> byKey = new LinkedHashMap<>();
		for (ScoringRule rule : rules.findAllByOrderByRuleKeyAscVersionAsc()) {
			ScoringRule known = byKey.get(rule.getRuleKey());
			if (known == null || !known.inForceOn(today)) {
				byKey.put(rule.getRuleKey(), rule);
			}
		}
		return byKey.values()
			.stream()
			.sorted(Comparator.comparing((ScoringRule rule) -> rule.getKind().ordinal())
				.thenComparing(rule -> rule.getKind().qualifiers().indexOf(rule.getQualifier())))
			.toList();
	}

	/**
	 * A new version of the rule from {@code values.validFrom()}: the version in force that day ends the day
	 * before; any other overlap is refused. Audited.
	 */
	public ScoringRule newVersion(String ruleKey, @Valid RuleValues values, String actor) {
		ScoreKind kind = ScoreKind.ofKey(ruleKey);
		String qualifier = ruleKey.substring(ruleKey.indexOf(':') + 1);
		if (!kind.qualifiers().contains(qualifier)) {
			throw AssessmentException.of("assessment.rule.notFound");
		}
		validate(kind, values);
		List<ScoringRule> versions = rules.findByRuleKeyOrderByVersionAsc(ruleKey);
		ScoringRule superseded = versions.stream()
			.filter(version -> version.inForceOn(values.validFrom()) && version.getValidFrom().isBefore(values.validFrom()))
			.findFirst()
			.orElse(null);
		for (ScoringRule version : versions) {
			if (version == superseded) {
				// a new version with an end inside the superseded one would leave a piece of it after the end: refused
				if (values.validTo() != null && (version.getValidTo() == null || version.getValidTo().isAfter(values.validTo()))) {
					throw new AssessmentException("validTo", "assessment.rule.overlap.gap", version.getVersion(),
							version.getValidFrom(), until(version.getValidTo()));
				}
				continue;
			}
			if (version.overlaps(values.validFrom(), values.validTo())) {
				throw new AssessmentException("validFrom", "assessment.rule.overlap", version.getVersion(),
						version.getValidFrom(), until(version.getValidTo()));
			}
		}
		if (superseded != null) {
			superseded.endBefore(values.validFrom());
		}
		int next = versions.stream().mapToInt(ScoringRule::getVersion).max().orElse(0) + 1;
		ScoringRule rule = rules.saveAndFlush(new ScoringRule(kind, qualifier, next, values, false, actor,
				Instant.now(clock)));
		audit.record("ASSESSMENT_RULE_VERSIONED", ENTITY, rule.getId(), texts.get("assessment.audit.ruleVersioned",
				label(rule), next, rule.getPoints(), rule.getMultiplier(), rule.getValidFrom(), until(rule.getValidTo()),
				texts.label("assessment.rule.status.", rule.getStatus())));
		return rule;
	}

	/** Seeds the default rule set when there is no rule at all (first start); returns how many were written. */
	public int seedDefaults() {
		if (rules.count() > 0) {
			return 0;
		}
		Instant now = Instant.now(clock);
		String by = texts.get("assessment.rule.defaultAuthor");
		List<ScoringRule> seeded = new ArrayList<>();
		DefaultRules.all().forEach((key, values) -> {
			ScoreKind kind = ScoreKind.ofKey(key);
			String qualifier = key.substring(key.indexOf(':') + 1);
			seeded.add(new ScoringRule(kind, qualifier, 1, values, true, by, now));
		});
		rules.saveAll(seeded);
		audit.record("ASSESSMENT_RULES_SEEDED", ENTITY, null, texts.get("assessment.audit.rulesSeeded", seeded.size()));
		return seeded.size();
	}

	public String label(ScoringRule rule) {
		return texts.get("assessment.kind." + rule.getKind().name()) + " · "
				+ texts.get("assessment.qualifier." + rule.getKind().name() + "." + rule.getQualifier());
	}

	private String until(LocalDate day) {
		return day == null ? texts.get("assessment.rule.openEnded") : day.toString();
	}

	static void validate(ScoreKind kind, RuleValues values) {
		if (values.multiplier().signum() <= 0) {
			throw new AssessmentException("multiplier", "assessment.rule.multiplier.positive");
		}
		if (values.multiplier().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new AssessmentException("multiplier", "assessment.rule.multiplier.tooLarge");
		}
		if (values.points().abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
			throw new AssessmentException("points", "assessment.rule.points.tooLarge");
		}
		if (values.cap() != null && values.cap().signum() < 0) {
			throw new AssessmentException("cap", "assessment.rule.cap.negative");
		}
		if (values.cap() != null && values.capPeriod() == null) {
			throw new AssessmentException("capPeriod", "assessment.rule.capPeriod.required");
		}
		if (values.validTo() != null && values.validTo().isBefore(values.validFrom())) {
			throw new AssessmentException("validTo", "assessment.rule.validTo.beforeFrom");
		}
		if (kind == ScoreKind.QUOTA && (values.quota() == null || values.quota() < 0 || values.quota() > 100)) {
			throw new AssessmentException("quota", "assessment.rule.quota.required");
		}
		if (kind == ScoreKind.URGENT && values.multiplier().compareTo(BigDecimal.ONE) > 0
				&& values.points().signum() == 0) {
			throw new AssessmentException("multiplier", "assessment.rule.multiplier.share");
		}
		if (kind == ScoreKind.ADJUSTMENT) {
			throw AssessmentException.of("assessment.rule.notFound");
		}
	}

	/** All versions of all rules by key, in memory (a recomputation looks up thousands of events). */
	public static final class RuleBook {

		private final Map<String, List<ScoringRule>> byKey = new LinkedHashMap<>();

		public RuleBook(List<ScoringRule> all) {
			for (ScoringRule rule : all) {
				byKey.computeIfAbsent(rule.getRuleKey(), key -> new ArrayList<>()).add(rule);
			}
		}

		public Optional<ScoringRule> inForce(String ruleKey, LocalDate day) {
			return byKey.getOrDefault(ruleKey, List.of()).stream().filter(rule -> rule.inForceOn(day)).findFirst();
		}

		public List<ScoringRule> all() {
			return byKey.values().stream().flatMap(List::stream).toList();
		}

	}

}
