package io.infodesk.assessment.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoringRules;

/**
 * Seeds the default rule set on the first start (every profile: rules are needed before the first event), before
 * the demo data records anything (@Order 10 and later).
 */
@Component
@Order(1)
class DefaultRulesRunner implements ApplicationRunner {

	private final ScoringRules rules;

	DefaultRulesRunner(ScoringRules rules) {
		this.rules = rules;
	}

	@Override
	public void run(ApplicationArguments args) {
		rules.seedDefaults();
	}

}
