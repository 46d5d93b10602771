package io.infodesk.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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
 * The assessment journey of issue 4 in a real browser, on the demo data: the office raises the points of a 市级
 * adoption from 5 to 6 from today, submits the demo item "“红色物业”主题党日活动" and records its 市级 adoption
 * through the reporting pages; 物业管理科's total of the month rises by 6; the drill-down leads from the category
 * figure to the ledger entry (scored by the new rule version) and from it to the item page. In December the office
 * previews and issues the November 通报, downloads its DOCX, and the test opens it with POI and checks the title,
 * the period, the first row of the ranking table (as the ranking page shows it) and the adopted item's title.
 */
@BrowserTest
@Import(MutableClockConfiguration.class)
class AssessmentJourneyTests {

	static final String PARTY = "物业管理科党支部开展“红色物业”主题党日活动";

	static final String UNIT = "物业管理科";

	static final String NOVEMBER = "/assessment?kind=MONTH&year=2026&month=11&view=units";

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aRuleChangeScoresTheNextAdoptionTheDrillDownReachesTheItemAndTheMonthlyCircularIsIssued(Browser browser)
			throws Exception {
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open(NOVEMBER, "ranking-before");
		BigDecimal before = total(browser, UNIT);

		// the office raises 市级采用 from 5 to 6 points, from today
		browser.open("/assessment/rules", "rules");
		browser.clickAndWait("#rule-ADOPTION-CITY .rule-edit");
		browser.type("#points", "6");
		setValue(browser, "#validFrom", "2026-11-27");
		browser.type("#note", "市级采用提高到6分");
		browser.screenshot("rule-form");
		press(browser, "#rule-save");
		assertThat(browser.text(".app-toast")).contains("市级采用", "2026-11-27");
		assertThat(browser.text("#rule-ADOPTION-CITY")).contains("6");

		// the demo item waiting to be submitted: submitted to 区委办 and adopted at city level
		browser.open("/reporting/items?keyword=" + java.net.URLEncoder.encode("红色物业", java.nio.charset.StandardCharsets.UTF_8),
				"register-search");
		browser.driver().findElement(By.linkText(PARTY)).click();
		browser.waitFor("#item-title");
		assertThat(browser.text("#item-title")).isEqualTo(PARTY);
		String itemPath = browser.path();
		open(browser, "#submission-open");
		browser.select("#bodyId", "区委办");
		press(browser, "#submission-save");
		open(browser, "#adoption-open");
		browser.type("#outlet", "市《住建信息》");
		browser.type("#issue", "2026年第46期");
		browser.select("#level", "市级");
		browser.screenshot("adoption-form");
		press(browser, "#adoption-save");
		assertThat(browser.text("#item-status")).isEqualTo("已采用");

		// the ranking of the month rises by the new rule's 6 points (the listener runs after the commit)
		new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> {
			browser.open(NOVEMBER, "ranking-after");
			return total(browser, UNIT).compareTo(before.add(new BigDecimal("6"))) == 0;
		});

		// drill-down: the adoption figure of the unit → its entries → the entry of the item → the item page
		browser.clickAndWait(unitRowSelector(browser, UNIT) + " td:nth-child(4) a");
		browser.screenshot("entries");
		WebElement entry = browser.driver().findElement(By.xpath(
				"//table[@id='entries']//tr[td/a[@class='entry-source' and contains(text(), '红色物业')]]"));
		assertThat(entry.getText()).contains("市级采用（第", "6.00");
		String link = entry.findElement(By.cssSelector("a.entry-source")).getAttribute("href");
		assertThat(link).endsWith(itemPath);
		browser.clickAndWait("a.entry-source[href='" + itemPath + "']");
		assertThat(browser.text("#item-title")).isEqualTo(PARTY);
		browser.screenshot("item-from-entry");

		// in December the office previews the November 通报 and issues it
		clock.set(LocalDateTime.of(2026, 12, 2, 9, 0).atZone(TimeConfiguration.ZONE).toInstant());
		// days later the session has long been idle (the 30-minute idle timeout, issue 17): the office logs in again
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/assessment/circulars", "circulars");
		browser.type("#c-number", "住建办〔2026〕15号");
		browser.clickAndWait("#circular-preview");
		assertThat(browser.text("#circular-title")).isEqualTo("关于2026年11月份信息宣传工作情况的通报");
		assertThat(browser.text("#circular-mark")).isEqualTo("区住房和城乡建设局办公室文件");
		assertThat(browser.text("#circular-adoptions")).contains(PARTY);
		browser.screenshot("circular-preview");
		confirmAndWait(browser, "#circular-issue");
		assertThat(browser.text(".app-toast")).contains("关于2026年11月份信息宣传工作情况的通报", "已印发");
		browser.screenshot("circular-issued");
		WebElement row = browser.find("#circulars tbody tr");
		assertThat(row.getText()).contains("关于2026年11月份信息宣传工作情况的通报", "已印发");
		String sha256 = row.findElement(By.cssSelector(".circular-docx")).getAttribute("title");
		byte[] docx = download(browser, row.findElement(By.cssSelector(".circular-docx")).getAttribute("href"));
		assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(docx)))
			.isEqualTo(sha256);

		// the ranking page of November (the month now settled) is what the 通报's table shows
		browser.open(NOVEMBER, "ranking-issued");
		WebElement first = browser.find("#ranking tbody tr");
		String firstRank = first.findElement(By.cssSelector("td.rank")).getText();
		String firstName = first.findElement(By.cssSelector("td.name")).getText();
		String firstTotal = new BigDecimal(first.findElement(By.cssSelector("td.total")).getText()).stripTrailingZeros()
			.toPlainString();

		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			// a title too long for one line is one paragraph broken into lines (GbT9704.titleLines): read it whole
			List<String> lines = document.getParagraphs().stream().map(p -> p.getText().replace("\n", ""))
				.filter(text -> !text.isBlank()).toList();
			assertThat(lines.get(0)).isEqualTo("区住房和城乡建设局办公室文件");
			assertThat(lines.get(1)).isEqualTo("住建办〔2026〕15号");
			assertThat(lines).contains("关于2026年11月份信息宣传工作情况的通报");
			assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("2026年11月份，各科室、各单位共报送信息"));
			XWPFTable ranking = document.getTables().get(0);
			assertThat(ranking.getRow(0).getCell(0).getText()).isEqualTo("名次");
			assertThat(ranking.getRow(1).getCell(0).getText()).isEqualTo(firstRank);
			assertThat(ranking.getRow(1).getCell(1).getText()).isEqualTo(firstName);
			assertThat(ranking.getRow(1).getCell(8).getText()).isEqualTo(firstTotal);
			assertThat(document.getTables().get(1).getText()).contains(PARTY, "市《住建信息》（2026年第46期）");
		}
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	/** The total of a unit's row on the ranking page shown. */
	static BigDecimal total(Browser browser, String unit) {
		return new BigDecimal(browser.find(unitRowSelector(browser, unit) + " td.total").getText());
	}

	/** A CSS selector of the ranking row of a unit (rows carry no id: found by the name cell's position). */
	static String unitRowSelector(Browser browser, String unit) {
		List<WebElement> rows = browser.findAll("#ranking tbody tr");
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).findElements(By.cssSelector("td.name")).stream().anyMatch(td -> td.getText().equals(unit))) {
				return "#ranking tbody tr:nth-child(" + (i + 1) + ")";
			}
		}
		throw new AssertionError("no ranking row for " + unit);
	}

	static void press(Browser browser, String cssSelector) {
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		js.executeScript("arguments[0].form.requestSubmit(arguments[0]);", browser.find(cssSelector));
		waitForNewPage(browser);
	}

	static void confirmAndWait(Browser browser, String cssSelector) {
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		WebElement button = browser.find(cssSelector);
		js.executeScript("var button = arguments[0]; setTimeout(function () { button.form.requestSubmit(button); }, 0);",
				button);
		new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
		waitForNewPage(browser);
	}

	private static void waitForNewPage(Browser browser) {
		JavascriptExecutor js = browser.driver();
		new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
	}

	static void open(Browser browser, String cssSelector) {
		browser.driver().executeScript("arguments[0].click();", browser.find(cssSelector));
	}

	static void setValue(Browser browser, String cssSelector, String value) {
		browser.driver().executeScript("arguments[0].value = arguments[1];", browser.find(cssSelector), value);
	}

	/** Fetches a link with the browser's session, as the download button would. */
	static byte[] download(Browser browser, String href) throws Exception {
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue()).GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		return response.body();
	}

}
