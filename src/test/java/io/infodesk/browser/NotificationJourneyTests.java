package io.infodesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import io.infodesk.account.AccountFilter;
import io.infodesk.account.Accounts;
import io.infodesk.account.Role;
import io.infodesk.notification.ChannelKind;
import io.infodesk.account.internal.AccountUserDetailsService;
import io.infodesk.notification.Notifications;
import io.infodesk.organization.Organization;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.notification.internal.Channels;
import io.infodesk.notification.internal.Deliveries;
import io.infodesk.notification.internal.Reminders;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;
import io.infodesk.support.TestUsers;

/**
 * Issue 5: a solicitation due tomorrow, registered by the office in the reporting module (which declares its
 * deadline to the notification module), produces an inbox notification; the bell of the open page shows it without
 * a reload (htmx polling), and the test SMTP server (GreenMail) and the fake robot receive the same message.
 */
@BrowserTest
@TestPropertySource(properties = "infodesk.notification.first-backoff=0s")
class NotificationJourneyTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	Accounts accounts;

	@Autowired
	Channels channels;

	@Autowired
	Solicitations solicitations;

	@Autowired
	Notifications notifications;

	@Autowired
	Organization organization;

	@Autowired
	AccountUserDetailsService userDetails;

	@Autowired
	Reminders reminders;

	@Autowired
	Deliveries deliveries;

	@Autowired
	Clock clock;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSolicitationDueTomorrowRingsTheBellWithoutReloadAndReachesMailAndRobot(Browser browser) throws Exception {
		List<String> robot = new java.util.concurrent.CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/robot", exchange -> {
			robot.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			byte[] ok = "{\"errcode\":0}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
			exchange.close();
		});
		receiver.start();
		try {
			long staff = accounts.searchAll(new AccountFilter("staff", null, null)).stream()
				.filter(a -> a.getUsername().equals("staff")).findFirst().orElseThrow().getId();
			TestUsers.logIn(TestUsers.of(Role.ADMIN));
			channels.saveSmtp("127.0.0.1", greenMail.getSmtp().getPort(), null, null, "infodesk@bureau.test", false);
			channels.create(ChannelKind.EMAIL, "钱进邮箱", "qianjin@bureau.test", null, null, staff);
			channels.create(ChannelKind.WECOM, "物业管理科群", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/robot",
					null, null, staff);

			browser.logIn("staff", DemoLogins.PASSWORD);
			browser.open("/notifications", "inbox-empty");
			assertThat(browser.exists("#notification-unread")).isFalse();

			// the office registers a solicitation due in 23 hours, owner 钱进: reporting declares its deadline
			io.infodesk.shared.security.AuthenticatedUser office = (io.infodesk.shared.security.AuthenticatedUser) userDetails
				.loadUserByUsername("office");
			TestUsers.logIn(office);
			long body = solicitations.activeBodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst()
				.orElseThrow().getId();
			long unit = organization.personNamed("物业管理科", "钱进").orElseThrow().getUnitId();
			long person = organization.personNamed("物业管理科", "钱进").orElseThrow().getId();
			java.time.LocalDateTime deadline = java.time.LocalDateTime
				.ofInstant(Instant.now(clock).plus(Duration.ofHours(23)), clock.getZone())
				.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
			Solicitation solicitation = solicitations.register(new SolicitationForm(body, "物业服务提质", null,
					java.time.LocalDate.now(clock), deadline, List.of(unit), List.of(person)), office);
			reminders.run();
			assertThat(notifications.unreadCount(staff)).isEqualTo(1);
			String title = "约稿「物业服务提质」须于 "
					+ java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(deadline) + " 前报送";

			// no reload: the bell polls every 30 s
			new WebDriverWait(browser.driver(), Duration.ofSeconds(45))
				.until(d -> !d.findElements(By.cssSelector("#notification-unread")).isEmpty()
						&& d.findElement(By.cssSelector("#notification-unread")).getText().equals("1"));
			browser.screenshot("bell-rang");

			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				deliveries.deliverDue();
				assertThat(greenMail.getReceivedMessages()).hasSize(1);
				assertThat(robot).hasSize(1);
			});
			assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("【约稿到期】" + title);
			assertThat(robot.get(0)).contains(title, "/reporting/solicitations/" + solicitation.getId());
			assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
		}
		finally {
			receiver.stop(0);
		}
	}

}
