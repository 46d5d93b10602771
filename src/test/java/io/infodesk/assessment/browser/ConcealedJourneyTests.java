package io.infodesk.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * The 瞒报漏报 register in a real browser: the office follows the menu to the register, records a concealed report
 * (confirming the deduction), then withdraws it as made in error — first without a reason (refused in Chinese,
 * nothing changed), then with one; the register shows it 已撤销 with the reason and no 撤销 button.
 */
@BrowserTest
class ConcealedJourneyTests {

	static final String SUBJECT = "某小区燃气泄漏事件（浏览器测试）";

	@Test
	void theOfficeRecordsAConcealedReportAndWithdrawsItWithAReason(Browser browser) {
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/", "home");
		browser.clickAndWait("a.nav-link[href='/reporting/concealed']");
		assertThat(browser.text("h1, .breadcrumb")).contains("瞒报漏报登记");

		browser.clickAndWait("#concealed-create");
		browser.select("#unitId", "物业管理科");
		browser.select("#kind", "瞒报");
		// a day of last year: the deduction and its cancellation stay out of the months other journeys rank
		AssessmentJourneyTests.setValue(browser, "#occurredOn", "2025-10-15");
		browser.type("#subject", SUBJECT);
		browser.type("#reason", "事发当日未按规定报送");
		AssessmentJourneyTests.confirmAndWait(browser, "#concealed-save");
		assertThat(browser.text(".app-toast")).contains("已登记瞒报漏报记录");
		WebElement row = row(browser);
		assertThat(row.getText()).contains("2025-10-15", "物业管理科", "瞒报", "有效");

		row.findElement(By.cssSelector("a.concealed-withdraw")).click();
		browser.waitFor("#withdraw-form");
		assertThat(browser.text("#concealed-record")).contains(SUBJECT, "事发当日未按规定报送");
		browser.screenshot("concealed-withdraw");
		// no reason: refused in Chinese, the record still stands
		AssessmentJourneyTests.confirmAndWait(browser, "#withdraw-submit");
		assertThat(browser.text("#withdraw-error")).isEqualTo("请填写撤销理由");
		assertThat(browser.text("#concealed-record-status")).isEqualTo("有效");

		browser.type("#reason", "经核实该科室已于当日电话报告");
		AssessmentJourneyTests.confirmAndWait(browser, "#withdraw-submit");
		assertThat(browser.text(".app-toast")).contains("已撤销瞒报漏报记录");
		WebElement withdrawn = row(browser);
		assertThat(withdrawn.getText()).contains("已撤销", "经核实该科室已于当日电话报告");
		assertThat(withdrawn.findElements(By.cssSelector("a.concealed-withdraw"))).isEmpty();
		browser.screenshot("concealed-withdrawn");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	private static WebElement row(Browser browser) {
		return browser.driver().findElement(By.xpath("//table[@id='concealed-reports']//tr[td[text()='" + SUBJECT + "']]"));
	}

}
