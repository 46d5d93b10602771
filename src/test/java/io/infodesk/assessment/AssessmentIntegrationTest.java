package io.infodesk.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.outcome.AdoptionForm;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Base of the assessment integration tests: the demo application (reporting's base) plus helpers that take an
 * item through submission and adoption with the real services, so that the real listeners score it.
 */
public abstract class AssessmentIntegrationTest extends ReportingIntegrationTest {

	@Autowired
	protected Submissions submissions;

	@Autowired
	protected Adoptions adoptions;

	@Autowired
	protected Solicitations solicitations;

	@Autowired
	protected Ledger ledger;

	@Autowired
	protected ScoringRules rules;

	protected long body(String shortName) {
		return solicitations.bodies()
			.stream()
			.filter(b -> b.getShortName().equals(shortName))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	protected SubmissionForm to(String body) {
		return new SubmissionForm(body(body), SubmissionChannel.PLATFORM,
				LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE), null);
	}

	/** Signed off and submitted to 区委办 by the office. */
	protected InformationItem submittedUpward(String title) {
		InformationItem item = signedOff(title);
		submissions.record(item.getId(), to("区委办"), logIn("office"), scope());
		return items.get(item.getId());
	}

	protected void adopt(InformationItem item, AdministrativeLevel level) {
		adoptions.recordAdoption(item.getId(), new AdoptionForm("市《住建信息》", "2026年第45期", level,
				LocalDate.now(clock), null), logIn("office"), scope());
	}

	protected void instruct(InformationItem item, AdministrativeLevel level) {
		adoptions.recordInstruction(item.getId(), new InstructionForm(level, "王市长", LocalDate.now(clock),
				"请总结推广", null), logIn("office"), scope());
	}

	/** The ledger's entries of an item: recipient key → net points. */
	protected Map<String, BigDecimal> pointsOfItem(long itemId) {
		return ledgerOfItem(itemId).stream()
			.collect(Collectors.toMap(LedgerEntry::recipientKey, LedgerEntry::points, BigDecimal::add));
	}

	protected List<LedgerEntry> ledgerOfItem(long itemId) {
		settle();
		List<LedgerEntry> all = new java.util.ArrayList<>(ledger.entries(Ledger.EntryQuery.units(null, null).item(itemId)));
		all.addAll(ledger.entries(Ledger.EntryQuery.persons(null, null).item(itemId)));
		return all;
	}

	/** Waits until the assessment listeners have completed every publication (they run asynchronously). */
	protected void settle() {
		try {
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and listener_id like ?",
					Integer.class, "%assessment%") == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException timeout) {
			throw new AssertionError("assessment listeners left publications incomplete: " + jdbc.queryForList(
					"select listener_id, event_type, serialized_event from event_publication where completion_date is null "
							+ "and listener_id like ?", "%assessment%"), timeout);
		}
	}

	protected static BigDecimal points(String value) {
		return new BigDecimal(value);
	}

	protected String unitKey(String unitName) {
		return LedgerKey.unit(unitId(unitName));
	}

	protected String personKey(String unitName, String personName) {
		return LedgerKey.person(person(unitName, personName).getId());
	}

}
