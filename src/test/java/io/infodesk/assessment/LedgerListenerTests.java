package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The listeners turn reporting's events into ledger entries (issue 4 point 3; S3.1-c, S3.1-d): adoption by level
 * to the unit and the authors, joint items split by the weights, instructions, solicitations delivered on time,
 * late same-day items halved whether the adoption comes before or after the lateness, and an event delivered twice
 * scores once.
 */
class LedgerListenerTests extends AssessmentIntegrationTest {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCityAdoptionScoresFiveToTheUnitAndItsAuthor() {
		InformationItem item = submittedUpward(unique("市级采用"));
		adopt(item, AdministrativeLevel.CITY);

		assertThat(pointsOfItem(item.getId())).containsOnly(
				java.util.Map.entry(unitKey("物业管理科"), points("5.00")),
				java.util.Map.entry(personKey("物业管理科", "赵雪"), points("5.00")));
		assertThat(ledgerOfItem(item.getId())).allSatisfy(entry -> {
			assertThat(entry.category()).isEqualTo(ScoreKind.ADOPTION);
			assertThat(entry.ruleKey()).isEqualTo("ADOPTION:CITY");
			assertThat(entry.ruleVersion()).isEqualTo(1);
			assertThat(entry.link()).isEqualTo("/reporting/items/" + item.getId());
			assertThat(entry.label()).isEqualTo(item.getTitle());
			assertThat(entry.origin()).isEqualTo("EVENT");
		});
	}

	@Test
	void aJointItemSplitsTheAuthorsPointsByTheirWeights() {
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem item = items.create(form(unique("联合供稿"), "物业管理科",
				List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), 70),
						new ItemForm.AuthorEntry(person("物业管理科", "钱进").getId(), 30))), publicist, scope());
		verify(item, "publicist");
		items.submitForReview(item.getId(), user("publicist"), scope());
		approve(item, "head");
		approve(item, "office");
		approve(item, "charge");
		submissions.record(item.getId(), to("区委办"), logIn("office"), scope());
		adopt(items.get(item.getId()), AdministrativeLevel.PROVINCE);

		assertThat(pointsOfItem(item.getId())).containsOnly(
				java.util.Map.entry(unitKey("物业管理科"), points("10.00")),
				java.util.Map.entry(personKey("物业管理科", "赵雪"), points("7.00")),
				java.util.Map.entry(personKey("物业管理科", "钱进"), points("3.00")));
	}

	@Test
	void theSameAdoptionDeliveredTwiceScoresOnce() {
		InformationItem item = submittedUpward(unique("重复投递"));
		adopt(item, AdministrativeLevel.DISTRICT);
		settle();
		long before = ledger.count();
		var adoption = adoptions.adoptionsOf(item.getId()).get(0);
		InformationAdopted again = new InformationAdopted(item.itemId(), item.getUnitId(), adoption.getId(),
				adoption.getLevel(), adoption.getAdoptedOn(), adoption.getOutlet(), items.get(item.getId()).shares());
		// delivered again, twice, one after the other: Spring Modulith keeps publications in progress by the event's
		// equality, so two equal events in flight at the same instant would share one entry of the registry (a
		// redelivery in production is the registry's own resubmission of the one publication, never that)
		transactions.executeWithoutResult(status -> publisher.publishEvent(again));
		settle();
		transactions.executeWithoutResult(status -> publisher.publishEvent(again));
		settle();

		assertThat(ledger.count()).isEqualTo(before);
		assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("2.00"));
	}

	@Test
	void aLeaderInstructionAddsItsBonus() {
		InformationItem item = submittedUpward(unique("批示"));
		instruct(item, AdministrativeLevel.CITY);
		assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("10.00"))
			.containsEntry(personKey("物业管理科", "赵雪"), points("10.00"));
		assertThat(ledgerOfItem(item.getId())).extracting(LedgerEntry::category).containsOnly(ScoreKind.INSTRUCTION);
	}

	@Test
	void aLateSameDayItemKeepsHalfItsPointsWhetherAdoptedBeforeOrAfter() {
		clock.set(shanghai(2026, 11, 30, 22, 30, 0));
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("深夜险情"));
		InformationItem item = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, null, true, UrgentCategory.EMERGENCY_RESCUE,
				LocalDateTime.of(2026, 11, 30, 22, 10)), publicist, scope());
		items.submitForReview(item.getId(), publicist, scope());
		approve(item, "head");
		approve(item, "charge");
		clock.set(shanghai(2026, 12, 1, 0, 10, 0));
		submissions.record(item.getId(), to("区委办"), logIn("office"), scope());
		adopt(items.get(item.getId()), AdministrativeLevel.CITY);
		instruct(items.get(item.getId()), AdministrativeLevel.DISTRICT);

		// 5 (city adoption) + 5 (district instruction), each halved
		assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("5.00"))
			.containsEntry(personKey("物业管理科", "赵雪"), points("5.00"));
		assertThat(ledgerOfItem(item.getId())).filteredOn(entry -> entry.category() == ScoreKind.URGENT)
			.extracting(LedgerEntry::points)
			.containsOnly(points("-2.50"));
	}

	@Test
	void lateKnownAfterTheAdoptionHalvesTheAdoptionAlready() {
		InformationItem item = submittedUpward(unique("先采用后迟报"));
		adopt(item, AdministrativeLevel.CITY);
		settle();
		ledger.urgentLate(item.getId(), item.getUnitId(), java.time.LocalDate.now(clock), item.getTitle());
		ledger.urgentLate(item.getId(), item.getUnitId(), java.time.LocalDate.now(clock), item.getTitle());
		assertThat(pointsOfItem(item.getId())).containsEntry(unitKey("物业管理科"), points("2.50"));
	}

	@Test
	void anAnswerDeliveredOnTimeScoresThreeToEachResponsibleUnit() {
		AuthenticatedUser office = logIn("office");
		var asked = solicitations.register(new io.infodesk.reporting.solicitation.SolicitationForm(body("区委办"), unique("约稿"),
				null, java.time.LocalDate.now(clock),
				LocalDateTime.ofInstant(clock.instant(), io.infodesk.shared.time.TimeConfiguration.ZONE).plusHours(6),
				List.of(unitId("物业管理科")), List.of()), office);
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("约稿答复"));
		InformationItem item = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, asked.getId()), publicist, scope());
		verify(item, "publicist");
		items.submitForReview(item.getId(), user("publicist"), scope());
		approve(item, "head");
		approve(item, "office");
		approve(item, "charge");
		clock.advance(Duration.ofHours(1));
		submissions.record(item.getId(), to("区委办"), logIn("office"), scope());

		assertThat(ledgerOfItem(item.getId())).singleElement().satisfies(entry -> {
			assertThat(entry.ruleKey()).isEqualTo("SOLICITATION:ON_TIME");
			assertThat(entry.points()).isEqualByComparingTo("3");
			assertThat(entry.recipientKey()).isEqualTo(unitKey("物业管理科"));
			assertThat(entry.link()).isEqualTo("/reporting/solicitations/" + asked.getId());
		});
	}

	@Test
	void everyAdoptionOfTheDemoDataIsScoredByTheListeners() {
		settle();
		java.util.List<Long> adoptionIds = jdbc.queryForList("select id from rpt_adoption", Long.class);
		assertThat(adoptionIds).isNotEmpty();
		for (Long id : adoptionIds) {
			assertThat(jdbc.queryForObject("select count(*) from asm_entry where source_type = 'ADOPTION' and source_id = ?",
					Integer.class, id.toString())).as("entries of adoption " + id).isPositive();
		}
	}

}
