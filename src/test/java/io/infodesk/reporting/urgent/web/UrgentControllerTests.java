package io.infodesk.reporting.urgent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.ReportingIntegrationTest;

/** The same-day board and an urgent item drafted through the form (S3.1-c). */
class UrgentControllerTests extends ReportingIntegrationTest {

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void anUrgentItemCreatedAtHalfPastTenShowsItsCountdownAndTurnsRedAfterMidnight() throws Exception {
		clock.set(shanghai(2026, 11, 27, 22, 30, 0));
		String title = unique("燃气管道泄漏处置");
		String location = mvc.perform(post("/reporting/items/new").with(csrf())
			.param("title", title)
			.param("kind", "GOVERNMENT")
			.param("unitId", String.valueOf(unitId("物业管理科")))
			.param("body", "22 时许某小区燃气管道泄漏，物业第一时间疏散住户。")
			.param("urgent", "true")
			.param("urgentCategory", "EMERGENCY_RESCUE")
			.param("eventAt", "2026-11-27T22:05")
			.param("authors[0].personId", String.valueOf(person("物业管理科", "赵雪").getId()))
			.param("baseRevision", "0")
			.with(as(user("publicist")))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

		Document detail = page(get(location).with(as(user("publicist"))));
		assertThat(detail.getElementById("item-urgent").text()).contains("应急抢险", "2026-11-27 22:05",
				"2026-11-27 23:59:59");
		assertThat(detail.getElementById("item-urgent-timing").text()).isEqualTo("剩余 1小时30分");

		Document board = page(get("/reporting/urgent").with(as(user("head"))));
		assertThat(board.getElementById("urgent-board").attr("hx-trigger")).isEqualTo("every 30s");
		var row = board.select("#urgent-items tr:has(td.urgent-title:contains(" + title + "))").first();
		assertThat(row.select(".urgent-timing").text()).isEqualTo("剩余 1小时30分");
		assertThat(row.className()).contains("table-warning");

		clock.advance(Duration.ofMinutes(100));
		Document fragment = page(get("/reporting/urgent").header("HX-Request", "true").with(as(user("head"))));
		assertThat(fragment.select("nav.app-sidebar")).isEmpty();
		var late = fragment.select("#urgent-items tr:has(td.urgent-title:contains(" + title + "))").first();
		assertThat(late.select(".urgent-timing").text()).isEqualTo("已超时 10分钟，尚未报送");
		assertThat(late.className()).contains("table-danger");
	}

	@Test
	void theFormAsksForCategoryAndEventTimeOfAnUrgentItem() throws Exception {
		Document form = page(post("/reporting/items/new").with(csrf())
			.param("title", unique("缺时间"))
			.param("kind", "GOVERNMENT")
			.param("unitId", String.valueOf(unitId("物业管理科")))
			.param("body", "正文")
			.param("urgent", "true")
			.param("urgentCategory", "WORK_SAFETY")
			.param("authors[0].personId", String.valueOf(person("物业管理科", "赵雪").getId()))
			.with(as(user("publicist"))));
		assertThat(form.select(".invalid-feedback").text()).contains("请填写事件发生时间");
		assertThat(form.getElementById("urgent").hasAttr("checked")).isTrue();
	}

}
