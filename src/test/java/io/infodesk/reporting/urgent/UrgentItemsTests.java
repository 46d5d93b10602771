package io.infodesk.reporting.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.account.Role;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.inbox.WorkInbox;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.review.InboxNotice;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Time-critical items (S3.1-c): category and event time, 23:59:59 of the event's day, the shortened chain
 * (unit head → leader in charge) and the office told at once, on submission and on sign-off.
 */
class UrgentItemsTests extends ReportingIntegrationTest {

	@Autowired
	WorkInbox inbox;

	/** 2026-11-27 22:30 Asia/Shanghai. */
	void halfPastTenAtNight() {
		clock.set(shanghai(2026, 11, 27, 22, 30, 0));
	}

	ItemForm urgentForm(String title, UrgentCategory category, LocalDateTime eventAt) {
		ItemForm base = form(title);
		return new ItemForm(base.title(), base.kind(), base.unitId(), "某小区地下车库管道爆裂，已组织抢修。", base.angles(),
				base.sources(), base.authors(), 0, null, true, category, eventAt);
	}

	@Test
	void anUrgentItemIsDueAtTheEndOfTheEventsDay() {
		halfPastTenAtNight();
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem item = items.create(urgentForm(unique("管道抢修"), UrgentCategory.EMERGENCY_RESCUE,
				LocalDateTime.of(2026, 11, 27, 22, 10)), publicist, scope());
		assertThat(item.isUrgent()).isTrue();
		assertThat(item.getDueAt()).isEqualTo(shanghai(2026, 11, 27, 23, 59, 59));
		assertThat(SameDayRule.timeLeft(item.getEventAt(), clock.instant())).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void categoryAndAPastEventTimeAreRequired() {
		halfPastTenAtNight();
		AuthenticatedUser publicist = logIn("publicist");
		assertThatThrownBy(() -> items.create(urgentForm(unique("无类别"), null, LocalDateTime.of(2026, 11, 27, 22, 0)),
				publicist, scope())).isInstanceOf(ReportingException.class).hasMessage("reporting.urgent.category.required");
		assertThatThrownBy(() -> items.create(urgentForm(unique("无时间"), UrgentCategory.WORK_SAFETY, null), publicist,
				scope())).isInstanceOf(ReportingException.class).hasMessage("reporting.urgent.eventAt.required");
		assertThatThrownBy(() -> items.create(urgentForm(unique("未来"), UrgentCategory.WORK_SAFETY,
				LocalDateTime.of(2026, 11, 27, 22, 31)), publicist, scope()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.urgent.eventAt.future");
	}

	@Test
	void theShortenedChainRunsUnitHeadToLeaderInChargeAndTheOfficeIsToldAtOnce() {
		halfPastTenAtNight();
		AuthenticatedUser publicist = logIn("publicist");
		InformationItem item = items.create(urgentForm(unique("安全生产检查"), UrgentCategory.WORK_SAFETY,
				LocalDateTime.of(2026, 11, 27, 21, 0)), publicist, scope());
		ReviewProcess process = items.submitForReview(item.getId(), publicist, scope());

		assertThat(process.getTrack()).isEqualTo(ReviewTrack.URGENT);
		assertThat(process.steps()).containsExactly(ReviewRole.UNIT_HEAD, ReviewRole.LEADER_IN_CHARGE);
		assertThat(noticesFor("office", item)).singleElement()
			.satisfies(summary -> assertThat(summary).contains(item.getTitle(), "安全生产", "11月27日 23:59:59"));
		assertThat(inbox.entries(user("head"))).anySatisfy(entry -> {
			assertThat(entry.title()).isEqualTo(item.getTitle());
			assertThat(entry.urgent()).isTrue();
		});

		approve(item, "head");
		assertThat(items.get(item.getId()).getReviewRole()).isEqualTo("LEADER_IN_CHARGE");
		approve(item, "charge");
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.SIGNED_OFF);
		assertThat(noticesFor("office", item)).hasSize(2).anySatisfy(summary -> assertThat(summary).contains("已审签"));

		InboxNotice notice = reviewChains.noticesFor(user("office"))
			.stream()
			.filter(open -> open.document().id() == item.getId())
			.findFirst()
			.orElseThrow();
		reviewChains.noticeDone(notice.getId(), logIn("office"));
		assertThat(noticesFor("office", item)).hasSize(1);
		assertThatThrownBy(() -> reviewChains.noticeDone(notice.getId(), logIn("office")))
			.isInstanceOf(ReviewException.class);
		assertThatThrownBy(() -> reviewChains.noticeDone(notice.getId(), logIn("head")))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	private List<String> noticesFor(String username, InformationItem item) {
		return reviewChains.noticesFor(user(username))
			.stream()
			.filter(notice -> notice.document().id() == item.getId())
			.map(InboxNotice::getSummary)
			.toList();
	}

	@Test
	void theBoardListsUnsubmittedUrgentItemsSoonestDueFirst() {
		halfPastTenAtNight();
		String marker = unique("看板");
		AuthenticatedUser publicist = logIn("publicist");
		items.create(urgentForm(marker + "今天", UrgentCategory.KEY_MEETING, LocalDateTime.of(2026, 11, 27, 9, 0)),
				publicist, scope());
		items.create(urgentForm(marker + "昨天", UrgentCategory.KEY_WORK, LocalDateTime.of(2026, 11, 26, 16, 0)),
				publicist, scope());
		items.create(form(marker + "普通"), publicist, scope());

		List<String> board = items.urgentBoard(scope(), publicist)
			.stream()
			.map(InformationItem::getTitle)
			.filter(title -> title.startsWith(marker))
			.toList();
		assertThat(board).containsExactly(marker + "昨天", marker + "今天");
		AuthenticatedUser headOfAnotherUnit = logIn(member("城建科", "吕国庆", Role.UNIT_HEAD));
		assertThat(items.urgentBoard(scope(), headOfAnotherUnit)).extracting(InformationItem::getTitle)
			.noneMatch(title -> title.startsWith(marker));
	}

}
