package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.TestUsers;

/** The in-app inbox (issue 5, point 1): own notifications only, unread count, filters, mark read, open. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class InboxTests {

	@Autowired
	Notifications notifications;

	@Autowired
	MockMvc mvc;

	AuthenticatedUser alice = TestUsers.of(Role.STAFF);

	AuthenticatedUser bob = TestUsers.of(Role.PUBLICIST);

	@Test
	void eachUserSeesOnlyTheirOwnNotificationsAndTheBellCountsUnread() throws Exception {
		notifications.notify(alice.userId(), NotificationType.SOLICITATION_DUE, "约稿明日到期", "请及时报送", "/reporting/solicitations/7");
		notifications.notify(alice.userId(), NotificationType.OPINION_ALERT, "红色舆情预警", null, null);
		notifications.notify(bob.userId(), NotificationType.SYSTEM, "给另一个人的通知", null, null);

		assertThat(notifications.unreadCount(alice.userId())).isEqualTo(2);
		String page = mvc.perform(get("/notifications").with(user(alice))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document html = Jsoup.parse(page);
		assertThat(html.select(".inbox-row")).hasSize(2);
		assertThat(html.text()).contains("约稿明日到期", "红色舆情预警").doesNotContain("给另一个人的通知");
		assertThat(html.select("#notification-bell").attr("hx-trigger")).isEqualTo("load, every 30s");

		String bell = mvc.perform(get("/notifications/bell").with(user(alice)).header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(bell).select("#notification-unread").text()).isEqualTo("2");
	}

	@Test
	void filtersByTypeAndReadState() throws Exception {
		long due = notifications.notify(alice.userId(), NotificationType.SOLICITATION_DUE, "约稿到期", null, null);
		notifications.notify(alice.userId(), NotificationType.PLAN_DUE, "年度要点", null, null);
		notifications.markRead(alice.userId(), due);

		String unread = mvc.perform(get("/notifications").param("read", "unread").with(user(alice)).header("HX-Request", "true"))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(unread).select(".inbox-row")).hasSize(1);
		assertThat(Jsoup.parse(unread).text()).contains("年度要点").doesNotContain("约稿到期");
		String byType = mvc.perform(get("/notifications").param("type", "SOLICITATION_DUE").with(user(alice)))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(byType).select(".inbox-row")).hasSize(1);
		assertThat(Jsoup.parse(byType).select(".inbox-row").text()).contains("约稿到期");
	}

	@Test
	void marksOwnNotificationsReadButNeverAnotherUsers() throws Exception {
		long mine = notifications.notify(alice.userId(), NotificationType.SYSTEM, "我的", null, null);
		long theirs = notifications.notify(bob.userId(), NotificationType.SYSTEM, "别人的", null, null);

		mvc.perform(post("/notifications/{id}/read", theirs).with(user(alice)).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(notifications.find(bob.userId(), theirs).orElseThrow().isRead()).isFalse();

		mvc.perform(post("/notifications/{id}/read", mine).with(user(alice)).with(csrf()));
		assertThat(notifications.find(alice.userId(), mine).orElseThrow().isRead()).isTrue();
	}

	@Test
	void markAllReadEmptiesTheBell() throws Exception {
		notifications.notify(alice.userId(), NotificationType.SYSTEM, "一", null, null);
		notifications.notify(alice.userId(), NotificationType.SYSTEM, "二", null, null);
		notifications.notify(bob.userId(), NotificationType.SYSTEM, "三", null, null);

		mvc.perform(post("/notifications/read-all").with(user(alice)).with(csrf())).andExpect(redirectedUrl("/notifications"));

		assertThat(notifications.unreadCount(alice.userId())).isZero();
		assertThat(notifications.unreadCount(bob.userId())).isEqualTo(1);
		mvc.perform(get("/notifications/bell").with(user(alice)))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("notification-unread"))));
	}

	@Test
	void openingANotificationMarksItReadAndGoesToItsRecord() throws Exception {
		long id = notifications.notify(alice.userId(), NotificationType.REVIEW_WAITING, "待审核", null, "/reporting/items/3");
		mvc.perform(post("/notifications/{id}/open", id).with(user(alice)).with(csrf()))
			.andExpect(redirectedUrl("/reporting/items/3"));
		assertThat(notifications.search(alice.userId(), null, "unread", PageRequest.of(0, 10))).isEmpty();
	}

	@Test
	void aLinkToAnotherSiteIsNotKept() {
		long id = notifications.notify(alice.userId(), NotificationType.SYSTEM, "外链", null, "https://evil.example/x");
		long slashes = notifications.notify(alice.userId(), NotificationType.SYSTEM, "外链", null, "//evil.example/x");
		assertThat(notifications.find(alice.userId(), id).orElseThrow().getLink()).isNull();
		assertThat(notifications.find(alice.userId(), slashes).orElseThrow().getLink()).isNull();
	}

}
