package io.infodesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.infodesk.support.Browser;
import io.infodesk.support.BrowserTest;
import io.infodesk.support.DemoLogins;

/**
 * The administrator builds a piece of the organisation through the pages and finds it on the leadership chart
 * (issue 2, point 4; S2-a, S4-a, attachment 1): a new unit, a new person in it, designated as the unit's
 * information publicist, shown on /org/chart.
 */
@BrowserTest
class AdminJourneyTests {

	static final String UNIT = "城市更新专班";

	static final String PERSON = "宋雨桐";

	@Test
	void anAdministratorCreatesAUnitAndAPersonDesignatesAPublicistAndFindsThemOnTheChart(Browser browser) {
		browser.logIn("admin", DemoLogins.PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.consoleErrors()).as("errors on the home page after login").isEmpty();

		browser.open("/org/units", "units");
		browser.clickAndWait("#unit-create").screenshot("unit-form");
		browser.type("#name", UNIT).type("#shortName", "更新专班").select("#type", "科室").type("#sortOrder", "90");
		browser.clickAndWait("#unit-form button[type=submit]").screenshot("unit-created");
		assertThat(browser.path()).startsWith("/org/units");
		assertThat(browser.text(".app-toast")).contains(UNIT);
		assertThat(browser.text("#units")).contains(UNIT);

		browser.open("/org/people", "people");
		browser.clickAndWait("#person-create").screenshot("person-form");
		browser.type("#name", PERSON)
			.selectContaining("#unitId", UNIT)
			.type("#position", "科员")
			.type("#phone", "13912345678")
			.type("#sortOrder", "1");
		browser.clickAndWait("#person-form button[type=submit]").screenshot("person-created");
		assertThat(browser.path()).startsWith("/org/people");
		assertThat(browser.text(".app-toast")).contains(PERSON);

		browser.open("/org/publicists", "publicists");
		assertThat(browser.text("#units-without-publicist")).contains(UNIT);
		browser.clickAndWait("#publicist-create").screenshot("publicist-form");
		browser.selectContaining("#unitId", UNIT).selectContaining("#personId", PERSON);
		browser.clickAndWait("#publicist-form button[type=submit]").screenshot("publicist-designated");
		assertThat(browser.path()).startsWith("/org/publicists");
		assertThat(browser.text(".app-toast")).contains(PERSON);
		assertThat(browser.text("#publicists")).contains(UNIT, PERSON);

		browser.open("/org/chart", "chart");
		browser.waitFor("#org-chart canvas, #org-chart svg");
		browser.screenshot("chart-drawn");
		// the printable text version of the chart lists the same tree: unit → head and publicists
		WebElement newUnit = browser.findAll("#org-tree li.org-node-unit")
			.stream()
			.filter(node -> node.findElement(By.cssSelector(":scope > .org-node-label")).getText().equals(UNIT))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the new unit is not on the chart"));
		assertThat(newUnit.findElements(By.cssSelector("li.org-node-publicist > .org-node-label")))
			.extracting(WebElement::getText)
			.singleElement()
			.satisfies(label -> assertThat(label).endsWith(PERSON));
		// and the drawing itself (ECharts, SVG renderer) shows them too
		assertThat(browser.find("#org-chart").getAttribute("class")).doesNotContain("org-chart-failed");
		assertThat(browser.text("#org-chart")).contains(UNIT, "信息宣传员：" + PERSON);
		assertThat(browser.consoleErrors()).as("script errors or CSP violations on the organisation pages and the chart").isEmpty();
	}

}
