package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.infodesk.organization.Person;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;

/**
 * The ranking page's drill-down (issue 4 point 4): every figure of a unit links to the entries of the same period,
 * unit and category, and the entries page lists the item that scored. The period part of the links is built once
 * per page (AssessmentLinks.entries). The people ranking is paged with ranks counted over everyone; the sums
 * are reused while the ledger's stamp stands and read again after any entry.
 */
class RankingPageTests extends AssessmentIntegrationTest {

	@Test
	void aUnitsFiguresLinkToItsEntriesOfThePeriodAndTheEntriesNameTheItem() throws Exception {
		InformationItem item = submittedUpward(unique("排名下钻"));
		adopt(item, AdministrativeLevel.CITY);
		settle();
		long unitId = unitId("物业管理科");

		Document page = Jsoup.parse(mvc.perform(get("/assessment").param("kind", "MONTH").with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		Element row = page.select("tr:has(td.name:matchesOwn(^物业管理科$))").first();
		assertThat(row).as("the unit's row").isNotNull();
		String total = row.selectFirst("td.total a").attr("href");
		assertThat(total).startsWith("/assessment/entries?kind=MONTH&year=2026&month=11&quarter=4&from=2026-11-01&to=2026-11-30")
			.endsWith("&unitId=" + unitId);
		assertThat(row.select("td a[href*=category=ADOPTION]")).extracting(link -> link.attr("href"))
			.containsExactly(total + "&category=ADOPTION");

		String entries = mvc.perform(get(total.replace("&amp;", "&")).with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(entries).contains(item.getTitle());
	}

	@Test
	void thePeopleRankingShowsTwentyAPageWithRanksCountedOverEveryone() throws Exception {
		// 25 people with different points in a month nobody else scores in
		List<Person> people = organization.activeUnits()
			.stream()
			.flatMap(unit -> organization.peopleOf(unit.getId()).stream())
			.filter(Person::isActive)
			.limit(25)
			.toList();
		assertThat(people).hasSize(25);
		LocalDate day = LocalDate.of(2031, 3, 15);
		for (int i = 0; i < people.size(); i++) {
			Person person = people.get(i);
			ledger.write(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, "paging-" + i, Adjustments.RULE,
					LedgerKey.person(person.getId())), person.getUnitId(), person.getId(), BigDecimal.valueOf(100 + i),
					ScoreKind.ADJUSTMENT, null, null, day, null, "分页测试", null, null), "MANUAL", 0, null);
		}

		Document first = peoplePage(1);
		assertThat(first.select("#ranking tbody td.rank").eachText()).hasSize(20)
			.containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
					"17", "18", "19", "20");
		assertThat(first.select("#ranking tbody td.name").first().text()).isEqualTo(people.get(24).getName());
		assertThat(first.select("#ranking-table .list-total").text()).contains("25");
		Document second = peoplePage(2);
		assertThat(second.select("#ranking tbody td.rank").eachText()).containsExactly("21", "22", "23", "24", "25");
		assertThat(second.select("#ranking tbody td.name").last().text()).isEqualTo(people.get(0).getName());
		assertThat(second.select("#ranking tbody td.total").last().text()).isEqualTo("100.00");
	}

	@Test
	void theSumsAreReusedWhileTheLedgerStampStandsAndReadAgainAfterAnEntry() throws Exception {
		long unitId = unitId("城建档案馆");
		LocalDate day = LocalDate.of(2032, 5, 10);
		assertThat(unitTotal(unitId)).isEqualTo("0.00");

		// written behind the ledger's back (no new stamp): the page keeps the sums it read
		jdbc.update("insert into asm_entry_month (month_start, person_id, unit_id, category, points) values (?, 0, ?, ?, ?)",
				day.withDayOfMonth(1), unitId, ScoreKind.ADJUSTMENT.name(), new BigDecimal("7.00"));
		assertThat(unitTotal(unitId)).isEqualTo("0.00");

		// an entry through the ledger changes the stamp: every ranking reads again, and sees both
		ledger.write(new PlannedEntry(new LedgerKey(SourceTypes.ADJUSTMENT, "stamp-" + ThreadLocalRandom.current().nextInt(),
				Adjustments.RULE, LedgerKey.unit(unitId)), unitId, null, new BigDecimal("5.00"), ScoreKind.ADJUSTMENT,
				null, null, day, null, "缓存测试", null, null), "MANUAL", 0, null);
		assertThat(unitTotal(unitId)).isEqualTo("12.00");
	}

	private Document peoplePage(int page) throws Exception {
		return Jsoup.parse(mvc.perform(get("/assessment").param("view", "people").param("kind", "MONTH")
			.param("year", "2031")
			.param("month", "3")
			.param("page", Integer.toString(page))
			.with(as(user("office")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private String unitTotal(long unitId) throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/assessment").param("kind", "MONTH")
			.param("year", "2032")
			.param("month", "5")
			.with(as(user("office")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		Element total = page.selectFirst("#ranking tbody td.total a[href$='&unitId=" + unitId + "']");
		assertThat(total).as("the unit's total, a link for the office").isNotNull();
		return total.text();
	}

}
