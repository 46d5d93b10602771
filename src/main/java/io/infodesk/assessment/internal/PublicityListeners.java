package io.infodesk.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.assessment.Ledger;
import io.infodesk.publicity.CoveragePublished;

/**
 * Turns publicity's coverage records into MEDIA_COVERAGE ledger entries with the rule in force on the day of
 * publication, after the recording transaction committed; a re-delivery scores once (the ledger's unique keys).
 */
@Component
class PublicityListeners {

	private static final int MAX_ATTEMPTS = 6;

	private final Ledger ledger;

	private final TransactionTemplate separately;

	PublicityListeners(Ledger ledger, PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(CoveragePublished event) {
		for (int attempt = 1;; attempt++) {
			try {
				separately.executeWithoutResult(status -> ledger.record(PublicityFacts.coverage(event),
						ReportingListeners.ORIGIN));
				return;
			}
			catch (org.springframework.dao.DataIntegrityViolationException
					| org.springframework.dao.TransientDataAccessException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
				try {
					Thread.sleep(attempt * 50L);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}

}
