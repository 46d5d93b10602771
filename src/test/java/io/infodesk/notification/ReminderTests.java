package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.notification.internal.Notification;
import io.infodesk.notification.internal.ReminderJob;
import io.infodesk.notification.internal.Reminders;

/** Reminder timing with a fixed clock (issue 5, point 4): offsets 24 h, 2 h, at the due time, and overdue. */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class ReminderTests {

	@Autowired
	Deadlines deadlines;

	@Autowired
	Reminders reminders;

	@Autowired
	ReminderJob job;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	static long nextUser = 700_000;

	long owner;

	long other;

	@BeforeEach
	void start() {
		clock.reset(); // 2026-11-27 09:00 Asia/Shanghai
		owner = ++nextUser;
		other = ++nextUser;
	}

	List<Notification> inbox(long user) {
		return notifications.search(user, null, null, PageRequest.of(0, 50)).getContent();
	}

	@Test
	void remindsAtEachOffsetOnceAndOnlyWhenItsTimeHasCome() {
		Instant due = MutableClock.BASE.plus(Duration.ofHours(26)); // 2026-11-28 11:00
		deadlines.register("test:solicitation:" + owner, List.of(owner, other), due, NotificationType.SOLICITATION_DUE,
				"约稿《物业管理》到期", "/reporting/solicitations/1",
				List.of(Duration.ofHours(24), Duration.ofHours(2), Duration.ZERO, Duration.ofHours(-24)));

		reminders.run();
		assertThat(inbox(owner)).isEmpty();

		clock.set(due.minus(Duration.ofHours(24)).minusSeconds(1));
		reminders.run();
		assertThat(inbox(owner)).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		reminders.run();
		reminders.run();
		assertThat(inbox(owner)).hasSize(1);
		assertThat(inbox(other)).hasSize(1);
		assertThat(inbox(owner).get(0).getBody()).isEqualTo("截止时间 2026-11-28 11:00（24 小时），请及时处理");
		assertThat(inbox(owner).get(0).getLink()).isEqualTo("/reporting/solicitations/1");

		clock.set(due.minus(Duration.ofHours(2)));
		reminders.run();
		clock.set(due);
		reminders.run();
		clock.set(due.plus(Duration.ofHours(24)));
		reminders.run();
		reminders.run();
		assertThat(inbox(owner)).hasSize(4);
		assertThat(inbox(owner).get(0).getBody()).isEqualTo("截止时间 2026-11-28 11:00 已过（24 小时），请尽快处理");
	}

	@Test
	void afterADowntimeOnlyTheLatestPassedOffsetIsReminded() {
		Instant due = MutableClock.BASE.plus(Duration.ofHours(1));
		deadlines.register("test:urgent:" + owner, List.of(owner), due, NotificationType.URGENT_REPORT_DUE, "紧急信息当日报送",
				null, List.of(Duration.ofHours(24), Duration.ofHours(2), Duration.ZERO));

		reminders.run();

		assertThat(inbox(owner)).hasSize(1);
		assertThat(inbox(owner).get(0).getBody()).contains("（2 小时）");
		assertThat(jdbc.queryForObject("select count(*) from notification_reminder_sent s join notification_deadline d "
				+ "on d.id = s.deadline_id where d.deadline_key = ?", Integer.class, "test:urgent:" + owner)).isEqualTo(2);
	}

	@Test
	void aCompletedDeadlineIsNotRemindedAndAMovedDeadlineIsRemindedAgain() {
		Instant due = MutableClock.BASE.plus(Duration.ofHours(1));
		String key = "test:plan:" + owner;
		deadlines.register(key, List.of(owner), due, NotificationType.PLAN_DUE, "年度宣传要点", null,
				List.of(Duration.ofHours(2)));
		reminders.run();
		assertThat(inbox(owner)).hasSize(1);

		deadlines.register(key, List.of(owner), due.plus(Duration.ofMinutes(30)), NotificationType.PLAN_DUE, "年度宣传要点",
				null, List.of(Duration.ofHours(2)));
		reminders.run();
		assertThat(inbox(owner)).hasSize(2);

		deadlines.complete(key);
		deadlines.register("test:other:" + owner, List.of(other), due, NotificationType.PLAN_DUE, "别的", null,
				List.of(Duration.ofHours(2)));
		clock.advance(Duration.ofHours(3));
		reminders.run();
		assertThat(inbox(owner)).hasSize(2);
	}

	@Test
	void theScheduledJobRunsUnderAShedLockDatabaseLock() {
		Instant due = MutableClock.BASE.plus(Duration.ofHours(1));
		deadlines.register("test:job:" + owner, List.of(owner), due, NotificationType.CASE_DEADLINE, "舆情事件 5 小时时限", null,
				List.of(Duration.ofHours(2)));

		job.remind();

		assertThat(inbox(owner)).hasSize(1);
		assertThat(jdbc.queryForList("select name from shedlock", String.class)).contains("notification-reminders");
	}

}
