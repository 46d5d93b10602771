package io.infodesk.research.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.organization.Organization;
import io.infodesk.research.Competitions;
import io.infodesk.research.Paper;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * A complete paper competition in the browser from the demo logins (issue 15, "Tests" and "Acceptance"): the office
 * opens it with three judges (张建国, 李明华, 吴静), two people of 物业管理科 submit a DOCX each, the office closes
 * submissions, each judge scores both papers on the blind sheet (code and title only), the office has the awards
 * proposed and publishes them, the author finds the result and downloads the certificate DOCX; then 组织人事科
 * records a training session with 赵雪 signed in, which shows on her profile.
 */
@BrowserTest
class ResearchJourneyTests {

	@Autowired
	Competitions competitions;

	@Autowired
	Organization organization;

	@Test
	void aPaperCompetitionRunsFromTheDemoLoginsAndATrainingShowsOnTheProfile(Browser browser) throws Exception {
		String title = "浏览器测试调研论文评比" + System.nanoTime() % 100000;
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/research/competitions/new", "competition-form");
		browser.type("#title", title);
		browser.selectContaining("#judgePersonIds", "张建国");
		browser.selectContaining("#judgePersonIds", "李明华");
		browser.selectContaining("#judgePersonIds", "吴静");
		scrollTo(browser, "#competition-save").clickAndWait("#competition-save").screenshot("competition-opened");
		assertThat(browser.text("#competition-status")).isEqualTo("征集中");
		String competitionPath = browser.path();
		long competitionId = Long.parseLong(competitionPath.substring(competitionPath.lastIndexOf('/') + 1));
		browser.logOut();

		submit(browser, "publicist", competitionPath, "关于物业服务质量提升的调研", "物业服务质量提升调研正文");
		submit(browser, "staff", competitionPath, "老旧小区物业费收缴难题的对策", "物业费收缴对策正文");

		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open(competitionPath, "before-judging");
		confirmAndWait(browser, "#start-judging");
		browser.logOut();

		List<Paper> papers = competitions.papers(competitionId);
		assertThat(papers).hasSize(2);
		String[][] sheets = { { "28", "27", "28", "9" }, { "22", "21", "20", "7" } };
		for (String judge : List.of("leader", "charge", "personnel")) {
			browser.logIn(judge, DemoLogins.PASSWORD);
			browser.open("/research/judging", "judging-" + judge);
			String list = browser.pageText();
			assertThat(list).contains(papers.get(0).code(), papers.get(1).code()).doesNotContain("赵雪", "钱进");
			for (int p = 0; p < papers.size(); p++) {
				Paper paper = papers.get(p);
				String[] sheet = paper.title().startsWith("关于物业服务") ? sheets[0] : sheets[1];
				browser.open("/research/judging/papers/" + paper.id(), "sheet-" + judge + "-" + p);
				assertThat(browser.pageText()).doesNotContain("赵雪", "钱进", "物业管理科");
				List<WebElement> inputs = browser.findAll("#score-form input[name^='c']");
				assertThat(inputs).hasSize(4);
				for (int i = 0; i < inputs.size(); i++) {
					inputs.get(i).clear();
					inputs.get(i).sendKeys(sheet[i]);
				}
				scrollTo(browser, "#score-save").clickAndWait("#score-save");
			}
			assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
			browser.logOut();
		}

		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open(competitionPath, "judged");
		scrollTo(browser, "#propose").clickAndWait("#propose").screenshot("proposed");
		assertThat(browser.text("#papers")).contains("赵雪", "一等奖");
		confirmAndWait(browser, "#publish");
		browser.screenshot("published");
		assertThat(browser.text("#competition-status")).isEqualTo("已公布");
		browser.logOut();

		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open(competitionPath, "results-for-author");
		assertThat(browser.pageText()).contains("关于物业服务质量提升的调研", "一等奖");
		String href = browser.find("#my-papers a.certificate").getAttribute("href");
		byte[] docx = download(browser, href);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(document)) {
			assertThat(text.getText()).contains("荣誉证书", "赵雪", "关于物业服务质量提升的调研", "一等奖", title);
		}
		browser.logOut();

		// a training session: 组织人事科 records it with 赵雪 invited and signs her in; it shows on her profile
		long zhao = organization.personNamed("物业管理科", "赵雪").orElseThrow().getId();
		String topic = "浏览器测试信息写作实务培训" + System.nanoTime() % 100000;
		browser.logIn("personnel", DemoLogins.PASSWORD);
		browser.open("/training/sessions/new", "session-form");
		browser.type("#topic", topic);
		browser.type("#trainer", "市委宣传部 王老师");
		browser.type("#place", "局三楼会议室");
		browser.selectContaining("#invitedPersonIds", "赵雪");
		scrollTo(browser, "#session-save");
		browser.clickAndWait("#session-save").screenshot("session");
		WebElement row = browser.find("#attendance-" + zhao);
		new Select(row.findElement(By.name("status"))).selectByValue("PRESENT");
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		WebElement save = row.findElement(By.cssSelector("button[type=submit]"));
		js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", save);
		save.click();
		new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
		assertThat(browser.text("#attendance-" + zhao)).contains("已签到");
		browser.logOut();

		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open("/training/people/" + zhao, "profile");
		assertThat(browser.text("#profile-records")).contains(topic, "已签到");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	/**
	 * Research topics in the browser (S3.3-a/b/c): the office registers a topic of 物业管理科 led by 赵雪 with 曹阳 in the
	 * group, edits its title, and 赵雪 records a symposium in the activity log, which puts the topic under way.
	 */
	@Test
	void theOfficeRegistersAndEditsATopicAndTheLeadRecordsAnActivity(Browser browser) throws Exception {
		String title = "浏览器测试老旧小区加装电梯调研" + System.nanoTime() % 100000;
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/research/topics/new", "topic-form");
		browser.type("#title", title);
		browser.select("#aim", "寻求瓶颈突破");
		browser.select("#unitId", "物业管理科");
		browser.selectContaining("#leadPersonId", "赵雪（物业管理科）");
		browser.selectContaining("#memberPersonIds", "曹阳");
		scrollTo(browser, "#topic-save").clickAndWait("#topic-save").screenshot("topic-registered");
		assertThat(browser.text("#topic-lead")).isEqualTo("赵雪");
		assertThat(browser.text("#topic-members")).contains("曹阳");
		String topicPath = browser.path();
		browser.clickAndWait("#topic-edit");
		browser.find("#title").clear();
		browser.type("#title", title + "（修改）");
		scrollTo(browser, "#topic-save").clickAndWait("#topic-save").screenshot("topic-edited");
		assertThat(browser.text(".app-toast")).contains("课题已修改");
		assertThat(browser.pageText()).contains(title + "（修改）");
		browser.logOut();

		browser.logIn("publicist", DemoLogins.PASSWORD);
		browser.open(topicPath, "topic-lead");
		browser.select("#activity-kind", "座谈会");
		browser.type("#activity-summary", "听取业主和物业企业对加装电梯的意见");
		scrollTo(browser, "#activity-save").clickAndWait("#activity-save");
		assertThat(browser.text("#topic-status")).isEqualTo("调研中");
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	private static void submit(Browser browser, String username, String competitionPath, String title, String text)
			throws Exception {
		browser.logIn(username, DemoLogins.PASSWORD);
		browser.open(competitionPath, "submit-" + username);
		Path file = Files.createTempFile("paper-", ".docx");
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			Files.write(file, out.toByteArray());
		}
		browser.type("#paper-title", title);
		browser.find("#paper-file").sendKeys(file.toAbsolutePath().toString());
		scrollTo(browser, "#paper-submit").clickAndWait("#paper-submit").screenshot("submitted-" + username);
		assertThat(browser.text("#my-papers")).contains(title);
		Files.deleteIfExists(file);
		browser.logOut();
	}

	static Browser scrollTo(Browser browser, String cssSelector) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(cssSelector));
		return browser;
	}

	static void confirmAndWait(Browser browser, String cssSelector) {
		JavascriptExecutor js = browser.driver();
		js.executeScript("window.__infodeskOldPage = true;");
		WebElement button = browser.find(cssSelector);
		js.executeScript("var button = arguments[0]; setTimeout(function () { button.form.requestSubmit(button); }, 0);",
				button);
		new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
		new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> js.executeScript("return window.__infodeskOldPage === undefined && document.readyState === 'complete'")
				.equals(Boolean.TRUE));
	}

	static byte[] download(Browser browser, String href) throws Exception {
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session.getValue()).GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
