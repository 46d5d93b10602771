package io.infodesk.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * S3.2-d in a real browser: the office follows the menu to the coverage register, records a 头版头条 in 市日报 credited
 * to 赵雪 with a clipping — first dated in the future (refused in Chinese, nothing saved), then correctly — sees the
 * record with its clipping, and 物业管理科's October total in the ranking rises by 8 (市级 4 × 头版头条 2).
 */
@BrowserTest
class CoverageJourneyTests {

	static final String OCTOBER = "/assessment?kind=MONTH&year=2026&month=10&view=units";

	static final String UNIT = "物业管理科";

	static final String TITLE = "老旧小区物业服务全覆盖（浏览器测试）";

	@Test
	void theOfficeRecordsACoverageWithAClippingAndTheUnitsScoreRises(Browser browser) throws Exception {
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open(OCTOBER, "ranking-before");
		BigDecimal before = AssessmentJourneyTests.total(browser, UNIT);

		browser.open("/publicity/coverage", "register");
		browser.clickAndWait("#coverage-create");
		Path clipping = Files.createTempFile("clipping-", ".png");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
				clipping.toFile());
		browser.selectContaining("#outletId", "市日报");
		AssessmentJourneyTests.setValue(browser, "#publishedOn", "2099-10-20");
		browser.type("#title", TITLE);
		browser.select("#placement", "头版头条");
		browser.select("#credit-person-0", "赵雪");
		browser.find("#evidence").sendKeys(clipping.toString());
		browser.clickAndWait("#coverage-save");
		assertThat(browser.pageText()).contains("刊播日期不能晚于今天");
		browser.screenshot("coverage-refused");

		AssessmentJourneyTests.setValue(browser, "#publishedOn", "2026-10-20");
		browser.find("#evidence").sendKeys(clipping.toString());
		browser.clickAndWait("#coverage-save");
		assertThat(browser.text(".app-toast")).contains("见报播出已登记");
		assertThat(browser.text("#coverage-record")).contains(TITLE, "市日报", "头版头条", "赵雪");
		assertThat(browser.exists("#coverage-record img")).isTrue();
		browser.screenshot("coverage-recorded");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();

		Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
			browser.open(OCTOBER, "ranking-after");
			return AssessmentJourneyTests.total(browser, UNIT).compareTo(before.add(new BigDecimal("8"))) == 0;
		});
	}

}
