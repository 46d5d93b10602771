package io.infodesk.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.infodesk.account.Role;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonForm;
import io.infodesk.organization.Unit;
import io.infodesk.organization.UnitForm;
import io.infodesk.organization.UnitType;
import io.infodesk.organization.Units;
import io.infodesk.reporting.SolicitationDelivered;
import io.infodesk.reporting.SolicitationOverdue;
import io.infodesk.reporting.UrgentReportMissed;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemKind;
import io.infodesk.reporting.item.VerificationForm;
import io.infodesk.reporting.item.VerificationMethod;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.support.TestUsers;

/**
 * The missed-deadline job (S3.1-c; events for assessment): an undelivered solicitation gives one
 * {@link SolicitationOverdue} per responsible unit once its deadline has passed, a same-day item not submitted by
 * the end of its day one {@link UrgentReportMissed}; each exactly once however often the job runs (a restart, a
 * second instance), and a late delivery afterwards still gives {@link SolicitationDelivered} with
 * {@code onTime = false}. The clock is set by the tests.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class MissedDeadlinesTests {

	@MockitoBean
	DataScopes dataScopes;

	@Autowired
	MissedDeadlines missedDeadlines;

	@Autowired
	MutableClock clock;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	Solicitations solicitations;

	@Autowired
	InformationItems items;

	@Autowired
	ReviewChains reviewChains;

	@Autowired
	Submissions submissions;

	@Autowired
	JdbcTemplate jdbc;

	AuthenticatedUser office = TestUsers.withRoles(null, null, Role.OFFICE_EDITOR);

	Unit first;

	Unit second;

	AuthenticatedUser publicist;

	AuthenticatedUser leader;

	@BeforeEach
	void setUp() {
		clock.reset();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		first = units.create(new UnitForm("逾期测试一科" + suffix, null, UnitType.SECTION, null, null, 900));
		second = units.create(new UnitForm("逾期测试二科" + suffix, null, UnitType.SECTION, null, null, 901));
		Person writer = people.create(new PersonForm("甲" + suffix, first.getId(), "科员", "", true, false, false, 0));
		Person leaderPerson = people.create(new PersonForm("丙" + suffix, first.getId(), "局长", "", true, true, false, 0));
		publicist = TestUsers.withRoles(writer.getId(), first.getId(), Role.PUBLICIST);
		leader = TestUsers.withRoles(leaderPerson.getId(), first.getId(), Role.BUREAU_LEADER);
		for (ReviewTrack track : ReviewTrack.values()) {
			reviewChains.configure(InformationItem.DOCUMENT_TYPE, first.getId(), track, List.of(ReviewRole.BUREAU_LEADER),
					office);
		}
	}

	long body(String shortName) {
		return solicitations.bodies().stream().filter(b -> b.getShortName().equals(shortName)).findFirst().orElseThrow().getId();
	}

	LocalDateTime wallClock() {
		return LocalDateTime.now(clock.withZone(TimeConfiguration.ZONE));
	}

	/** A solicitation of 区委办 for both test units, due at the given time. */
	Solicitation solicitation(LocalDateTime deadline) {
		return solicitations.register(new SolicitationForm(body("区委办"), "逾期测试约稿" + UUID.randomUUID(), null,
				LocalDate.now(clock), deadline, List.of(first.getId(), second.getId()), List.of()), office);
	}

	@Test
	void anUndeliveredSolicitationIsOverdueOncePerResponsibleUnitAfterItsDeadline(AssertablePublishedEvents events) {
		Solicitation solicitation = solicitation(wallClock().plusHours(2).withSecond(0).withNano(0));

		clock.set(solicitation.getDeadline()); // the deadline minute itself is still on time
		missedDeadlines.run();
		assertThat(overdue(events, solicitation)).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		missedDeadlines.run();
		missedDeadlines.run(); // a second run, or a restart, publishes nothing more
		clock.advance(Duration.ofDays(3));
		missedDeadlines.run();

		List<SolicitationOverdue> published = overdue(events, solicitation);
		assertThat(published).extracting(SolicitationOverdue::unitId)
			.containsExactlyInAnyOrder(first.getId(), second.getId());
		assertThat(published).allSatisfy(event -> {
			assertThat(event.deadline()).isEqualTo(solicitation.getDeadline());
			assertThat(event.bodyId()).isEqualTo(body("区委办"));
			assertThat(event.detectedAt()).isEqualTo(solicitation.getDeadline().plusSeconds(1));
		});
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SOLICITATION_OVERDUE' and entity_id = ?",
				Integer.class, String.valueOf(solicitation.getId()))).isEqualTo(2);
	}

	@Test
	void aSolicitationDeliveredOnTimeIsNeverOverdueAndALateDeliveryStillReportsLate(AssertablePublishedEvents events) {
		Solicitation onTime = solicitation(wallClock().plusHours(2));
		Solicitation late = solicitation(wallClock().plusHours(2));
		InformationItem answer = signedOffAnswer(onTime);
		InformationItem lateAnswer = signedOffAnswer(late);
		submissions.record(answer.getId(), new SubmissionForm(body("区委办"), SubmissionChannel.PLATFORM, wallClock(), null),
				office, DataScope.all());

		clock.advance(Duration.ofHours(3));
		missedDeadlines.run();
		assertThat(overdue(events, onTime)).isEmpty();
		assertThat(overdue(events, late)).hasSize(2);

		submissions.record(lateAnswer.getId(),
				new SubmissionForm(body("区委办"), SubmissionChannel.EMAIL, wallClock(), null), office, DataScope.all());
		missedDeadlines.run();
		assertThat(overdue(events, late)).hasSize(2);
		assertThat(events.ofType(SolicitationDelivered.class)
			.matching(SolicitationDelivered::solicitationId, late.getId())).singleElement().satisfies(delivered -> {
				assertThat(delivered.onTime()).isFalse();
				assertThat(delivered.delay()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void aSameDayItemNotSubmittedByMidnightIsMissedOnce(AssertablePublishedEvents events) {
		clock.set(LocalDateTime.of(2026, 12, 31, 22, 30).atZone(TimeConfiguration.ZONE).toInstant());
		InformationItem item = urgent(wallClock().minusMinutes(10));

		clock.set(LocalDateTime.of(2026, 12, 31, 23, 59, 59).atZone(TimeConfiguration.ZONE).toInstant());
		missedDeadlines.run();
		assertThat(missed(events, item)).isEmpty();

		clock.set(LocalDateTime.of(2027, 1, 1, 0, 0, 0).atZone(TimeConfiguration.ZONE).toInstant());
		missedDeadlines.run();
		missedDeadlines.run();
		assertThat(missed(events, item)).singleElement().satisfies(event -> {
			assertThat(event.unitId()).isEqualTo(first.getId());
			assertThat(event.category()).isEqualTo(UrgentCategory.EMERGENCY_RESCUE);
			assertThat(event.dueAt()).isEqualTo(
					LocalDateTime.of(2026, 12, 31, 23, 59, 59).atZone(TimeConfiguration.ZONE).toInstant());
		});
	}

	@Test
	void aSameDayItemSubmittedInTimeIsNotMissed(AssertablePublishedEvents events) {
		InformationItem item = urgent(wallClock().minusHours(1));
		items.submitForReview(item.getId(), publicist, DataScope.all());
		reviewChains.approve(InformationItem.ref(item.getId()), 1, 0, null, leader);
		submissions.record(item.getId(), new SubmissionForm(body("区委办"), SubmissionChannel.PLATFORM, wallClock(), null),
				office, DataScope.all());

		clock.advance(Duration.ofDays(2));
		missedDeadlines.run();

		assertThat(missed(events, item)).isEmpty();
	}

	@Test
	void twoInstancesRunningAtOnceRecordEachMissedDeadlineOnce() throws Exception {
		Solicitation solicitation = solicitation(wallClock().plusMinutes(30));
		InformationItem item = urgent(wallClock().minusHours(1));
		clock.advance(Duration.ofDays(1));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = missedDeadlines::run;
			List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
			int total = 0;
			for (Future<Integer> result : runs) {
				total += result.get();
			}
			assertThat(total).as("events published by both runs together").isGreaterThanOrEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.queryForObject(
				"select count(*) from rpt_missed_deadline where subject = 'SOLICITATION' and subject_id = ?", Integer.class,
				solicitation.getId())).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SOLICITATION_OVERDUE' and entity_id = ?",
				Integer.class, String.valueOf(solicitation.getId()))).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'URGENT_REPORT_MISSED' and entity_id = ?",
				Integer.class, String.valueOf(item.getId()))).isEqualTo(1);
	}

	private List<SolicitationOverdue> overdue(AssertablePublishedEvents events, Solicitation solicitation) {
		Iterable<SolicitationOverdue> matching = events.ofType(SolicitationOverdue.class)
			.matching(SolicitationOverdue::solicitationId, solicitation.getId());
		return java.util.stream.StreamSupport.stream(matching.spliterator(), false).toList();
	}

	private List<UrgentReportMissed> missed(AssertablePublishedEvents events, InformationItem item) {
		Iterable<UrgentReportMissed> matching = events.ofType(UrgentReportMissed.class)
			.matching(UrgentReportMissed::item, item.itemId());
		return java.util.stream.StreamSupport.stream(matching.spliterator(), false).toList();
	}

	private InformationItem urgent(LocalDateTime eventAt) {
		return items.create(new ItemForm("紧急测试" + UUID.randomUUID().toString().substring(0, 6), ItemKind.GOVERNMENT,
				first.getId(), "正文", Set.of(), Set.of(), List.of(new ItemForm.AuthorEntry(publicist.personId(), null)), 0,
				null, true, UrgentCategory.EMERGENCY_RESCUE, eventAt), publicist, DataScope.all());
	}

	private InformationItem signedOffAnswer(Solicitation solicitation) {
		InformationItem item = items.create(new ItemForm("约稿答复" + UUID.randomUUID().toString().substring(0, 6),
				ItemKind.GOVERNMENT, first.getId(), "正文", Set.of(), Set.of(),
				List.of(new ItemForm.AuthorEntry(publicist.personId(), null)), 0, solicitation.getId()), publicist,
				DataScope.all());
		items.addVerification(item.getId(), new VerificationForm(VerificationMethod.PHONE_CALLBACK, "甲", null,
				LocalDate.now(clock), "属实"), publicist, DataScope.all());
		items.submitForReview(item.getId(), publicist, DataScope.all());
		reviewChains.approve(InformationItem.ref(item.getId()), 1, 0, null, leader);
		return items.get(item.getId());
	}

}
