package io.infodesk.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.reporting.ConcealedKind;
import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.concealed.ConcealedReportForm;
import io.infodesk.reporting.concealed.ConcealedReports;
import io.infodesk.reporting.item.InformationItem;

/**
 * The assessment panel of the home page (issue 4 point 6): what each role sees and does not see, its figures equal
 * to the Rankings API for the same period, counts that follow the records, and the page with an empty ledger.
 */
class HomeAssessmentTests extends AssessmentIntegrationTest {

	@Autowired
	Rankings rankings;

	@Autowired
	ConcealedReports concealed;

	private Document home(String username) throws Exception {
		settle();
		String html = mvc.perform(get("/").with(as(user(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Period month() {
		return Period.month(YearMonth.from(today()));
	}

	private Period year() {
		return Period.year(today().getYear());
	}

	private static String grade(Rankings.Standing row) {
		return switch (row.grade()) {
			case EXCELLENT -> "优";
			case GOOD -> "良";
			case FAIR -> "一般";
			case POOR -> "差";
		};
	}

	/** rank | name | points | grade of each line of a ranking card. */
	private static List<String> lines(Document page, String id) {
		return page.select("#" + id + " tbody tr")
			.stream()
			.map(tr -> tr.selectFirst(".rank").text() + "|" + tr.selectFirst(".name > span:first-child").text() + "|"
					+ tr.selectFirst(".points").text() + "|" + tr.selectFirst(".grade").text())
			.toList();
	}

	private static List<String> expected(List<Rankings.Standing> rows) {
		return rows.stream().limit(5).map(r -> r.rank() + "|" + r.name() + "|" + r.total() + "|" + grade(r)).toList();
	}

	private int count(Document page, String id) {
		return Integer.parseInt(page.selectFirst("#" + id + " .stat-value").text());
	}

	@Test
	void officeSeesTheTopFiveOfMonthAndYearAsTheRankingsGiveThem() throws Exception {
		Document page = home("office");
		List<Rankings.Standing> month = rankings.units(month());
		List<Rankings.Standing> year = rankings.units(year());
		assertThat(lines(page, "home-month-ranking")).hasSize(5).isEqualTo(expected(month));
		assertThat(lines(page, "home-year-ranking")).hasSize(5).isEqualTo(expected(year));
		assertThat(page.select("#home-month-ranking .card-footer").text()).contains(Integer.toString(month.size()));
		assertThat(page.selectFirst("#home-month-ranking a.full-ranking").attr("href"))
			.isEqualTo("/assessment?kind=MONTH&year=2026&month=11&quarter=4&from=2026-11-01&to=2026-11-30");
		assertThat(page.selectFirst("#home-year-ranking a.full-ranking").attr("href"))
			.isEqualTo("/assessment?kind=YEAR&year=2026&month=1&quarter=1&from=2026-01-01&to=2026-12-31");
		assertThat(page.getElementById("home-trend").attr("data-trend")).contains("全局合计");
		// the existing content stays
		assertThat(page.getElementById("home-units")).isNotNull();
		assertThat(page.getElementById("home-own-unit")).isNull();
		assertThat(page.getElementById("home-in-charge")).isNull();
		assertThat(page.select("script[src]").eachAttr("src")).contains("/js/dashboard-chart.js")
			.anyMatch(src -> src.startsWith("/webjars/echarts/") && src.endsWith("/echarts.min.js"));
	}

	@Test
	void unitsBelowTargetAreThoseUnderTheTargetProRatedToToday() throws Exception {
		Document page = home("leader");
		List<Rankings.Standing> below = rankings.units(Period.range(LocalDate.of(2026, 1, 1), today()))
			.stream()
			.filter(r -> r.completion().compareTo(BigDecimal.valueOf(100)) < 0)
			.toList();
		assertThat(below).isNotEmpty();
		assertThat(page.select("#home-below-target .card-header span").text())
			.contains("2026-01-01 至 2026-11-27", below.size() + "个");
		List<String> shown = page.select("#home-below-target tbody td.name").eachText();
		assertThat(shown).hasSize(Math.min(10, below.size()));
		Rankings.Standing lowest = below.stream().min(java.util.Comparator.comparing(Rankings.Standing::completion)
			.thenComparing(Rankings.Standing::name)).orElseThrow();
		Element first = page.selectFirst("#home-below-target tbody tr");
		assertThat(first.selectFirst(".name").text()).isEqualTo(lowest.name());
		assertThat(first.selectFirst(".target").text()).isEqualTo(lowest.target().toString());
		assertThat(first.selectFirst(".completion").text()).isEqualTo(lowest.completion() + "%");
		// pro-rated: 331 of 365 days of the default 48 points
		assertThat(lowest.target()).isEqualByComparingTo("43.53");
	}

	@Test
	void bureauLeaderSeesTheWholeBureauWithNothingHighlighted() throws Exception {
		Document page = home("leader");
		assertThat(lines(page, "home-month-ranking")).isEqualTo(expected(rankings.units(month())));
		assertThat(page.select(".in-charge")).isEmpty();
		assertThat(page.getElementById("home-in-charge")).isNull();
		assertThat(page.getElementById("home-own-unit")).isNull();
		assertThat(page.getElementById("home-adoptions")).isNotNull();
		assertThat(page.getElementById("home-duties")).isNotNull();
	}

	@Test
	void leaderInChargeSeesTheBureauWithTheUnitsInChargeHighlightedAndTheirPositions() throws Exception {
		Document page = home("charge");
		assertThat(lines(page, "home-month-ranking")).isEqualTo(expected(rankings.units(month())));
		List<String> inCharge = List.of("物业管理科", "房地产市场监管科", "房产交易管理中心");
		assertThat(page.select(".in-charge .name > span:first-child").eachText()).isNotEmpty().allMatch(inCharge::contains);
		assertThat(page.select("#home-month-ranking tbody tr:not(.in-charge) .name > span:first-child").eachText())
			.noneMatch(inCharge::contains);
		assertThat(page.select("#home-in-charge tbody td.name").eachText()).containsExactlyInAnyOrderElementsOf(inCharge);
		List<Rankings.Standing> month = rankings.units(month());
		List<Rankings.Standing> year = rankings.units(year());
		for (Element row : page.select("#home-in-charge tbody tr")) {
			String name = row.selectFirst(".name").text();
			Rankings.Standing m = month.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
			Rankings.Standing y = year.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
			assertThat(row.selectFirst(".month a").text())
				.isEqualTo("第" + m.rank() + "名 / 共" + month.size() + "个单位，" + m.total() + "分");
			assertThat(row.selectFirst(".year a").text())
				.isEqualTo("第" + y.rank() + "名 / 共" + year.size() + "个单位，" + y.total() + "分");
		}
		assertThat(page.getElementById("home-trend").attr("data-trend")).contains("分管单位合计", "全局合计");
	}

	@Test
	void unitMembersSeeTheirOwnUnitsPositionInsteadOfTheBureauOverview() throws Exception {
		List<Rankings.Standing> month = rankings.units(month());
		List<Rankings.Standing> year = rankings.units(year());
		Rankings.Standing m = month.stream().filter(r -> r.name().equals("物业管理科")).findFirst().orElseThrow();
		Rankings.Standing y = year.stream().filter(r -> r.name().equals("物业管理科")).findFirst().orElseThrow();
		for (String username : List.of("head", "publicist", "staff")) {
			Document page = home(username);
			assertThat(page.select("#home-own-month .rank").text()).as(username)
				.isEqualTo("第" + m.rank() + "名 / 共" + month.size() + "名");
			assertThat(page.select("#home-own-month .points").text()).isEqualTo(m.total() + "分");
			assertThat(page.select("#home-own-month .grade").text()).isEqualTo(grade(m));
			assertThat(page.select("#home-own-year .rank").text()).isEqualTo("第" + y.rank() + "名 / 共" + year.size() + "名");
			assertThat(page.select("#home-own-year .points").text()).isEqualTo(y.total() + "分");
			assertThat(page.select("#home-own-month .stat-label").text()).contains("物业管理科", "2026年11月");
			assertThat(page.selectFirst("#home-own-month a.rank").attr("href"))
				.isEqualTo("/assessment/entries?kind=MONTH&year=2026&month=11&quarter=4&from=2026-11-01&to=2026-11-30&unitId="
						+ unitId("物业管理科"));
			for (String hidden : List.of("home-rankings", "home-month-ranking", "home-adoptions", "home-duties",
					"home-below-target", "home-in-charge")) {
				assertThat(page.getElementById(hidden)).as(username + " " + hidden).isNull();
			}
			assertThat(page.getElementById("home-trend").attr("data-trend")).contains("物业管理科").doesNotContain("全局合计");
			assertThat(page.getElementById("home-units")).isNotNull();
		}
	}

	@Test
	void rolesWithoutAssessmentSeeNoneOfIt() throws Exception {
		for (String username : List.of("personnel", "admin")) {
			Document page = home(username);
			assertThat(page.getElementById("home-rankings")).as(username).isNull();
			assertThat(page.getElementById("home-own-unit")).as(username).isNull();
			assertThat(page.getElementById("home-trend")).as(username).isNull();
			assertThat(page.select("script[src*=dashboard-chart]")).isEmpty();
			assertThat(page.getElementById("home-units")).isNotNull();
		}
	}

	@Test
	void anAdoptionAndAConcealedReportOfThisMonthAreCounted() throws Exception {
		Document before = home("office");
		int city = count(before, "home-adoptions-CITY");
		int concealedBefore = count(before, "home-duty-concealed");
		InformationItem item = submittedUpward("首页统计：市级采用的信息");
		adopt(item, AdministrativeLevel.CITY);
		concealed.record(new ConcealedReportForm(unitId("物业管理科"), ConcealedKind.CONCEALED, today(),
				"首页统计：未报送的燃气泄漏事件", "未按规定报送"), logIn("office"));
		Document after = home("office");
		assertThat(count(after, "home-adoptions-CITY")).isEqualTo(city + 1);
		assertThat(count(after, "home-duty-concealed")).isEqualTo(concealedBefore + 1);
		assertThat(after.getElementById("home-duties").hasClass("stat-warning")).isTrue();
	}

	@Test
	@Transactional
	void withAnEmptyLedgerEveryUnitSharesTheFirstRankWithNothingCounted() throws Exception {
		settle();
		jdbc.update("delete from asm_entry");
		jdbc.update("delete from asm_entry_month");
		jdbc.update("delete from asm_late_item");
		// a change of the ledger, like every Ledger.write: a new stamp, so the rankings read the sums again
		jdbc.update("update asm_ledger_stamp set stamp = ? where id = 1", java.util.concurrent.ThreadLocalRandom.current().nextLong());
		Document page = home("office");
		int ranked = rankings.units(month()).size();
		assertThat(lines(page, "home-month-ranking")).hasSize(5).allMatch(line -> line.startsWith("1|") && line.contains("|0.00|"));
		assertThat(page.select("#home-adoptions .stat-value").eachText()).containsExactly("0", "0", "0", "0");
		assertThat(page.select("#home-duties .stat-value").eachText()).containsOnly("0");
		assertThat(page.getElementById("home-duties").hasClass("stat-warning")).isFalse();
		assertThat(page.select("#home-below-target .card-header span").text()).contains(ranked + "个");
		assertThat(page.getElementById("home-trend").attr("data-trend")).contains("\"data\":[0,0,0,0,0,0,0,0,0,0,0,0]");
		Document own = home("publicist");
		assertThat(own.select("#home-own-year .rank").text()).isEqualTo("第1名 / 共" + ranked + "名");
	}

}
