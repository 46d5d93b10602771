package io.infodesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.infodesk.account.Role;
import io.infodesk.account.internal.Totp;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * Issue 17 in a real browser: an administrator enrols a second factor (QR code and secret on the page, the code
 * computed here from that secret like an authenticator app does), receives the recovery codes, logs out, and logs in
 * with password and code; the previous login is shown. Behind a proxy the forwarded https gives HSTS and the client's
 * address (finding 10).
 */
@BrowserTest
class SecondFactorJourneyTests {

	static final String ADMIN = "totp-admin";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void removeFactor() {
		jdbc.update("delete from acc_recovery_code where user_id in (select id from acc_user where username = ?)", ADMIN);
		jdbc.update("delete from acc_factor where user_id in (select id from acc_user where username = ?)", ADMIN);
	}

	@Test
	void anAdministratorEnrolsAFactorAndLogsInWithIt(Browser browser) {
		DemoLogins.ensure(context, ADMIN, "动态口令管理员", Role.ADMIN);
		browser.logIn(ADMIN, DemoLogins.PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		browser.open("/account/factor", "factor-enrol");
		assertThat(browser.exists("#factor-qr")).isTrue();
		Object qrWidth = browser.driver().executeScript("return document.getElementById('factor-qr').naturalWidth");
		assertThat(((Number) qrWidth).intValue()).as("the QR code PNG loaded").isGreaterThan(100);
		String secret = browser.text("#factor-secret").replace(" ", "");
		long step = Totp.step(Instant.now(clock));
		browser.type("#code", Totp.code(secret, step)).clickAndWait("#factor-confirm");
		browser.screenshot("recovery-codes");
		assertThat(browser.findAll("#recovery-codes li")).hasSize(10);
		browser.clickAndWait("#factor-continue");
		assertThat(browser.text("#factor-enrolled")).contains("已启用动态口令", "10");
		browser.logOut();

		browser.logIn(ADMIN, DemoLogins.PASSWORD);
		assertThat(browser.path()).isEqualTo("/login/factor");
		browser.open("/", "still-factor");
		assertThat(browser.path()).isEqualTo("/login/factor");
		// the enrolment used this step's code: the authenticator's next code (one step ahead) is accepted
		browser.type("#code", Totp.code(secret, step + 1)).clickAndWait("#factor-submit");
		browser.screenshot("after-factor");
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.text("#current-user")).isEqualTo("动态口令管理员");
		assertThat(browser.text("#last-login")).contains("上次登录");
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(jdbc.queryForObject("select summary from audit_entry where action = 'LOGIN' and actor = ? "
				+ "order by seq desc limit 1", String.class, ADMIN)).contains("动态口令");
	}

	@Test
	void behindTheProxyHttpsGivesHstsAndTheClientsAddressReachesTheAuditTrail(Browser browser) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

		String csrf = response.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		client.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=proxy-nobody&password=x&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(jdbc.queryForObject("select actor_ip from audit_entry where actor = 'proxy-nobody' order by seq desc "
				+ "limit 1", String.class)).isEqualTo("203.0.113.9");
	}

}
