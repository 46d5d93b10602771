package io.infodesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.infodesk.account.Role;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/** Logging in and out in a real browser, in Chinese (issue 2, point 5). */
@BrowserTest
class LoginJourneyTests {

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void demoAccount() {
		DemoLogins.ensure(context, "staff", "钱进", Role.STAFF);
	}

	@Test
	void theLoginPageSpeaksChinese(Browser browser) {
		browser.open("/login", "login");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.driver().getTitle()).isEqualTo("登录 - 信息宣传工作平台");
		assertThat(browser.text(".login-title")).isEqualTo("信息宣传工作平台");
		assertThat(browser.text("label[for=username]")).isEqualTo("用户名");
		assertThat(browser.text("label[for=password]")).isEqualTo("密码");
		assertThat(browser.text("#login-submit")).isEqualTo("登录");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aWrongPasswordShowsTheChineseErrorAndKeepsTheUserOut(Browser browser) {
		browser.open("/login", "login");
		browser.type("#username", "staff").type("#password", "wrong-password").clickAndWait("#login-submit");
		browser.screenshot("wrong-password");
		assertThat(browser.path()).isEqualTo("/login?error=bad");
		assertThat(browser.text("#login-error")).isEqualTo("用户名或密码错误");
		browser.open("/", "still-logged-out");
		assertThat(browser.path()).isEqualTo("/login");
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPage(Browser browser) {
		browser.open("/", "home-anonymous");
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.exists("#login-form")).isTrue();
	}

	@Test
	void aDemoAccountLogsInSeesItsNameAndLogsOut(Browser browser) {
		browser.logIn("staff", DemoLogins.PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.consoleErrors()).as("errors on the home page after login").isEmpty();
		assertThat(browser.text("#current-user")).isEqualTo("钱进");
		assertThat(browser.text(".app-role")).isEqualTo("普通干部");
		assertThat(browser.driver().getTitle()).isEqualTo("首页 - 信息宣传工作平台");

		browser.logOut();
		assertThat(browser.path()).isEqualTo("/login?logout");
		assertThat(browser.pageText()).contains("您已安全退出");
		browser.open("/", "after-logout");
		assertThat(browser.path()).isEqualTo("/login");
	}

}
