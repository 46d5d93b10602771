package io.infodesk.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.infodesk.notification.NotificationType;
import io.infodesk.notification.Notifications;
import io.infodesk.reporting.ReportingIntegrationTest;

/**
 * The caller's own inbox over the REST API (issue 11 point 3): the list with filters and the unread count, marking
 * one read and all read — own notifications only (another user's is 404 and stays unread), 401 without
 * credentials, writes as JSON only.
 */
class NotificationApiTests extends ReportingIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	@Autowired
	Notifications notifications;

	private ResultActions getAs(String username, String path, String... params) throws Exception {
		var request = get(path).with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	private ResultActions postAs(String username, String path) throws Exception {
		return mvc.perform(post(path).with(httpBasic(username, PASSWORD))
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"));
	}

	private long notify(String username, NotificationType type, String title) {
		return notifications.notify(user(username).userId(), type, title, "正文：" + title, "/reporting/items");
	}

	@Test
	void theInboxListsTheCallersOwnNotificationsOnly() throws Exception {
		String title = unique("接口通知");
		long id = notify("publicist", NotificationType.REVIEW_WAITING, title);
		notify("head", NotificationType.SYSTEM, unique("别人的通知"));
		String mine = "$.content[?(@.id == " + id + ")]";
		getAs("publicist", "/api/notifications", "size", "100")
			.andExpect(status().isOk())
			.andExpect(jsonPath(mine + ".title").value(title))
			.andExpect(jsonPath(mine + ".typeLabel").value("待审核"))
			.andExpect(jsonPath(mine + ".link").value("/reporting/items"))
			.andExpect(jsonPath(mine + ".createdAt").value(Matchers.contains(Matchers.endsWith("+08:00"))))
			.andExpect(jsonPath(mine + ".readAt").value(Matchers.contains(Matchers.nullValue())))
			.andExpect(jsonPath("$.content[*].title").value(Matchers.everyItem(Matchers.not(Matchers.startsWith("别人的通知")))))
			.andExpect(jsonPath("$.unread").value(Matchers.greaterThanOrEqualTo(1)));
		getAs("publicist", "/api/notifications", "type", "SYSTEM", "size", "100")
			.andExpect(jsonPath("$.content[*].type").value(Matchers.everyItem(Matchers.is("SYSTEM"))));
		getAs("publicist", "/api/notifications", "read", "true", "size", "100")
			.andExpect(jsonPath(mine).isEmpty());
		getAs("publicist", "/api/notifications", "type", "NONSENSE").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		mvc.perform(get("/api/notifications").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未登录"));
	}

	@Test
	void oneNotificationIsMarkedReadByItsRecipientOnly() throws Exception {
		long id = notify("publicist", NotificationType.SOLICITATION_DUE, unique("待读"));
		// another user's notification: 404, and it stays unread
		postAs("head", "/api/notifications/" + id + "/read")
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("记录不存在，或不在您的数据范围内。"));
		assertThat(notifications.find(user("publicist").userId(), id).orElseThrow().isRead()).isFalse();

		postAs("publicist", "/api/notifications/" + id + "/read")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.readAt").value(Matchers.endsWith("+08:00")));
		assertThat(notifications.find(user("publicist").userId(), id).orElseThrow().isRead()).isTrue();
		postAs("publicist", "/api/notifications/999999/read").andExpect(status().isNotFound());
		// a write that is not JSON is refused
		mvc.perform(post("/api/notifications/" + id + "/read").with(httpBasic("publicist", PASSWORD))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(post("/api/notifications/" + id + "/read").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void allOfTheCallersNotificationsAreMarkedRead() throws Exception {
		notify("staff", NotificationType.SYSTEM, unique("甲"));
		notify("staff", NotificationType.SYSTEM, unique("乙"));
		long others = notify("head", NotificationType.SYSTEM, unique("丙"));
		postAs("staff", "/api/notifications/read-all")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$.unread").value(0));
		getAs("staff", "/api/notifications", "read", "false").andExpect(jsonPath("$.totalElements").value(0));
		assertThat(notifications.find(user("head").userId(), others).orElseThrow().isRead()).isFalse();
		mvc.perform(post("/api/notifications/read-all").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

}
