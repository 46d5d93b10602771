package io.infodesk.assessment.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.assessment.ScoringRule;

public interface ScoringRuleRepository extends JpaRepository<ScoringRule, Long> {

	List<ScoringRule> findByRuleKeyOrderByVersionAsc(String ruleKey);

	List<ScoringRule> findAllByOrderByRuleKeyAscVersionAsc();

}
