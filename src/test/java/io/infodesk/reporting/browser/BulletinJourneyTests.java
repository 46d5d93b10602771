package io.infodesk.reporting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.infodesk.audit.MutableClock;
import io.infodesk.audit.MutableClockConfiguration;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * The bulletin journey of issue 3 point 7 in a real browser, on the demo data: the office compiles an issue of
 * 《住建信息》 from two signed-off items in its own order with an editor's note, sends it to the bureau leader, who
 * finds it in the work inbox and signs it; the office issues it and downloads the DOCX, and the test opens that
 * file and checks its 报头 (name, issue number, editing unit, date) and the item titles in order.
 */
@BrowserTest
@Import(MutableClockConfiguration.class)
class BulletinJourneyTests {

	static final String FEES = "我区探索物业服务费“质价相符”评价机制";

	static final String PARTY = "物业管理科党支部开展“红色物业”主题党日活动";

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetClock() {
		clock.reset();
	}

	static WebElement candidateRow(Browser browser, String title) {
		return browser.driver()
			.findElement(By.xpath("//table[@id='bulletin-candidates']//tr[td/label[text()='" + title + "']]"));
	}

	@Test
	void theOfficeCompilesTheLeaderSignsAndTheIssuedDocxHasItsMastheadAndItems(Browser browser) throws Exception {
		// the office compiles an issue: the party item first, then the fees item
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/reporting/bulletins", "bulletins");
		assertThat(browser.text("#bulletins")).contains("《住建信息》", "2026年第1期", "已印发归档");
		browser.clickAndWait("#bulletin-create");
		assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#periodicalId")).getFirstSelectedOption()
			.getText()).isEqualTo("《住建信息》");
		for (String title : List.of(PARTY, FEES)) {
			WebElement row = candidateRow(browser, title);
			browser.driver().executeScript("arguments[0].click();", row.findElement(By.cssSelector(".candidate-check")));
			browser.driver().executeScript("arguments[0].value = arguments[1];",
					row.findElement(By.cssSelector("input[type=number]")), title.equals(PARTY) ? "1" : "2");
		}
		browser.type("#editorNote", "现将物业管理科两项做法编发，供参阅。");
		browser.screenshot("bulletin-form");
		ReportingJourneyTests.press(browser, "#bulletin-save");
		assertThat(browser.text("#bulletin-status")).isEqualTo("编辑中");
		assertThat(browser.text("#bulletin-label")).isEqualTo("《住建信息》（待编号）");
		String preview = browser.text("#bulletin-paper");
		assertThat(preview).contains("住建信息", "第　期", "区住房和城乡建设局办公室编", PARTY, FEES);
		assertThat(preview.indexOf(PARTY)).isLessThan(preview.indexOf(FEES));
		ReportingJourneyTests.confirmAndWait(browser, "#bulletin-submit");
		assertThat(browser.text(".app-toast")).contains("已送审");
		assertThat(browser.text("#bulletin-status")).isEqualTo("审签中");
		String detailPath = browser.path();
		browser.logOut();

		// the bureau leader finds it in the work inbox and signs it
		browser.logIn("leader", DemoLogins.PASSWORD);
		browser.open("/inbox", "leader-inbox");
		browser.driver().findElement(By.partialLinkText("《住建信息》（待编号）")).click();
		browser.waitFor("#review-form");
		browser.screenshot("bulletin-review");
		ReportingJourneyTests.press(browser, "#review-approve");
		assertThat(browser.text("#bulletin-status")).isEqualTo("已审签待印发");
		assertThat(browser.exists("#bulletin-issue")).as("the leader signs, the office issues").isFalse();
		browser.logOut();

		// the office issues it and downloads the archived DOCX
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open(detailPath, "bulletin-signed");
		ReportingJourneyTests.confirmAndWait(browser, "#bulletin-issue");
		assertThat(browser.text("#bulletin-status")).isEqualTo("已印发归档");
		String label = browser.text("#bulletin-label");
		assertThat(label).matches("《住建信息》2026年第\\d+期");
		String issue = label.substring(label.indexOf("年") + 1);
		String sha256 = browser.text("#bulletin-sha256");
		browser.screenshot("bulletin-issued");
		byte[] docx = download(browser, browser.find("#bulletin-download").getAttribute("href"));

		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<String> lines = document.getParagraphs().stream().map(XWPFParagraph::getText)
				.filter(text -> !text.isBlank()).toList();
			assertThat(lines.get(0)).isEqualTo("住建信息");
			assertThat(document.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
			assertThat(lines.get(1)).isEqualTo(issue);
			assertThat(lines.get(2)).isEqualTo("区住房和城乡建设局办公室编\t2026年11月27日");
			assertThat(lines.get(3)).isEqualTo("编者按：现将物业管理科两项做法编发，供参阅。");
			assertThat(lines).contains(PARTY, FEES);
			assertThat(lines.indexOf(PARTY)).isLessThan(lines.indexOf(FEES));
			assertThat(document.getTables().get(0).getText()).contains("报送：区委办公室", "（共印30份）");
		}
		assertThat(java.util.HexFormat.of().formatHex(
				java.security.MessageDigest.getInstance("SHA-256").digest(docx))).isEqualTo(sha256);
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
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
