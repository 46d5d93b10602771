package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.shared.scheduling.EventPublicationRetry;

/**
 * A listener that fails leaves its publication in the event publication registry; resubmitted, it scores — once
 * (issue 4 point 3), by the scheduled retry job and by hand. The ledger is made to fail for the first delivery.
 */
@TestPropertySource(properties = "infodesk.events.retry-after=PT0S")
class ListenerRetryTests extends AssessmentIntegrationTest {

	@MockitoSpyBean
	Ledger spiedLedger;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	EventPublicationRetry retry;

	@Test
	void aFailedScoringIsRetriedFromTheRegistryAndScoresOnce() {
		InformationItem item = submittedUpward(unique("失败重试"));
		doThrow(new IllegalStateException("database hiccup")).when(spiedLedger).record(any(), anyString());
		adopt(item, AdministrativeLevel.CITY);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and listener_id like ? "
						+ "and serialized_event like ?",
				Integer.class, "%assessment%", "%\"value\":" + item.getId() + "%") == 1);
		assertThat(spiedLedger.entries(Ledger.EntryQuery.units(null, null).item(item.getId()))).isEmpty();

		doCallRealMethod().when(spiedLedger).record(any(), anyString());
		// the scheduled retry of shared.scheduling (here with infodesk.events.retry-after = 0); the registry dates
		// publications by the application's clock, which the test moves on
		clock.advance(Duration.ofMinutes(1));
		retry.resubmit();
		settle();
		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof InformationAdopted adopted
				&& adopted.item().value() == item.getId());
		settle();

		assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("5.00"))
			.containsEntry(personKey("物业管理科", "赵雪"), points("5.00"));
		assertThat(ledgerOfItem(item.getId())).hasSize(2);
	}

}
