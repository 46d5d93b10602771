package io.infodesk.assessment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.infodesk.assessment.Ledger;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.LeaderInstructionRecorded;
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

	static final String ORIGIN = "EVENT";

	private final Ledger ledger;

	private final ScoringRecords records;

	ReportingListeners(Ledger ledger, ScoringRecords records) {
		this.ledger = ledger;
		this.records = records;
	}

	@ApplicationModuleListener
	void on(InformationAdopted event) {
		long itemId = event.item().value();
		ledger.record(ReportingFacts.adoption(event.adoptionId(), itemId, event.unitId(), event.level(), event.on(),
				event.authors(), records.itemTitle(itemId)), ORIGIN);
	}

	@ApplicationModuleListener
	void on(LeaderInstructionRecorded event) {
		long itemId = event.item().value();
		ledger.record(ReportingFacts.instruction(event.instructionId(), itemId, event.unitId(), event.level(),
				event.on(), event.authors(), records.itemTitle(itemId)), ORIGIN);
	}

	@ApplicationModuleListener
	void on(SolicitationDelivered event) {
		ledger.record(ReportingFacts.delivery(event.solicitationId(), event.item().value(), event.responsibleUnitIds(),
				event.onTime(), event.deliveredAt(), records.solicitationTopic(event.solicitationId())), ORIGIN);
	}

	@ApplicationModuleListener
	void on(UrgentReportLate event) {
		long itemId = event.item().value();
		ledger.urgentLate(itemId, event.unitId(), ReportingFacts.day(event.submittedAt()), records.itemTitle(itemId));
	}

}
