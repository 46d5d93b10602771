package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.InformationItem;

/**
 * The ranking page's drill-down (issue 4 point 4): every figure of a unit links to the entries of the same period,
 * unit and category, and the entries page lists the item that scored. The period part of the links is built once
 * per page (RankingController.entriesBase).
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

}
