package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.notification.internal.Digests;
import io.infodesk.notification.internal.Notification;

/** The optional morning digest (issue 5, point 5): today's deadlines and unread count, once a day, opt-in. */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class DigestTests {

	@Autowired
	Digests digests;

	@Autowired
	Deadlines deadlines;

	@Autowired
	Preferences preferences;

	@Autowired
	Notifications notifications;

	@Autowired
	MutableClock clock;

	static long nextUser = 750_000;

	long subscriber;

	long other;

	@BeforeEach
	void start() {
		clock.reset(); // 2026-11-27 09:00 Asia/Shanghai
		subscriber = ++nextUser;
		other = ++nextUser;
		preferences.setDigest(subscriber, true);
	}

	List<Notification> digestsOf(long user) {
		return notifications.search(user, NotificationType.DIGEST, null, PageRequest.of(0, 10)).getContent();
	}

	@Test
	void aSubscriberGetsOneDigestADayWithTodaysDeadlinesAndUnreadCount() {
		deadlines.register("digest:today:" + subscriber, List.of(subscriber, other), MutableClock.BASE.plus(Duration.ofHours(8)),
				NotificationType.SOLICITATION_DUE, "约稿《保障房建设》", null, List.of(Duration.ofDays(30)));
		deadlines.register("digest:tomorrow:" + subscriber, List.of(subscriber), MutableClock.BASE.plus(Duration.ofHours(20)),
				NotificationType.PLAN_DUE, "年度宣传要点", null, List.of(Duration.ofDays(30)));
		notifications.notify(subscriber, NotificationType.REVIEW_WAITING, "待审核", null, null);

		digests.run();
		digests.run();

		assertThat(digestsOf(subscriber)).singleElement().satisfies(digest -> {
			assertThat(digest.getTitle()).isEqualTo("今日待办摘要（2026-11-27）");
			assertThat(digest.getBody()).isEqualTo("今日到期：\n17:00 截止：约稿《保障房建设》\n未读通知 1 条");
		});
		assertThat(digestsOf(other)).as("not subscribed").isEmpty();

		clock.advance(Duration.ofDays(1));
		digests.run();
		assertThat(digestsOf(subscriber)).hasSize(2);
		assertThat(digestsOf(subscriber).get(0).getBody()).contains("年度宣传要点");
	}

	@Test
	void nothingWaitingMeansNoDigest() {
		digests.run();
		assertThat(digestsOf(subscriber)).isEmpty();
	}

}
