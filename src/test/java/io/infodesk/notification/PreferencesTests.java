package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.infodesk.account.Role;
import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.notification.internal.Channels;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.support.TestUsers;

/** Preferences (issue 5, point 3): channel kinds per type, urgent types never switched off, quiet hours. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PreferencesTests {

	@Autowired
	Notifications notifications;

	@Autowired
	Channels channels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	AuthenticatedUser me = TestUsers.of(Role.STAFF);

	@BeforeEach
	void channelsOfTheUser() {
		clock.reset(); // 2026-11-27 09:00 Asia/Shanghai
		TestUsers.logIn(TestUsers.of(Role.ADMIN));
		channels.create(ChannelKind.EMAIL, "邮箱", "me@bureau.test", null, null, me.userId());
		channels.create(ChannelKind.WEBHOOK, "接口", "http://127.0.0.1:9/hook", null, null, me.userId());
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	List<String> deliveredKinds(long notificationId) {
		return jdbc.queryForList("select c.kind from notification_delivery d join notification_channel c on c.id = d.channel_id "
				+ "where d.notification_id = ? order by c.kind", String.class, notificationId);
	}

	@Test
	void aKindSwitchedOffForATypeGetsNoDeliveryOfThatType() throws Exception {
		mvc.perform(post("/notifications/preferences").with(user(me)).with(csrf())
			.param("on_PLAN_DUE", "WEBHOOK")
			.param("on_URGENT_REPORT_DUE", "EMAIL", "WEBHOOK").param("on_OPINION_ALERT", "EMAIL")
			.param("on_CASE_DEADLINE", "EMAIL").param("on_MAJOR_INFORMATION", "EMAIL"));

		long plan = notifications.notify(me.userId(), NotificationType.PLAN_DUE, "年度要点", null, null);
		long review = notifications.notify(me.userId(), NotificationType.REVIEW_WAITING, "待审核", null, null);

		assertThat(deliveredKinds(plan)).containsExactly("WEBHOOK");
		assertThat(deliveredKinds(review)).isEmpty();
		String page = mvc.perform(get("/notifications/preferences").with(user(me))).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select("#pref-PLAN_DUE-WEBHOOK").hasAttr("checked")).isTrue();
		assertThat(Jsoup.parse(page).select("#pref-PLAN_DUE-EMAIL").hasAttr("checked")).isFalse();
	}

	@Test
	void anUrgentTypeCannotBeSwitchedOffOnEveryChannel() throws Exception {
		String error = (String) mvc.perform(post("/notifications/preferences").with(user(me)).with(csrf())
			.param("on_OPINION_ALERT", "EMAIL"))
			.andReturn().getFlashMap().get("flashError");

		assertThat(error).isEqualTo("紧急类通知不能关闭全部渠道，请至少保留一种");
		assertThat(jdbc.queryForObject("select count(*) from notification_preference where user_id = ?", Integer.class,
				me.userId())).isZero();
	}

	@Test
	void duringQuietHoursANonUrgentDeliveryWaitsUntilTheyEndAndAnUrgentOneDoesNot() {
		preferences.save(me.userId(), java.util.Map.of(),
				new Preferences.QuietHours(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(10, 0)));

		long review = notifications.notify(me.userId(), NotificationType.REVIEW_WAITING, "待审核", null, null);
		long alert = notifications.notify(me.userId(), NotificationType.OPINION_ALERT, "红色预警", null, null);

		Instant tenOClock = ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, TimeConfiguration.ZONE).toInstant();
		assertThat(jdbc.queryForList("select next_attempt_at from notification_delivery where notification_id = ?",
				java.sql.Timestamp.class, review)).extracting(java.sql.Timestamp::toInstant).containsOnly(tenOClock);
		assertThat(jdbc.queryForList("select created_at from notification_delivery where notification_id = ?",
				java.sql.Timestamp.class, alert)).hasSize(2);
		assertThat(notifications.unreadCount(me.userId())).isEqualTo(2);
	}

	@Autowired
	Preferences preferences;

	@Test
	void quietHoursMayCrossMidnight() {
		Preferences.QuietHours night = new Preferences.QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0));
		preferences.save(me.userId(), java.util.Map.of(), night);
		clock.set(ZonedDateTime.of(2026, 11, 27, 23, 30, 0, 0, TimeConfiguration.ZONE).toInstant());
		assertThat(preferences.sendableFrom(me.userId(), NotificationType.PLAN_DUE, clock.instant()))
			.isEqualTo(ZonedDateTime.of(2026, 11, 28, 7, 0, 0, 0, TimeConfiguration.ZONE).toInstant());
		clock.set(ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, TimeConfiguration.ZONE).toInstant());
		assertThat(preferences.sendableFrom(me.userId(), NotificationType.PLAN_DUE, clock.instant())).isEqualTo(clock.instant());
	}

}
