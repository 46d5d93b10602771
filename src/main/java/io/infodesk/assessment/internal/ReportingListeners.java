package io.infodesk.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.Ledger;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.LeaderInstructionRecorded;
import io.infodesk.reporting.ReportConcealed;
import io.infodesk.reporting.ReportConcealedWithdrawn;
import io.infodesk.reporting.SolicitationOverdue;
import io.infodesk.reporting.UrgentReportMissed;
import io.infodesk.reporting.ScoringRecords;
import io.infodesk.reporting.SolicitationDelivered;
import io.infodesk.reporting.UrgentReportLate;

/**
 * Turns the events of reporting into ledger entries (issue 4 point 3) with the rule in force on the event's day.
 * Each listener runs after the recording transaction committed, in its own; the event publication registry keeps
 * the publication until it completed, so a failure is retried and the ledger's unique keys make the retry score
 * once.
 */
@Component
class ReportingListeners {

	private static final int MAX_ATTEMPTS = 6;

	static final String ORIGIN = "EVENT";

	private final Ledger ledger;

	private final ScoringRecords records;

	private final org.springframework.transaction.support.TransactionTemplate separately;

	ReportingListeners(Ledger ledger, ScoringRecords records,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.records = records;
		this.separately = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Writes in a transaction of its own and tries again when a concurrent delivery of the same event wrote the
	 * same key first (the unique index refuses the second insert): the retry finds the key and writes nothing.
	 */
	/**
	 * Writes in a transaction of its own; two deliveries of the same event at once collide on the ledger's unique
	 * key or a lock, and the loser tries again after a short, growing pause and then finds the entries written
	 * (nothing twice). After the last attempt the failure stays in the event publication registry and is
	 * resubmitted later ({@code shared.scheduling.EventPublicationRetry}).
	 */
	private void scoring(Runnable write) {
		for (int attempt = 1;; attempt++) {
			try {
				separately.executeWithoutResult(status -> write.run());
				return;
			}
			catch (org.springframework.dao.DataIntegrityViolationException
					| org.springframework.dao.TransientDataAccessException ex) {
				if (attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(attempt * 50L + java.util.concurrent.ThreadLocalRandom.current().nextLong(50));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	@ApplicationModuleListener
	void on(InformationAdopted event) {
		long itemId = event.item().value();
		String title = records.itemTitle(itemId);
		scoring(() -> ledger.record(ReportingFacts.adoption(event.adoptionId(), itemId, event.unitId(), event.level(),
				event.on(), event.authors(), title), ORIGIN));
	}

	@ApplicationModuleListener
	void on(LeaderInstructionRecorded event) {
		long itemId = event.item().value();
		String title = records.itemTitle(itemId);
		scoring(() -> ledger.record(ReportingFacts.instruction(event.instructionId(), itemId, event.unitId(),
				event.level(), event.on(), event.authors(), title), ORIGIN));
	}

	@ApplicationModuleListener
	void on(SolicitationDelivered event) {
		String topic = records.solicitationTopic(event.solicitationId());
		scoring(() -> {
			// late after it was reported missed: counted once, as missed
			java.util.List<Long> units = event.onTime() ? java.util.List.copyOf(event.responsibleUnitIds())
					: event.responsibleUnitIds().stream().filter(unit -> !ledger.has(new io.infodesk.assessment.LedgerKey(
							io.infodesk.assessment.SourceTypes.SOLICITATION, Long.toString(event.solicitationId()),
							"SOLICITATION:MISSED", io.infodesk.assessment.LedgerKey.unit(unit)))).toList();
			if (!units.isEmpty()) {
				ledger.record(ReportingFacts.delivery(event.solicitationId(), event.item().value(), units, event.onTime(),
						event.deliveredAt(), topic), ORIGIN);
			}
		});
	}

	@ApplicationModuleListener
	void on(SolicitationOverdue event) {
		String topic = records.solicitationTopic(event.solicitationId());
		scoring(() -> ledger.record(ReportingFacts.solicitationMissed(event.solicitationId(), event.unitId(),
				event.deadline(), topic), ORIGIN));
	}

	@ApplicationModuleListener
	void on(UrgentReportMissed event) {
		long itemId = event.item().value();
		String title = records.itemTitle(itemId);
		scoring(() -> {
			if (!ledger.isLate(itemId)) {
				ledger.record(ReportingFacts.urgentMissed(itemId, event.unitId(), event.dueAt(), title), ORIGIN);
			}
		});
	}

	@ApplicationModuleListener
	void on(ReportConcealed event) {
		scoring(() -> ledger.record(ReportingFacts.concealed(event.recordId(), event.unitId(), event.kind(), event.on(),
				event.subject()), ORIGIN));
	}

	@ApplicationModuleListener
	void on(ReportConcealedWithdrawn event) {
		// the office withdrew a record made in error: its deduction is cancelled (a compensating revision; again: none)
		scoring(() -> ledger.cancel(io.infodesk.assessment.SourceTypes.CONCEALED, Long.toString(event.recordId()),
				ReportingFacts.concealedRule(event.kind()), ORIGIN));
	}

	@ApplicationModuleListener
	void on(UrgentReportLate event) {
		long itemId = event.item().value();
		String title = records.itemTitle(itemId);
		scoring(() -> {
			// reported missed when its day ended, submitted later: the later fact (late) replaces the deduction
			ledger.cancel(io.infodesk.assessment.SourceTypes.URGENT_MISSED, Long.toString(itemId), "URGENT:MISSED", ORIGIN);
			ledger.urgentLate(itemId, event.unitId(), ReportingFacts.day(event.submittedAt()), title);
		});
	}

}
