package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.assessment.circular.Circulars;

/**
 * The demo year (profile demo, the shared context of the reporting and assessment tests, today 2026-11-27): the
 * rankings of units and people for a month and the year, the trend chart and the monthly 通报 are not empty and add
 * up, the ledger equals what the recomputation finds (no difference), every unit has items in several states, and
 * every page of the office's and the leader's menu shows records.
 */
@Order(1) // first of all classes (junit-platform.properties): the demo year before any other test adds to it
class DemoYearTests extends AssessmentIntegrationTest {

	@Autowired
	Rankings rankings;

	@Autowired
	Recomputations recomputations;

	@Autowired
	Circulars circulars;

	@Autowired
	Ledger ledger;

	private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

	private static final YearMonth LAST_CLOSED = YearMonth.of(2026, 10);

	@Test
	void theLedgerOfTheDemoYearEqualsTheRecomputation() {
		settle();
		Recomputations.Preview preview = recomputations.preview(JANUARY, LAST_CLOSED.atEndOfMonth());
		assertThat(preview.facts()).isGreaterThan(100);
		assertThat(preview.differences()).isEmpty();
		assertThat(preview.ledgerTotal()).isEqualByComparingTo(preview.expectedTotal());
	}

	@Test
	void theRankingsAndTheTrendAreNotEmptyAndAddUp() {
		settle();
		List<Rankings.Standing> year = rankings.units(Period.range(JANUARY, LAST_CLOSED.atEndOfMonth()));
		assertThat(year).hasSizeGreaterThanOrEqualTo(10);
		assertThat(year.stream().filter(row -> row.total().signum() != 0)).hasSizeGreaterThanOrEqualTo(10);
		BigDecimal sum = year.stream().map(Rankings.Standing::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(ledger.total(Ledger.EntryQuery.units(JANUARY, LAST_CLOSED.atEndOfMonth())));
		// the trend chart: a unit's months add up to its total
		Map<Long, BigDecimal[]> trend = rankings.monthlyTrend(2026);
		for (Rankings.Standing row : year) {
			BigDecimal[] months = trend.get(row.id());
			assertThat(months).as(row.name()).isNotNull();
			BigDecimal closed = BigDecimal.ZERO;
			for (int month = 0; month < LAST_CLOSED.getMonthValue(); month++) {
				closed = closed.add(months[month] == null ? BigDecimal.ZERO : months[month]);
			}
			assertThat(closed).as(row.name()).isEqualByComparingTo(row.total());
		}
		assertThat(trend.values().stream().filter(months -> months[2] != null && months[2].signum() != 0)).isNotEmpty();
		// people, for a month and for the year
		assertThat(rankings.people(Period.month(LAST_CLOSED), null)).isNotEmpty();
		assertThat(rankings.people(Period.range(JANUARY, LAST_CLOSED.atEndOfMonth()), null)
			.stream()
			.filter(row -> row.total().signum() > 0)).hasSizeGreaterThan(10);
		assertThat(rankings.units(Period.month(LAST_CLOSED)).stream().filter(row -> row.total().signum() != 0))
			.isNotEmpty();
	}

	@Test
	void aCircularWasIssuedForEveryClosedMonthWithTheRankingOfItsMonth() {
		settle();
		List<Circulars.Circular> issued = circulars.list()
			.stream()
			.filter(circular -> circular.status() == Circulars.Status.ISSUED)
			.filter(circular -> circular.period().kind() == Period.Kind.MONTH)
			.toList();
		assertThat(issued).extracting(circular -> YearMonth.from(circular.period().from()))
			.contains(YearMonth.of(2026, 1), YearMonth.of(2026, 6), LAST_CLOSED);
		Circulars.Circular october = issued.stream()
			.filter(circular -> YearMonth.from(circular.period().from()).equals(LAST_CLOSED))
			.findFirst()
			.orElseThrow();
		List<Circulars.Position> standings = circulars.standings(october.id());
		assertThat(standings).isNotEmpty();
		BigDecimal issuedTotal = standings.stream().map(Circulars.Position::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(issuedTotal).isEqualByComparingTo(ledger.total(Ledger.EntryQuery.units(LAST_CLOSED.atDay(1),
				LAST_CLOSED.atEndOfMonth())));
	}

	@Test
	void everyUnitHasItemsInSeveralStatesAndTheYearHasEveryKindOfOutcome() {
		List<Map<String, Object>> units = jdbc.queryForList("""
				select u.name as unit_name, count(distinct i.status) as states, count(*) as items
				from rpt_item i join org_unit u on u.id = i.unit_id group by u.name""");
		assertThat(units).hasSizeGreaterThanOrEqualTo(11);
		assertThat(units).allSatisfy(row -> assertThat(((Number) value(row, "states")).intValue())
			.as(String.valueOf(value(row, "unit_name")))
			.isGreaterThanOrEqualTo(3));
		int items = jdbc.queryForObject("select count(*) from rpt_item", Integer.class);
		assertThat(items).isGreaterThan(200);
		assertThat(jdbc.queryForList("select distinct status from rpt_item", String.class))
			.contains("DRAFT", "IN_REVIEW", "RETURNED", "SIGNED_OFF", "SUBMITTED", "ADOPTED");
		assertThat(jdbc.queryForList("select distinct level from rpt_adoption", String.class))
			.contains("DISTRICT", "CITY", "PROVINCE", "NATIONAL");
		Map<String, Long> rules = ledger.countsByRule(JANUARY, LAST_CLOSED.atEndOfMonth());
		assertThat(rules.keySet()).anyMatch(key -> key.startsWith("SOLICITATION") && key.contains("MISSED"))
			.anyMatch(key -> key.startsWith("SOLICITATION") && key.contains("LATE"))
			.anyMatch(key -> key.startsWith("URGENT"));
		assertThat(jdbc.queryForObject("select count(*) from rpt_instruction where feedback_on is not null",
				Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from rpt_bulletin where status = 'ISSUED'", Integer.class))
			.isGreaterThanOrEqualTo(LAST_CLOSED.getMonthValue());
		assertThat(jdbc.queryForObject("select count(*) from asm_adjustment where status = 'APPROVED'", Integer.class))
			.isPositive();
	}

	/** What a page says when a list or register it shows has no record (messages_zh_CN and the modules' bundles). */
	private static final List<String> EMPTY = List.of("暂无数据", "暂无学习活动", "暂无稿件", "暂无考核通报", "尚无采用记录",
			"尚无领导批示", "暂无当日紧急信息");

	/**
	 * Issue 11's acceptance, walked: every page of the office's and the leader's menu and top bar answers 200, shows
	 * no error and no empty list or register (the 瞒报漏报 register and the material library were empty until the
	 * demo wrote them).
	 */
	@Test
	void everyPageOfTheOfficeAndTheLeaderShowsTheYearWithoutAnEmptyList() throws Exception {
		for (String username : List.of("office", "leader")) {
			io.infodesk.shared.security.AuthenticatedUser user = user(username);
			org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(mvc.perform(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/").with(as(user)))
				.andReturn()
				.getResponse()
				.getContentAsString());
			List<String> pages = home.select("nav.app-sidebar a.nav-link[href^=/], header.app-topbar a[href^=/]")
				.eachAttr("href")
				.stream()
				.distinct()
				.toList();
			assertThat(pages).as(username).hasSizeGreaterThan(45).contains("/reporting/concealed", "/reporting/materials",
					"/publicity/follow-through", "/research/topics", "/training/sessions", "/xuexi/activities",
					"/monitoring/items");
			for (String page : pages) {
				var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
					.with(as(user))).andReturn().getResponse();
				assertThat(response.getStatus()).as(username + " " + page).isEqualTo(200);
				org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(response.getContentAsString());
				assertThat(document.getElementById("error-title")).as(username + " " + page).isNull();
				String main = document.select("main").text();
				assertThat(main).as(username + " " + page).isNotBlank();
				assertThat(EMPTY).as(username + " " + page + ": " + main).noneMatch(main::contains);
			}
		}
		// the plans' points of the year are mostly done, not all overdue (the follow-through showed 1 of 30 done)
		var summary = followThrough.summary(LocalDate.now(clock).getYear(), io.infodesk.shared.security.DataScope.all());
		assertThat(summary.done()).isGreaterThan(summary.overdue());
	}

	@Autowired
	io.infodesk.publicity.FollowThrough followThrough;

	private static Object value(Map<String, Object> row, String column) {
		return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
	}

}
