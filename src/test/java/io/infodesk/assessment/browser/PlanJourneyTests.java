package io.infodesk.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.organization.Organization;
import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * S3.2-a…d in a real browser (issue 12, "Browser journey"): 物业管理科's head submits the year's plan with a node on
 * 5·12 → 组织人事科 returns it with a comment → the head amends and resubmits → 组织人事科 files it; the calendar shows the
 * node beside 5·12 防灾减灾日 (month and week views); the office plans a topic on that point and assigns the coverage to 赵雪; records the
 * coverage with a clipping and marks the assignment fulfilled by it; the plan point shows as done and the unit's month
 * total in the ranking rose by 4 (市级, 一般版面).
 */
@BrowserTest
class PlanJourneyTests {

	static final String UNIT = "物业管理科";

	static final String WORK = "物业服务提升行动（浏览器测试）";

	static final String TITLE = "物业服务提升行动见实效（浏览器测试）";

	@Autowired
	Clock clock;

	@Autowired
	Organization organization;

	@Test
	void aPlanIsReturnedAmendedFiledCoveredThroughATopicAndThePointIsDone(Browser browser) throws Exception {
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		long unit = organization.activeUnits().stream().filter(u -> u.getName().equals(UNIT)).findFirst().orElseThrow().getId();
		String planPath = "/publicity/plans/" + unit + "/" + year;

		// the unit head drafts and submits
		browser.logIn("head", DemoLogins.PASSWORD);
		browser.open(planPath, "plan-draft");
		browser.type("input[name='points[0].work']", WORK);
		browser.select("select[name='points[0].form']", "新媒体");
		browser.select("select[name='points[0].targetTier']", "市级");
		browser.find("input[name='points[0].month']").clear();
		AssessmentJourneyTests.setValue(browser, "input[name='points[0].date']", year + "-05-12");
		click(browser, "#plan-save");
		assertThat(browser.text(".app-toast")).contains("宣传要点已保存");
		click(browser, "#plan-submit");
		assertThat(browser.text("#plan-status-badge")).isEqualTo("待备案");
		browser.logOut();

		// 组织人事科 returns it with a comment
		browser.logIn("personnel", DemoLogins.PASSWORD);
		browser.open("/publicity/plans?year=" + year, "plan-status");
		assertThat(browser.text("#plan-unit-" + unit)).contains("待备案");
		browser.open(planPath, "plan-to-return");
		browser.type("#return-comment", "请明确 5·12 当天的宣传形式和目标媒体");
		click(browser, "#plan-return");
		assertThat(browser.text("#plan-status-badge")).isEqualTo("已退回");
		browser.logOut();

		// the head amends and resubmits
		browser.logIn("head", DemoLogins.PASSWORD);
		browser.open(planPath, "plan-returned");
		assertThat(browser.text("#plan-comment")).contains("请明确 5·12 当天的宣传形式和目标媒体");
		browser.select("select[name='points[0].form']", "新闻报道");
		click(browser, "#plan-save");
		click(browser, "#plan-submit");
		browser.logOut();

		// 组织人事科 files it
		browser.logIn("personnel", DemoLogins.PASSWORD);
		browser.open(planPath, "plan-to-file");
		assertThat(browser.findAll("#plan-revisions .plan-revision").size()).isGreaterThanOrEqualTo(2);
		click(browser, "#plan-file");
		assertThat(browser.text("#plan-status-badge")).isEqualTo("已备案");
		browser.logOut();

		// the calendar shows the node beside 5·12
		browser.logIn("office", DemoLogins.PASSWORD);
		browser.open("/publicity/calendar?month=" + year + "-05", "calendar-may");
		assertThat(browser.text("#day-" + year + "-05-12")).contains("5·12 防灾减灾日", "【物业管理科】" + WORK);
		browser.clickAndWait("#calendar-week");
		browser.open("/publicity/calendar/week?day=" + year + "-05-12", "calendar-week");
		assertThat(browser.text("#day-" + year + "-05-12")).contains("5·12 防灾减灾日", "【物业管理科】" + WORK);

		// a planning item on that point, its coverage assigned to 赵雪
		browser.open("/publicity/topics", "topics");
		browser.type("#topic-title", "物业服务提升行动专题报道（浏览器测试）");
		browser.select("#topic-unit", UNIT);
		browser.selectContaining("#topic-points", WORK);
		click(browser, "#topic-save");
		assertThat(browser.text(".app-toast")).contains("选题策划已创建");
		String topicPath = browser.path();
		browser.selectContaining("#assign-person", "赵雪");
		browser.select("#assign-medium", "文字");
		AssessmentJourneyTests.setValue(browser, "#assign-due", today.plusDays(7).toString());
		click(browser, "#assign-save");
		assertThat(browser.text(".app-toast")).contains("采写任务已分派");
		assertThat(browser.text("#topic-status")).isEqualTo("采写中");

		// the coverage with a clipping; the unit's month total before and after
		String ranking = "/assessment?kind=MONTH&year=" + year + "&month=" + today.getMonthValue() + "&view=units";
		browser.open(ranking, "plan-ranking-before");
		BigDecimal before = AssessmentJourneyTests.total(browser, UNIT);
		browser.open("/publicity/coverage/new", "coverage-form");
		Path clipping = Files.createTempFile("clipping-", ".png");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
				clipping.toFile());
		browser.selectContaining("#outletId", "市日报");
		AssessmentJourneyTests.setValue(browser, "#publishedOn", today.toString());
		browser.type("#title", TITLE);
		browser.select("#placement", "一般版面");
		browser.select("#credit-person-0", "赵雪");
		browser.find("#evidence").sendKeys(clipping.toString());
		click(browser, "#coverage-save");
		assertThat(browser.text(".app-toast")).contains("见报播出已登记");

		// the assignment fulfilled by it: the plan point is done
		browser.open(topicPath, "topic-fulfil");
		browser.selectContaining(".fulfil-form select", TITLE);
		click(browser, ".fulfil-save");
		assertThat(browser.text(".app-toast")).contains("任务已关联见报播出记录");
		assertThat(browser.text("#topic-assignments")).contains(TITLE);
		assertThat(browser.text("#topic-status")).isEqualTo("已完成");
		browser.open(planPath, "plan-done");
		assertThat(browser.find("#plan-points tbody tr:first-child .point-progress").getAttribute("data-state")).isEqualTo("DONE");
		assertThat(browser.text("#plan-points tbody tr:first-child .point-progress")).contains("已完成", TITLE);
		assertThat(browser.consoleErrors()).as("script errors or CSP violations").isEmpty();

		Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
			browser.open(ranking, "plan-ranking-after");
			return AssessmentJourneyTests.total(browser, UNIT).compareTo(before.add(new BigDecimal("4"))) == 0;
		});
	}

	/** Scrolls the button to the middle of the window (long forms put it below the fold), then clicks and waits. */
	private static void click(Browser browser, String cssSelector) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(cssSelector));
		browser.clickAndWait(cssSelector);
	}

}
