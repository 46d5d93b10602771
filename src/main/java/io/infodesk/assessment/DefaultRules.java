package io.infodesk.assessment;

import static io.infodesk.assessment.Recipient.BOTH;
import static io.infodesk.assessment.Recipient.UNIT;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default rule set (issue 4 point 2), modelled on published district practice; docs/assessment.md gives the
 * reason of every figure (PRACTICE.md). Seeded once, marked 默认 in the UI, and edited by the bureau like any rule.
 */
final class DefaultRules {

	private DefaultRules() {
	}

	static Map<String, RuleValues> all() {
		LocalDate from = ScoringRules.DEFAULT_FROM;
		Map<String, RuleValues> rules = new LinkedHashMap<>();
		put(rules, ScoreKind.ADOPTION, "DISTRICT", RuleValues.of(2, BOTH, from));
		put(rules, ScoreKind.ADOPTION, "CITY", RuleValues.of(5, BOTH, from));
		put(rules, ScoreKind.ADOPTION, "PROVINCE", RuleValues.of(10, BOTH, from));
		put(rules, ScoreKind.ADOPTION, "NATIONAL", RuleValues.of(20, BOTH, from));
		put(rules, ScoreKind.INSTRUCTION, "DISTRICT", RuleValues.of(5, BOTH, from));
		put(rules, ScoreKind.INSTRUCTION, "CITY", RuleValues.of(10, BOTH, from));
		put(rules, ScoreKind.INSTRUCTION, "PROVINCE", RuleValues.of(15, BOTH, from));
		put(rules, ScoreKind.INSTRUCTION, "NATIONAL", RuleValues.of(20, BOTH, from));
		put(rules, ScoreKind.MEDIA_COVERAGE, "DISTRICT", RuleValues.of(2, BOTH, from));
		put(rules, ScoreKind.MEDIA_COVERAGE, "CITY", RuleValues.of(4, BOTH, from));
		put(rules, ScoreKind.MEDIA_COVERAGE, "PROVINCE", RuleValues.of(8, BOTH, from));
		put(rules, ScoreKind.MEDIA_COVERAGE, "CENTRAL", RuleValues.of(15, BOTH, from));
		put(rules, ScoreKind.MEDIA_COVERAGE, "FRONT_PAGE_LEAD", RuleValues.of(0, BOTH, from).withMultiplier(2));
		put(rules, ScoreKind.THEORY_ARTICLE, "DISTRICT", RuleValues.of(5, BOTH, from));
		put(rules, ScoreKind.THEORY_ARTICLE, "CITY", RuleValues.of(7, BOTH, from));
		put(rules, ScoreKind.THEORY_ARTICLE, "PROVINCE_UP", RuleValues.of(10, BOTH, from));
		put(rules, ScoreKind.XUEXI_ARTICLE, "CITY", RuleValues.of(3, BOTH, from));
		put(rules, ScoreKind.XUEXI_ARTICLE, "PROVINCE", RuleValues.of(6, BOTH, from));
		put(rules, ScoreKind.XUEXI_ARTICLE, "NATIONAL", RuleValues.of(12, BOTH, from));
		put(rules, ScoreKind.PAPER_AWARD, "FIRST", RuleValues.of(5, BOTH, from));
		put(rules, ScoreKind.PAPER_AWARD, "SECOND", RuleValues.of(3, BOTH, from));
		put(rules, ScoreKind.PAPER_AWARD, "THIRD", RuleValues.of(2, BOTH, from));
		put(rules, ScoreKind.COMPETITION_AWARD, "FIRST", RuleValues.of(5, BOTH, from));
		put(rules, ScoreKind.COMPETITION_AWARD, "SECOND", RuleValues.of(3, BOTH, from));
		put(rules, ScoreKind.COMPETITION_AWARD, "THIRD", RuleValues.of(2, BOTH, from));
		put(rules, ScoreKind.SOLICITATION, "ON_TIME", RuleValues.of(3, UNIT, from));
		put(rules, ScoreKind.SOLICITATION, "LATE", RuleValues.of(-5, UNIT, from));
		put(rules, ScoreKind.SOLICITATION, "MISSED", RuleValues.of(-5, UNIT, from));
		put(rules, ScoreKind.URGENT, "LATE", RuleValues.of(0, BOTH, from).withMultiplier(0.5));
		put(rules, ScoreKind.URGENT, "MISSED", RuleValues.of(-10, UNIT, from));
		put(rules, ScoreKind.URGENT, "CONCEALED", RuleValues.of(-10, UNIT, from));
		put(rules, ScoreKind.QUOTA, "SHORTFALL", RuleValues.of(-2, UNIT, from).withQuota(2));
		return rules;
	}

	private static void put(Map<String, RuleValues> rules, ScoreKind kind, String qualifier, RuleValues values) {
		rules.put(kind.key(qualifier), values);
	}

}
