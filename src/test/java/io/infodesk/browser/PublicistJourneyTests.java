package io.infodesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * A publicist (信息宣传员) of 物业管理科 sees their own unit and its people, nothing of other units, and no
 * editing actions (issue 2: data scope by unit; S2-a). Runs on the demo data.
 */
@BrowserTest
class PublicistJourneyTests {

	@Test
	void aPublicistSeesOwnUnitOnly(Browser browser) {
		browser.logIn("publicist", DemoLogins.PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.consoleErrors()).as("errors on the home page after login").isEmpty();
		assertThat(browser.text("#current-user")).isEqualTo("赵雪");
		assertThat(browser.text(".app-unit")).isEqualTo("物业管理科");
		assertThat(browser.text(".app-role")).isEqualTo("信息宣传员");
		// the dashboard counts only the own unit
		assertThat(browser.text("#stat-units")).isEqualTo("1");
		assertThat(browser.findAll("#home-units tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.getText()).startsWith("物业管理科"));

		browser.open("/org/people", "people");
		String people = browser.text("#people");
		assertThat(people).contains("赵雪", "孙伟", "钱进").doesNotContain("周敏", "吴静", "张建国");
		assertThat(browser.exists("#person-create")).as("no 新增 for a publicist").isFalse();
		assertThat(browser.exists("#person-import")).as("no 导入 for a publicist").isFalse();

		browser.open("/org/units", "units");
		assertThat(browser.text("#units")).contains("物业管理科").doesNotContain("办公室", "住房保障科");
		assertThat(browser.exists("#unit-create")).isFalse();
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();

		browser.open("/org/units/new", "unit-form-refused");
		assertThat(browser.text("#error-title")).isEqualTo("无权访问");
	}

}
