package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;

/**
 * Rules as data (issue 4 point 1, 2): the default set is seeded and marked default; a new version starts from a
 * day and ends the one in force the day before; an event is scored by the version in force on its day, the past is
 * untouched; overlapping validity, a negative cap or a multiplier ≤ 0 are refused and nothing is saved.
 */
class ScoringRulesTests extends AssessmentIntegrationTest {

	@Test
	void theDefaultSetIsSeededOnceAndMarkedDefault() {
		assertThat(rules.current()).hasSize(32).allSatisfy(rule -> assertThat(rule.getVersion()).isPositive());
		assertThat(rules.inForce("ADOPTION:NATIONAL", LocalDate.of(2026, 1, 1)).orElseThrow().getPoints())
			.isEqualByComparingTo("20");
		assertThat(rules.inForce("QUOTA:SHORTFALL", LocalDate.of(2026, 1, 1)).orElseThrow().getQuota()).isEqualTo(2);
		assertThat(rules.versions("INSTRUCTION:PROVINCE").get(0).isDefaultRule()).isTrue();
		assertThat(rules.seedDefaults()).isZero();
	}

	@Test
	void aNewVersionScoresFromItsDayAndLeavesThePastAlone() {
		InformationItem before = submittedUpward(unique("旧规则"));
		adopt(before, AdministrativeLevel.DISTRICT);
		settle();
		LocalDate today = LocalDate.now(clock);
		logIn("office");
		ScoringRule old = rules.inForce("ADOPTION:DISTRICT", today).orElseThrow();
		ScoringRule v2 = rules.newVersion("ADOPTION:DISTRICT", old.values().from(today.plusDays(1)).withNote("提高"), "周敏");
		try {
			assertThat(v2.getValidFrom()).isEqualTo(today.plusDays(1));
			assertThat(rules.versions("ADOPTION:DISTRICT")).filteredOn(r -> r.getVersion() == old.getVersion())
				.singleElement()
				.satisfies(r -> assertThat(r.getValidTo()).isEqualTo(today));
			assertThat(pointsOfItem(before.getId())).containsEntry(unitKey("物业管理科"), points("2.00"));
			assertThat(auditCount("ASSESSMENT_RULE_VERSIONED", v2.getId())).isEqualTo(1);
		}
		finally {
			// other tests of this context score district adoptions today and later: switch back to the old figures
			rules.newVersion("ADOPTION:DISTRICT", old.values().from(today.plusDays(2)), "周敏");
		}
	}

	@Test
	void overlappingValidityIsRefusedAndNothingSaved() {
		LocalDate today = LocalDate.now(clock);
		ScoringRule current = rules.inForce("INSTRUCTION:NATIONAL", today).orElseThrow();
		int versions = rules.versions("INSTRUCTION:NATIONAL").size();
		// a version starting the same day as the one in force, or before the first one, overlaps it
		assertThatThrownBy(() -> rules.newVersion("INSTRUCTION:NATIONAL", current.values().from(current.getValidFrom()), "x"))
			.isInstanceOf(AssessmentException.class)
			.hasMessage("assessment.rule.overlap");
		assertThatThrownBy(() -> rules.newVersion("INSTRUCTION:NATIONAL",
				current.values().from(ScoringRules.DEFAULT_FROM.minusYears(1)), "x"))
			.isInstanceOf(AssessmentException.class)
			.hasMessage("assessment.rule.overlap");
		// an end inside the version in force would cut it in two
		assertThatThrownBy(() -> rules.newVersion("INSTRUCTION:NATIONAL",
				current.values().from(today.plusDays(10)).to(today.plusDays(20)), "x"))
			.isInstanceOf(AssessmentException.class)
			.hasMessage("assessment.rule.overlap.gap");
		assertThat(rules.versions("INSTRUCTION:NATIONAL")).hasSize(versions);
		assertThat(rules.inForce("INSTRUCTION:NATIONAL", today.plusYears(5)).orElseThrow().getId()).isEqualTo(current.getId());
	}

	@Test
	void aNegativeCapOrAMultiplierOfZeroIsRefused() {
		LocalDate today = LocalDate.now(clock);
		ScoringRule current = rules.inForce("SOLICITATION:ON_TIME", today).orElseThrow();
		int versions = rules.versions("SOLICITATION:ON_TIME").size();
		assertThatThrownBy(() -> rules.newVersion("SOLICITATION:ON_TIME",
				current.values().from(today.plusDays(30)).withMultiplier(0), "x"))
			.isInstanceOf(AssessmentException.class)
			.hasMessage("assessment.rule.multiplier.positive");
		assertThatThrownBy(() -> rules.newVersion("SOLICITATION:ON_TIME",
				current.values().from(today.plusDays(30)).withMultiplier(-1), "x"))
			.hasMessage("assessment.rule.multiplier.positive");
		assertThatThrownBy(() -> rules.newVersion("SOLICITATION:ON_TIME",
				current.values().from(today.plusDays(30)).withCap(-1, CapPeriod.MONTH), "x"))
			.hasMessage("assessment.rule.cap.negative");
		assertThatThrownBy(() -> rules.newVersion("SOLICITATION:ON_TIME", new RuleValues(BigDecimal.ONE, BigDecimal.ONE,
				Recipient.UNIT, null, BigDecimal.TEN, null, today.plusDays(30), null, ScoringRule.RuleStatus.ACTIVE, null), "x"))
			.hasMessage("assessment.rule.capPeriod.required");
		assertThat(rules.versions("SOLICITATION:ON_TIME")).hasSize(versions);
	}

	@Test
	void theRulePageShowsDefaultsAndAnInvalidEditShowsTheChineseMessage() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/assessment/rules")
			.with(as(user("staff"))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("默认")));
		int versions = rules.versions("ADOPTION:PROVINCE").size();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/assessment/rules/ADOPTION:PROVINCE/edit")
			.with(as(user("office")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("points", "10").param("multiplier", "0").param("recipient", "BOTH")
			.param("validFrom", LocalDate.now(clock).plusDays(3).toString()).param("status", "ACTIVE"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("倍数必须大于0")));
		assertThat(rules.versions("ADOPTION:PROVINCE")).hasSize(versions);
		assertThat(List.of(versions)).isNotEmpty();
	}

}
