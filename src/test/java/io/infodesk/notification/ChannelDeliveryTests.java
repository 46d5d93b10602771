package io.infodesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.infodesk.account.Role;
import io.infodesk.notification.internal.Channel;
import io.infodesk.notification.internal.Channels;
import io.infodesk.notification.internal.Deliveries;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery to real channels (issue 5, point 2): e-mail through a real SMTP server (GreenMail), WeCom and DingTalk
 * robots and a generic webhook against a local HTTP server that records the requests; a webhook answering 500 or
 * hanging is recorded, retried, shown to the admin and never blocks the notifying call.
 */
@SpringBootTest(properties = { "infodesk.notification.max-attempts=3", "infodesk.notification.first-backoff=0s" })
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ChannelDeliveryTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	Notifications notifications;

	@Autowired
	Channels channels;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	RobotReceiver robots;

	AuthenticatedUser recipient = TestUsers.of(Role.STAFF);

	AuthenticatedUser admin = TestUsers.of(Role.ADMIN);

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void startReceiverAndConfigureSmtp() throws Exception {
		robots = new RobotReceiver();
		TestUsers.logIn(admin);
		channels.saveSmtp("127.0.0.1", greenMail.getSmtp().getPort(), null, null, "infodesk@bureau.test", false);
	}

	@AfterEach
	void stopReceiver() {
		robots.close();
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	@Test
	void emailAndRobotsReceiveTheSameEscapedMessageAndTheDingTalkRequestIsSigned() throws Exception {
		channels.create(ChannelKind.EMAIL, "个人邮箱", "qian@bureau.test", null, null, recipient.userId());
		channels.create(ChannelKind.WECOM, "企业微信群", robots.url("/ok-wecom"), null, null, recipient.userId());
		channels.create(ChannelKind.DINGTALK, "钉钉群", robots.url("/ok-dingtalk?access_token=abc"), "SECtest-secret", null,
				recipient.userId());
		channels.create(ChannelKind.WEBHOOK, "政务平台", robots.url("/ok-webhook"), null, null, recipient.userId());

		notifications.notify(recipient.userId(), NotificationType.SOLICITATION_DUE, "约稿<b>明日</b>到期", "请于明日 18:00 前报送",
				"/reporting/solicitations/7");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			deliveries.deliverDue();
			assertThat(greenMail.getReceivedMessages()).hasSize(1);
			assertThat(robots.received).hasSize(3);
		});

		MimeMessage mail = greenMail.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("【约稿到期】约稿<b>明日</b>到期");
		String raw = GreenMailUtil.getWholeMessage(mail);
		assertThat(raw).contains("text/plain").contains("text/html");
		String html = html(mail);
		assertThat(html).contains("约稿&lt;b&gt;明日&lt;/b&gt;到期").doesNotContain("<b>明日");
		assertThat(html).contains("http://localhost:8080/reporting/solicitations/7");

		JsonNode wecom = json.readTree(robots.at("/ok-wecom").get(0).body());
		assertThat(wecom.get("msgtype").asString()).isEqualTo("text");
		String content = wecom.get("text").get("content").asString();
		assertThat(content).startsWith("【约稿到期】约稿&lt;b&gt;明日&lt;/b&gt;到期").contains("请于明日 18:00 前报送");

		RobotReceiver.Received dingtalk = robots.at("/ok-dingtalk").get(0);
		assertThat(json.readTree(dingtalk.body()).get("text").get("content").asString()).isEqualTo(content);
		Map<String, String> query = Stream.of(dingtalk.query().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
		assertThat(query).containsEntry("access_token", "abc").containsKeys("timestamp", "sign");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("SECtest-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getEncoder()
			.encodeToString(mac.doFinal((query.get("timestamp") + "\n" + "SECtest-secret").getBytes(StandardCharsets.UTF_8)));
		assertThat(query.get("sign")).isEqualTo(expected);

		JsonNode webhook = json.readTree(robots.at("/ok-webhook").get(0).body());
		assertThat(webhook.get("type").asString()).isEqualTo("SOLICITATION_DUE");
		assertThat(webhook.get("title").asString()).isEqualTo("约稿<b>明日</b>到期");
		assertThat(webhook.get("link").asString()).isEqualTo("http://localhost:8080/reporting/solicitations/7");
	}

	@Test
	void aWebhookAnswering500IsRetriedWithEveryAttemptRecordedAndShownAsFailing() throws Exception {
		Channel failing = channels.create(ChannelKind.WEBHOOK, "坏的接口", robots.url("/fail"), null, null, recipient.userId());

		long id = notifications.notify(recipient.userId(), NotificationType.REVIEW_WAITING, "待审核", null, null);

		assertThat(notifications.unreadCount(recipient.userId())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			deliveries.deliverDue();
			assertThat(jdbc.queryForObject("select status from notification_delivery where notification_id = ?",
					String.class, id)).isEqualTo("FAILED");
		});
		assertThat(robots.at("/fail")).hasSize(3);
		List<Map<String, Object>> attempts = jdbc.queryForList(
				"select success, error from notification_attempt where channel_id = ? order by id", failing.getId());
		assertThat(attempts).hasSize(3).allSatisfy(a -> {
			assertThat(a.get("SUCCESS")).isEqualTo(false);
			assertThat((String) a.get("ERROR")).contains("HTTP 500");
		});
		assertThat(jdbc.queryForObject("select attempts from notification_delivery where notification_id = ?",
				Integer.class, id)).isEqualTo(3);

		String page = mvc.perform(get("/admin/notification-channels").with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("tr[data-channel-id=" + failing.getId() + "] .channel-failing").text())
			.isEqualTo("连续失败 3 次");
	}

	@Test
	void aHangingWebhookTimesOutAndNeverBlocksTheNotifyingCall() throws Exception {
		Channel hanging = channels.create(ChannelKind.WECOM, "无响应", robots.url("/hang"), null, null, recipient.userId());

		long id = notifications.notify(recipient.userId(), NotificationType.OPINION_ALERT, "红色预警", null, null);

		// the call has returned with the notification in the inbox while the robot still holds the request open
		assertThat(notifications.find(recipient.userId(), id)).isPresent();
		assertThat(robots.release.getCount()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
				"select error from notification_attempt where channel_id = ?", String.class, hanging.getId()))
			.isNotEmpty()
			.first()
			.asString()
			.isEqualTo("连接超时"));
		robots.release.countDown();
	}

	@Test
	void theAdminSendsATestMessageToARealSmtpServerAndTheSmtpPasswordIsNeverShown() throws Exception {
		channels.saveSmtp("127.0.0.1", greenMail.getSmtp().getPort(), null, "S3cret-pw", "infodesk@bureau.test", false);
		Channel mail = channels.create(ChannelKind.EMAIL, "办公室邮箱", "office@bureau.test", null, null, admin.userId());

		mvc.perform(post("/admin/notification-channels/{id}/test", mail.getId()).with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "测试消息已发送"));

		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("【系统消息】InfoDesk 通知渠道测试");
		String page = mvc.perform(get("/admin/notification-channels").with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("S3cret-pw").contains("已设置，留空则保持不变");
		Channel robot = channels.create(ChannelKind.WECOM, "办公室企业微信群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa",
				null, null, admin.userId());
		String withRobot = mvc.perform(get("/admin/notification-channels").with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(withRobot).select("tr[data-channel-id=" + robot.getId() + "] .channel-target").text())
			.isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****");
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'NOTIFICATION_TEST_SENT' and outcome = 'SUCCESS'",
				Integer.class)).isPositive();
	}

	@Test
	void badSmtpSettingsMakeTheTestFailWithAClearMessageAndARecordedAttempt() throws Exception {
		channels.saveSmtp("127.0.0.1", 1, null, null, "infodesk@bureau.test", false);
		Channel mail = channels.create(ChannelKind.EMAIL, "办公室邮箱", "office@bureau.test", null, null, admin.userId());

		String error = (String) mvc.perform(post("/admin/notification-channels/{id}/test", mail.getId()).with(user(admin)).with(csrf()))
			.andReturn().getFlashMap().get("flashError");

		assertThat(error).startsWith("测试消息发送失败：");
		assertThat(jdbc.queryForObject("select count(*) from notification_attempt where channel_id = ? and success = false",
				Integer.class, mail.getId())).isEqualTo(1);
	}

	@Test
	void aChannelWithoutOwnerOrWithABadAddressIsRefused() throws Exception {
		int before = channels.all().size();
		String error = (String) mvc.perform(post("/admin/notification-channels/new").with(user(admin)).with(csrf())
			.param("kind", "WECOM").param("name", "群").param("target", "ftp://x").param("userId", "1"))
			.andReturn().getFlashMap().get("flashError");
		assertThat(error).isEqualTo("Webhook 地址须以 http:// 或 https:// 开头");
		String noOwner = (String) mvc.perform(post("/admin/notification-channels/new").with(user(admin)).with(csrf())
			.param("kind", "EMAIL").param("name", "邮箱").param("target", "a@b.cn"))
			.andReturn().getFlashMap().get("flashError");
		assertThat(noOwner).contains("选择且只选择一项");
		assertThat(channels.all()).hasSize(before);
	}

	private static String html(MimeMessage mail) throws Exception {
		return findHtml(mail.getContent());
	}

	private static String findHtml(Object content) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				jakarta.mail.BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType("text/html")) {
					return (String) part.getContent();
				}
				String nested = findHtml(part.getContent());
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

}
