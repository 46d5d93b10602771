package io.infodesk.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.assessment.Ledger;
import io.infodesk.research.PaperAwarded;
import io.infodesk.research.TopicOutcomeUsed;

/**
 * Turns research's awards into ledger entries with the rule in force on the day of publication, as
 * {@link ReportingListeners} does for reporting: in a transaction of its own, the ledger's unique keys making a
 * re-delivery score once.
 */
@Component
class ResearchListeners {

	private final Ledger ledger;

	private final TransactionTemplate separately;

	ResearchListeners(Ledger ledger, PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(PaperAwarded event) {
		separately.executeWithoutResult(status -> ledger.record(ResearchFacts.award(event), ReportingListeners.ORIGIN));
	}

	@ApplicationModuleListener
	void on(TopicOutcomeUsed event) {
		separately.executeWithoutResult(status -> ledger.record(ResearchFacts.use(event), ReportingListeners.ORIGIN));
	}

}
