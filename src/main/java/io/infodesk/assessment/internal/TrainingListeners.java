package io.infodesk.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.assessment.Ledger;
import io.infodesk.training.CompetitionAwarded;

/**
 * Turns training's competition awards into ledger entries with the rule in force on the day of publication, as
 * {@link ResearchListeners} does for papers: in a transaction of its own, the ledger's unique keys making a
 * re-delivery score once.
 */
@Component
class TrainingListeners {

	private final Ledger ledger;

	private final TransactionTemplate separately;

	TrainingListeners(Ledger ledger, PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(CompetitionAwarded event) {
		separately.executeWithoutResult(status -> ledger.record(TrainingFacts.award(event), ReportingListeners.ORIGIN));
	}

}
