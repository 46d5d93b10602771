package io.infodesk.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * The information-reporting journey of issue 3 in a real browser, on the demo data, as the demo users would do
 * it by hand: a publicist answers the demo solicitation of 区委办, the head of the unit returns it with a
 * comment, the publicist revises, the chain approves up to the leader in charge, the office submits it to
 * 区委办 (delivering the solicitation), records a 市级 adoption and a leader instruction, and the register shows
 * it adopted, and full-text search finds it by a word of its title; a same-day item drafted at 22:30 shows its countdown on the item page and the board
 * (S3.1-a … S3.1-d). The clock is the test's, so times are exact.
 */
@BrowserTest
@Import(MutableClockConfiguration.class)
class ReportingJourneyTests {

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetClock() {
		clock.reset();
	}

	/** Clicks a button that asks for confirmation (data-confirm), accepts, and waits for the next page. */
	static void confirmAndWait(Browser browser, String cssSelector) {
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		WebElement button = browser.find(cssSelector);
		// the submit listener of app.js asks (data-confirm); the alert is accepted below
		js.executeScript("var button = arguments[0]; setTimeout(function () { button.form.requestSubmit(button); }, 0);",
				button);
		new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
		new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
	}

	/**
	 * Presses a form's submit button and waits for the next page. The form is submitted as the button would
	 * submit it ({@code requestSubmit(button)}: validation, submit listeners and the button's name all apply);
	 * headless Chromium refuses a plain click on a button below the first screen of a long form.
	 */
	static void press(Browser browser, String cssSelector) {
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		js.executeScript("arguments[0].form.requestSubmit(arguments[0]);", browser.find(cssSelector));
		new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
	}

	/** Opens a folded form (a {@code <summary>}), wherever it is on the page. */
	static void open(Browser browser, String cssSelector) {
		browser.driver().executeScript("arguments[0].click();", browser.find(cssSelector));
	}

	static void setValue(Browser browser, String cssSelector, String value) {
		WebElement field = browser.find(cssSelector);
		browser.driver().executeScript("arguments[0].value = arguments[1];", field, value);
	}

	static void openItem(Browser browser, String title) {
		browser.open("/reporting/items?keyword=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
				"register-search");
		browser.clickAndWait("#items td.item-title a");
	}

	@Test
	void anAnswerToASolicitationGoesFromDraftToAdoption(Browser browser) {
		String title = "我区完成冬季供暖设施隐患整改" + UUID.randomUUID().toString().substring(0, 4);

		// the publicist answers the demo solicitation of 区委办
		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open("/reporting/solicitations", "solicitations");
		browser.driver().findElement(By.partialLinkText("冬季供暖保障和物业服务工作开展情况")).click();
		browser.waitFor("#solicitation-answer");
		browser.screenshot("solicitation");
		browser.clickAndWait("#solicitation-answer");
		assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#solicitationId")).getFirstSelectedOption()
			.getText()).contains("冬季供暖保障和物业服务工作开展情况");
		browser.type("#title", title);
		browser.type("#body", "区住建局督促物业服务企业完成供暖设施隐患整改。\n共整改隐患 132 处。");
		browser.find("#angle-HOT_ISSUE").click();
		browser.find("#source-CORE_DUTY").click();
		browser.screenshot("item-form");
		press(browser, "#item-save");
		assertThat(browser.text("#item-title")).isEqualTo(title);
		assertThat(browser.text("#item-solicitation")).contains("区委办");

		// verification, then submission for review
		browser.select("#method", "电话回访");
		browser.type("#counterpart", "某小区业委会 王主任");
		browser.type("#confirmed", "隐患整改数量属实");
		press(browser, "#verification-add");
		assertThat(browser.text("#verification-table")).contains("电话回访", "某小区业委会 王主任");
		confirmAndWait(browser, "#review-submit");
		assertThat(browser.text(".app-toast")).contains("已送审");
		assertThat(browser.text("#item-status")).isEqualTo("审核中");
		browser.logOut();

		// the head of the unit returns it with a comment
		browser.logIn("head", DemoLogins.PASSWORD);
		browser.open("/inbox", "head-inbox");
		browser.driver().findElement(By.linkText(title)).click();
		browser.waitFor("#review-form");
		browser.type("#review-comment", "请写明整改涉及的小区数量");
		confirmAndWait(browser, "#review-return");
		assertThat(browser.text("#item-status")).isEqualTo("退回修改");
		browser.logOut();

		// the publicist sees the comment and revises
		browser.logIn("publicist", DemoLogins.PASSWORD);
		openItem(browser, title);
		assertThat(browser.text("#return-comment")).contains("孙伟", "请写明整改涉及的小区数量");
		browser.clickAndWait("#item-edit");
		browser.type("#body", "区住建局督促物业服务企业完成供暖设施隐患整改。\n共涉及小区 86 个，整改隐患 132 处。");
		press(browser, "#item-save");
		assertThat(browser.text("#item-revision")).isEqualTo("2");
		confirmAndWait(browser, "#review-submit");
		browser.logOut();

		// the chain approves: head of unit, office, leader in charge
		for (String reviewer : new String[] { "head", "office", "charge" }) {
			browser.logIn(reviewer, DemoLogins.PASSWORD);
			openItem(browser, title);
			browser.screenshot("review-" + reviewer);
			press(browser, "#review-approve");
			browser.logOut();
		}

		// the office submits it to 区委办 and records adoption and instruction
		browser.logIn("office", DemoLogins.PASSWORD);
		openItem(browser, title);
		assertThat(browser.text("#item-status")).isEqualTo("已审签");
		open(browser, "#submission-open");
		browser.select("#bodyId", "区委办");
		browser.screenshot("submission-form");
		press(browser, "#submission-save");
		assertThat(browser.text("#submission-table")).contains("区委办", "报送平台");
		open(browser, "#adoption-open");
		browser.type("#outlet", "市《住建信息》");
		browser.type("#issue", "2026年第45期");
		browser.select("#level", "市级");
		press(browser, "#adoption-save");
		open(browser, "#instruction-open");
		browser.select("#instruction-level", "市级");
		browser.type("#leader", "市住建局局长");
		browser.type("#summary", "请总结推广供暖保障经验");
		press(browser, "#instruction-save");
		assertThat(browser.text("#item-status")).isEqualTo("已采用");
		assertThat(browser.text("#item-adoption-level")).isEqualTo("最高市级采用");
		assertThat(browser.text("#instruction-table")).contains("市住建局局长");

		// the register shows it adopted; the solicitation is delivered on time
		browser.open("/reporting/items?keyword=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
				"register");
		assertThat(browser.text("#items")).contains(title, "已采用", "最高市级采用");
		assertThat(browser.find("#item-export").getAttribute("href")).contains("/reporting/items/export");
		// ... and in full-text search: a word of its title finds it, marked, adopted at city level
		String suffix = title.substring(title.length() - 4);
		browser.open("/reporting/search?q=" + java.net.URLEncoder.encode("隐患整改 " + suffix,
				java.nio.charset.StandardCharsets.UTF_8) + "&level=CITY", "search");
		assertThat(browser.text("#search-hits .search-title")).isEqualTo(title);
		assertThat(browser.driver().findElements(By.cssSelector("#search-hits .search-title mark"))).isNotEmpty();
		assertThat(browser.text("#search-hits")).contains("已采用", "最高市级采用");
		browser.open("/reporting/solicitations?state=DELIVERED_ON_TIME", "solicitations-delivered");
		assertThat(browser.text("#solicitations")).contains("冬季供暖保障和物业服务工作开展情况", "按时报送");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void aSameDayItemDraftedAtHalfPastTenShowsItsCountdown(Browser browser) {
		clock.set(LocalDateTime.of(2026, 11, 27, 22, 30).atZone(TimeConfiguration.ZONE).toInstant());
		String title = "某小区燃气管道泄漏紧急处置" + UUID.randomUUID().toString().substring(0, 4);
		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open("/reporting/items/new", "urgent-form");
		browser.type("#title", title);
		browser.type("#body", "22 时许某小区燃气管道泄漏，物业第一时间疏散住户并报燃气公司抢修。");
		assertThat(browser.find("[data-urgent-detail]").isDisplayed()).as("urgency fields hidden until ticked").isFalse();
		browser.find("#urgent").click();
		browser.select("#urgentCategory", "应急抢险");
		setValue(browser, "#eventAt", "2026-11-27T22:05");
		press(browser, "#item-save");
		assertThat(browser.text("#item-urgent")).contains("应急抢险", "2026-11-27 23:59:59");
		assertThat(browser.text("#item-urgent-timing")).isEqualTo("剩余 1小时30分");

		clock.advance(Duration.ofMinutes(45));
		// 45 idle minutes end the session (the 30-minute idle timeout, issue 17): the publicist logs in again
		browser.open("/reporting/urgent", "urgent-board-timed-out");
		assertThat(browser.driver().getCurrentUrl()).contains("/login?timeout");
		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open("/reporting/urgent", "urgent-board");
		WebElement row = browser.driver()
			.findElement(By.xpath("//table[@id='urgent-items']//tr[td/a[text()='" + title + "']]"));
		assertThat(row.findElement(By.cssSelector(".urgent-timing")).getText()).isEqualTo("剩余 45分钟");
		assertThat(row.getAttribute("class")).contains("table-warning");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

}
