package io.infodesk.reporting.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.AuthorShare;
import io.infodesk.reporting.InformationAdopted;
import io.infodesk.reporting.InformationSubmitted;
import io.infodesk.reporting.LeaderInstructionRecorded;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.SolicitationDelivered;
import io.infodesk.reporting.UrgentReportLate;
import io.infodesk.reporting.inbox.WorkInbox;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Submission, adoption and leader instructions (S3.1-c, S3.1-d): nothing leaves unsigned, each body once,
 * the same-day clock stops at the first submission, a solicitation is delivered by an answer to the body that
 * asked, adoption and instructions only for submitted items — and each publishes its event.
 */
@RecordApplicationEvents
class SubmissionsAndAdoptionsTests extends ReportingIntegrationTest {

	@Autowired
	Submissions submissions;

	@Autowired
	Adoptions adoptions;

	@Autowired
	Solicitations solicitations;

	@Autowired
	WorkInbox inbox;

	@Autowired
	ApplicationEvents events;

	long body(String shortName) {
		return solicitations.bodies().stream().filter(b -> b.getShortName().equals(shortName)).findFirst().orElseThrow().getId();
	}

	SubmissionForm to(String body) {
		return new SubmissionForm(body(body), SubmissionChannel.PLATFORM,
				LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE), null);
	}

	@Test
	void nothingIsSubmittedBeforeTheLeaderSignsOff() {
		InformationItem draft = draft(unique("未审草稿"));
		AuthenticatedUser office = logIn("office");
		assertThatThrownBy(() -> submissions.record(draft.getId(), to("区委办"), office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.submission.notSignedOff");
		InformationItem inReview = submitted(unique("审核中"));
		approve(inReview, "head");
		assertThatThrownBy(() -> submissions.record(inReview.getId(), to("区委办"), logIn("office"), scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.submission.notSignedOff");
		assertThat(submissions.of(inReview.getId())).isEmpty();
		assertThat(events.stream(InformationSubmitted.class)).isEmpty();
	}

	@Test
	void aSignedOffItemGoesToSeveralBodiesEachOnce() {
		InformationItem item = signedOff(unique("报送"));
		assertThat(inbox.entries(user("office"))).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(WorkInbox.Kind.TO_SUBMIT);
			assertThat(entry.title()).isEqualTo(item.getTitle());
		});
		AuthenticatedUser office = logIn("office");
		clock.advance(Duration.ofMinutes(5));
		submissions.record(item.getId(), to("区委办"), office, scope());
		submissions.record(item.getId(), new SubmissionForm(body("区政府办"), SubmissionChannel.EMAIL,
				LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE), "同时抄送"), office, scope());
		assertThatThrownBy(() -> submissions.record(item.getId(), to("区委办"), office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.submission.duplicate");
		assertThatThrownBy(() -> submissions.record(item.getId(), new SubmissionForm(body("市住建局"),
				SubmissionChannel.PAPER, LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE).plusHours(1),
				null), office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.submission.at.future");
		assertThatThrownBy(() -> submissions.record(item.getId(), new SubmissionForm(body("市住建局"),
				SubmissionChannel.PAPER, LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE).minusDays(1),
				null), office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.submission.at.beforeSignOff");

		InformationItem stored = items.get(item.getId());
		assertThat(stored.getStatus()).isEqualTo(ItemStatus.SUBMITTED);
		assertThat(stored.getFirstSubmittedAt()).isEqualTo(clock.instant());
		assertThat(submissions.of(item.getId())).extracting(Submission::getChannel)
			.containsExactly(SubmissionChannel.PLATFORM, SubmissionChannel.EMAIL);
		assertThat(events.stream(InformationSubmitted.class).filter(e -> e.item().value() == item.getId()))
			.extracting(InformationSubmitted::first)
			.containsExactly(true, false);
		assertThat(auditCount("ITEM_SUBMITTED", item.getId())).isEqualTo(2);
		assertThat(inbox.entries(user("office")).stream().map(WorkInbox.Entry::title)).doesNotContain(item.getTitle());
		assertThatThrownBy(() -> submissions.record(item.getId(), to("市住建局"), logIn("publicist"), scope()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anUrgentItemSubmittedAfterMidnightIsRecordedLateWithItsDelay() {
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

		InformationItem stored = items.get(item.getId());
		assertThat(stored.isLate()).isTrue();
		assertThat(stored.getLateSeconds()).isEqualTo(601);
		assertThat(events.stream(UrgentReportLate.class)).singleElement().satisfies(late -> {
			assertThat(late.item().value()).isEqualTo(item.getId());
			assertThat(late.category()).isEqualTo(UrgentCategory.EMERGENCY_RESCUE);
			assertThat(late.dueAt()).isEqualTo(shanghai(2026, 11, 30, 23, 59, 59));
			assertThat(late.delay()).isEqualTo(Duration.ofSeconds(601));
		});
		assertThat(auditCount("URGENT_REPORT_LATE", item.getId())).isEqualTo(1);
	}

	@Test
	void anUrgentItemSubmittedBeforeMidnightIsOnTime() {
		clock.set(shanghai(2026, 12, 31, 23, 0, 0));
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("年末会议"));
		InformationItem item = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, null, true, UrgentCategory.KEY_MEETING,
				LocalDateTime.of(2026, 12, 31, 22, 40)), publicist, scope());
		items.submitForReview(item.getId(), publicist, scope());
		approve(item, "head");
		approve(item, "charge");
		clock.set(shanghai(2026, 12, 31, 23, 59, 30));
		submissions.record(item.getId(), to("区政府办"), logIn("office"), scope());
		assertThat(items.get(item.getId()).isLate()).isFalse();
		assertThat(items.get(item.getId()).getLateSeconds()).isZero();
		assertThat(events.stream(UrgentReportLate.class)).isEmpty();
	}

	@Test
	void submittingTheAnswerToTheAskingBodyDeliversTheSolicitation() {
		AuthenticatedUser office = logIn("office");
		Solicitation asked = solicitations.register(new SolicitationForm(body("区委办"), unique("约稿"), null,
				LocalDate.now(clock), LocalDateTime.ofInstant(clock.instant(), TimeConfiguration.ZONE).plusHours(6),
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
		submissions.record(item.getId(), to("市住建局"), logIn("office"), scope());
		assertThat(solicitations.get(asked.getId()).getDeliveredAt()).isNull();
		submissions.record(item.getId(), to("区委办"), logIn("office"), scope());

		assertThat(solicitations.get(asked.getId()).statusAt(clock.instant())).isEqualTo(SolicitationStatus.DELIVERED_ON_TIME);
		assertThat(events.stream(SolicitationDelivered.class)).singleElement().satisfies(delivered -> {
			assertThat(delivered.solicitationId()).isEqualTo(asked.getId());
			assertThat(delivered.onTime()).isTrue();
			assertThat(delivered.responsibleUnitIds()).containsExactly(unitId("物业管理科"));
		});
	}

	@Test
	void adoptionsAndInstructionsFollowSubmissionAndPublishTheirEvents() {
		InformationItem item = signedOff(unique("采用"));
		AuthenticatedUser office = logIn("office");
		AdoptionForm city = new AdoptionForm("市《住建信息》", "2026年第45期", AdministrativeLevel.CITY, LocalDate.now(clock),
				"采用通知已存档");
		assertThatThrownBy(() -> adoptions.recordAdoption(item.getId(), city, office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.adoption.notSubmitted");

		submissions.record(item.getId(), to("区委办"), office, scope());
		assertThatThrownBy(() -> adoptions.recordAdoption(item.getId(), new AdoptionForm("区《每日要情》", null,
				AdministrativeLevel.DISTRICT, LocalDate.now(clock).minusDays(1), null), office, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.adoption.day.beforeSubmission");
		adoptions.recordAdoption(item.getId(), new AdoptionForm("区《每日要情》", "第 210 期", AdministrativeLevel.DISTRICT,
				LocalDate.now(clock), null), office, scope());
		Adoption atCity = adoptions.recordAdoption(item.getId(), city, office, scope());

		InformationItem stored = items.get(item.getId());
		assertThat(stored.getStatus()).isEqualTo(ItemStatus.ADOPTED);
		assertThat(stored.getAdoptionLevel()).isEqualTo(AdministrativeLevel.CITY);
		assertThat(events.stream(InformationAdopted.class)).hasSize(2).last().satisfies(adopted -> {
			assertThat(adopted.adoptionId()).isEqualTo(atCity.getId());
			assertThat(adopted.level()).isEqualTo(AdministrativeLevel.CITY);
			assertThat(adopted.unitId()).isEqualTo(unitId("物业管理科"));
			assertThat(adopted.authors()).extracting(AuthorShare::percent).containsExactly(100.0);
		});

		LeaderInstruction instruction = adoptions.recordInstruction(item.getId(), new InstructionForm(
				AdministrativeLevel.CITY, "市委常委、副市长 王某某", LocalDate.now(clock), "请总结推广经验",
				LocalDate.now(clock).plusDays(7)), office, scope());
		assertThat(events.stream(LeaderInstructionRecorded.class)).singleElement()
			.satisfies(recorded -> assertThat(recorded.feedbackDue()).isEqualTo(LocalDate.now(clock).plusDays(7)));
		assertThat(inbox.entries(user("head"))).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(WorkInbox.Kind.FEEDBACK);
			assertThat(entry.title()).isEqualTo(item.getTitle());
		});
		adoptions.recordFeedback(instruction.getId(), new FeedbackForm(LocalDate.now(clock), "已形成经验材料报市住建局"),
				logIn("office"), scope());
		assertThatThrownBy(() -> adoptions.recordFeedback(instruction.getId(),
				new FeedbackForm(LocalDate.now(clock), "再次反馈"), logIn("office"), scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.instruction.feedbackGiven");
		assertThat(inbox.entries(user("head")).stream().filter(entry -> entry.kind() == WorkInbox.Kind.FEEDBACK)
			.map(WorkInbox.Entry::title)).doesNotContain(item.getTitle());
		assertThat(auditCount("ITEM_ADOPTED", item.getId())).isEqualTo(2);
		assertThat(auditCount("LEADER_INSTRUCTION_FEEDBACK", item.getId())).isEqualTo(1);
	}

}
