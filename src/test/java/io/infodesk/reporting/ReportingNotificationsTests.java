package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.notification.NotificationType;
import io.infodesk.notification.internal.Reminders;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.outcome.Adoptions;
import io.infodesk.reporting.outcome.FeedbackForm;
import io.infodesk.reporting.outcome.InstructionForm;
import io.infodesk.reporting.outcome.LeaderInstruction;
import io.infodesk.reporting.outcome.SubmissionChannel;
import io.infodesk.reporting.outcome.SubmissionForm;
import io.infodesk.reporting.outcome.Submissions;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Reporting declares its deadlines and review steps to the notification module (issue 5, point 4, wired to
 * issue 3): solicitations (24 h before, at and 24 h after the deadline, until delivered), same-day items (2 h
 * before 23:59:59 of the event's day, until the first submission) and review steps (the reviewers of the step
 * reached). The clock is fixed and moved by the test; the reminder job is run by the test.
 */
class ReportingNotificationsTests extends ReportingIntegrationTest {

	@Autowired
	Solicitations solicitations;

	@Autowired
	Submissions submissions;

	@Autowired
	Reminders reminders;

	@Autowired
	Adoptions adoptions;

	/** How many notifications of the type about this record the demo user has. */
	int received(String username, NotificationType type, String link) {
		return jdbc.queryForObject(
				"select count(*) from notification_inbox where recipient_user_id = ? and type = ? and link = ?",
				Integer.class, user(username).userId(), type.name(), link);
	}

	private long body(String shortName) {
		return solicitations.bodies()
			.stream()
			.filter(b -> b.getShortName().equals(shortName))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private Solicitation solicitation(String topic, Instant deadline) {
		AuthenticatedUser office = logIn("office");
		// responsible unit 物业管理科 (head 孙伟, publicist 赵雪), owner 钱进 (staff)
		return solicitations.register(new SolicitationForm(body("区委办"), topic, "800 字以内", LocalDate.now(clock),
				LocalDateTime.ofInstant(deadline, clock.getZone()), List.of(unitId("物业管理科")),
				List.of(person("物业管理科", "钱进").getId())), office);
	}

	@Test
	void aSolicitationRemindsOwnersHeadsAndPublicistsOnceAtEachOffsetUntilDelivered() {
		Instant deadline = base().plus(Duration.ofDays(2)); // 2026-11-29 09:00
		Solicitation answered = solicitation(unique("冬季供暖"), deadline);
		Solicitation open = solicitation(unique("物业服务"), deadline);
		String answeredLink = "/reporting/solicitations/" + answered.getId();
		String openLink = "/reporting/solicitations/" + open.getId();

		reminders.run();
		assertThat(received("publicist", NotificationType.SOLICITATION_DUE, openLink)).isZero();

		clock.set(deadline.minus(Duration.ofHours(24)));
		reminders.run();
		reminders.run();
		for (String owner : List.of("head", "publicist", "staff")) {
			assertThat(received(owner, NotificationType.SOLICITATION_DUE, openLink)).as(owner).isEqualTo(1);
			assertThat(received(owner, NotificationType.SOLICITATION_DUE, answeredLink)).as(owner).isEqualTo(1);
		}
		for (String outsider : List.of("charge", "leader", "office")) {
			assertThat(received(outsider, NotificationType.SOLICITATION_DUE, openLink)).as(outsider).isZero();
		}

		// an answering item reaches the asking body: delivered, its reminders stop
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("供暖答复"));
		InformationItem item = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, answered.getId()), publicist, scope());
		logIn("office");
		assertThat(solicitations.deliver(answered.getId(), item.getId(), body("区委办"), clock.instant())).isTrue();

		clock.set(deadline);
		reminders.run();
		clock.set(deadline.plus(Duration.ofHours(24)));
		reminders.run();
		reminders.run();
		for (String owner : List.of("head", "publicist", "staff")) {
			assertThat(received(owner, NotificationType.SOLICITATION_DUE, answeredLink)).as(owner).isEqualTo(1);
			assertThat(received(owner, NotificationType.SOLICITATION_DUE, openLink)).as(owner).isEqualTo(3);
		}
	}

	private static Instant base() {
		return io.infodesk.audit.MutableClock.BASE;
	}

	ItemForm urgentForm(String title, LocalDateTime eventAt) {
		ItemForm base = form(title);
		return new ItemForm(base.title(), base.kind(), base.unitId(), "某小区地下车库管道爆裂，已组织抢修。", base.angles(),
				base.sources(), base.authors(), 0, null, true, UrgentCategory.EMERGENCY_RESCUE, eventAt);
	}

	private void submitUpward(InformationItem item) {
		AuthenticatedUser office = logIn("office");
		submissions.record(item.getId(), new SubmissionForm(body("区委办"), SubmissionChannel.PLATFORM,
				LocalDateTime.ofInstant(clock.instant(), clock.getZone()), null), office, scope());
	}

	@Test
	void aSameDayItemRemindsDrafterCurrentReviewerAndOfficeTwoHoursBeforeMidnightUntilSubmitted() {
		clock.set(shanghai(2026, 11, 27, 19, 0, 0));
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem reminded = items.create(urgentForm(unique("管道抢修"), LocalDateTime.of(2026, 11, 27, 18, 30)),
				publicist, scope());
		items.submitForReview(reminded.getId(), publicist, scope());
		InformationItem early = items.create(urgentForm(unique("火情处置"), LocalDateTime.of(2026, 11, 27, 18, 40)),
				publicist, scope());
		items.submitForReview(early.getId(), user("publicist"), scope());
		String remindedLink = "/reporting/items/" + reminded.getId();
		String earlyLink = "/reporting/items/" + early.getId();

		approve(reminded, "head"); // now waits for the leader in charge
		approve(early, "head");
		approve(early, "charge");
		clock.set(shanghai(2026, 11, 27, 21, 0, 0));
		submitUpward(early); // submitted before the reminder: never reminded
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is not null", Integer.class, "reporting:urgent:" + early.getId())).isEqualTo(1);

		clock.set(shanghai(2026, 11, 27, 21, 59, 58));
		reminders.run();
		assertThat(received("publicist", NotificationType.URGENT_REPORT_DUE, remindedLink)).isZero();

		clock.set(shanghai(2026, 11, 27, 22, 0, 0));
		reminders.run();
		reminders.run();
		for (String owner : List.of("publicist", "charge", "office")) {
			assertThat(received(owner, NotificationType.URGENT_REPORT_DUE, remindedLink)).as(owner).isEqualTo(1);
		}
		// the head approved the step below: no longer a current reviewer
		assertThat(received("head", NotificationType.URGENT_REPORT_DUE, remindedLink)).isZero();
		for (String anyone : List.of("publicist", "head", "charge", "office")) {
			assertThat(received(anyone, NotificationType.URGENT_REPORT_DUE, earlyLink)).as(anyone).isZero();
		}

		approve(reminded, "charge");
		clock.set(shanghai(2026, 11, 27, 22, 30, 0));
		submitUpward(reminded);
		clock.set(shanghai(2026, 11, 27, 23, 59, 59));
		reminders.run();
		assertThat(received("office", NotificationType.URGENT_REPORT_DUE, remindedLink)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is not null", Integer.class, "reporting:urgent:" + reminded.getId())).isEqualTo(1);
	}

	@Test
	void eachReviewStepTellsItsReviewersOnceAndNobodyAfterSignOff() {
		InformationItem item = submitted(unique("物业全覆盖"));
		String link = "/reporting/items/" + item.getId();
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		for (String notYet : List.of("publicist", "office", "charge", "staff")) {
			assertThat(received(notYet, NotificationType.REVIEW_WAITING, link)).as(notYet).isZero();
		}
		assertThat(jdbc.queryForObject("select link from notification_inbox where recipient_user_id = ? and link = ?",
				String.class, user("head").userId(), link)).isEqualTo(link);

		approve(item, "head");
		assertThat(received("office", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		assertThat(received("charge", NotificationType.REVIEW_WAITING, link)).isZero();

		approve(item, "office");
		assertThat(received("charge", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		assertThat(received("leader", NotificationType.REVIEW_WAITING, link)).isZero();

		approve(item, "charge");
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.SIGNED_OFF);
		reminders.run();
		for (String reviewer : List.of("head", "office", "charge")) {
			assertThat(received(reviewer, NotificationType.REVIEW_WAITING, link)).as(reviewer).isEqualTo(1);
		}
		assertThat(received("publicist", NotificationType.REVIEW_WAITING, link)).isZero();
		// the work inbox (待我处理) keeps its own entries beside the notifications
		assertThat(reviewChains.tasksFor(user("head"))).noneMatch(task -> task.link().equals(link));
	}


	@Test
	void aReviewStepLeftWaitingADayRemindsItsReviewersOnceAndEndsWithTheRound() {
		clock.set(shanghai(2026, 12, 1, 9, 0, 0));
		InformationItem item = submitted(unique("加装电梯"));
		String link = "/reporting/items/" + item.getId();
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(1); // the step reached

		clock.set(shanghai(2026, 12, 2, 8, 59, 59));
		reminders.run();
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		clock.set(shanghai(2026, 12, 2, 9, 0, 0));
		reminders.run();
		reminders.run();
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(2); // waited 24 h: once

		approve(item, "head"); // the office's step starts its own 24 hours
		assertThat(received("office", NotificationType.REVIEW_WAITING, link)).isEqualTo(1);
		clock.set(shanghai(2026, 12, 3, 9, 0, 0));
		reminders.run();
		assertThat(received("office", NotificationType.REVIEW_WAITING, link)).isEqualTo(2);
		assertThat(received("head", NotificationType.REVIEW_WAITING, link)).isEqualTo(2);

		AuthenticatedUser office = logIn("office");
		ReviewProcess process = reviewChains.process(InformationItem.ref(item.getId())).orElseThrow();
		reviewChains.returnToDrafter(InformationItem.ref(item.getId()), process.getRound(), process.getCurrentStep(),
				"请补充数据来源", office);
		clock.set(shanghai(2026, 12, 6, 9, 0, 0));
		reminders.run();
		assertThat(received("office", NotificationType.REVIEW_WAITING, link)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is not null", Integer.class, "reporting:review:" + process.getId())).isEqualTo(1);
	}

	@Test
	void anInstructionCallingForFeedbackRemindsDrafterAndOfficeUntilTheFeedbackIsRecorded() {
		clock.set(shanghai(2026, 12, 7, 9, 0, 0));
		InformationItem answered = signedOff(unique("保障房分配"));
		submitUpward(answered);
		InformationItem pending = signedOff(unique("老旧小区改造"));
		submitUpward(pending);
		AuthenticatedUser office = logIn("office");
		LocalDate due = LocalDate.of(2026, 12, 10);
		LeaderInstruction toAnswer = adoptions.recordInstruction(answered.getId(), new InstructionForm(
				AdministrativeLevel.CITY, "市领导", LocalDate.of(2026, 12, 7), "请总结推广", due), office, scope());
		adoptions.recordInstruction(pending.getId(), new InstructionForm(AdministrativeLevel.CITY, "市领导",
				LocalDate.of(2026, 12, 7), "请跟踪进度", due), office, scope());
		String answeredLink = "/reporting/items/" + answered.getId();
		String pendingLink = "/reporting/items/" + pending.getId();

		clock.set(shanghai(2026, 12, 9, 23, 59, 58));
		reminders.run();
		assertThat(received("office", NotificationType.SYSTEM, answeredLink)).isZero();
		clock.set(shanghai(2026, 12, 9, 23, 59, 59)); // a day before the end of the feedback day
		reminders.run();
		for (String owner : List.of("office", "publicist")) {
			assertThat(received(owner, NotificationType.SYSTEM, answeredLink)).as(owner).isEqualTo(1);
		}
		assertThat(received("head", NotificationType.SYSTEM, answeredLink)).isZero();

		logIn("office");
		adoptions.recordFeedback(toAnswer.getId(), new FeedbackForm(LocalDate.of(2026, 12, 9), "已在全区推广"), office,
				scope());
		clock.set(shanghai(2026, 12, 10, 23, 59, 59));
		reminders.run();
		assertThat(received("office", NotificationType.SYSTEM, answeredLink)).isEqualTo(1);
		assertThat(received("office", NotificationType.SYSTEM, pendingLink)).isEqualTo(2);
	}

}
