package io.infodesk.xuexi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.xuexi.XuexiCirculars;

/**
 * The small POST actions of the 学习强国 pages report through {@code shared.web.FlashActions}, as the other modules'
 * do: done, the success toast; refused, the service's Chinese reason, nothing saved; either way back to the page.
 */
class XuexiPageActionsTests extends ReportingIntegrationTest {

	@Autowired
	XuexiCirculars circulars;

	private List<Integer> quotas(long unit, LocalDate from) {
		return jdbc.queryForList("select quota from xuexi_quota where unit_id = ? and level = 'NATIONAL' and period_from = ?",
				Integer.class, unit, Date.valueOf(from));
	}

	@Test
	void aQuotaOutOfRangeIsRefusedWithItsReasonAndAValidOneIsSaved() throws Exception {
		long unit = unitId("城建档案馆");
		int year = LocalDate.now(clock).getYear();
		LocalDate third = LocalDate.of(year, 7, 1);
		List<Integer> before = quotas(unit, third);

		mvc.perform(post("/xuexi/quotas").param("unitId", String.valueOf(unit)).param("level", "NATIONAL")
			.param("year", String.valueOf(year)).param("quarter", "3").param("quota", "2000")
			.with(as(user("personnel"))).with(csrf()))
			.andExpect(redirectedUrl("/xuexi/quotas?year=" + year))
			.andExpect(flash().attribute("flashError", "任务数应为 0 至 1,000 的整数"))
			.andExpect(flash().attributeCount(1));
		assertThat(quotas(unit, third)).isEqualTo(before);

		mvc.perform(post("/xuexi/quotas").param("unitId", String.valueOf(unit)).param("level", "NATIONAL")
			.param("year", String.valueOf(year)).param("quarter", "3").param("quota", "7")
			.with(as(user("personnel"))).with(csrf()))
			.andExpect(redirectedUrl("/xuexi/quotas?year=" + year))
			.andExpect(flash().attribute("flashSuccess", "供稿任务已保存"));
		assertThat(quotas(unit, third)).containsExactly(7);
	}

	@Test
	void matchingAPlatformMemberToNobodyIsRefusedWithItsReason() throws Exception {
		mvc.perform(post("/xuexi/roster/unmatched/999999/match").with(as(user("personnel"))).with(csrf()))
			.andExpect(redirectedUrl("/xuexi/roster"))
			.andExpect(flash().attribute("flashError", "请选择一名在职人员"));
	}

	@Test
	void emptyWordingOfTheCircularIsRefusedAndTheSameWordingSavedAgain() throws Exception {
		String month = LocalDate.now(clock).minusMonths(1).toString().substring(0, 7);
		XuexiCirculars.Wording wording = circulars.wording();
		mvc.perform(post("/xuexi/circular/wording").param("praise", "  ").param("urging", wording.urging())
			.param("month", month).with(as(user("personnel"))).with(csrf()))
			.andExpect(redirectedUrl("/xuexi/circular?month=" + month))
			.andExpect(flash().attribute("flashError", "表扬用语和督促用语都不能为空"));
		assertThat(circulars.wording()).isEqualTo(wording);

		mvc.perform(post("/xuexi/circular/wording").param("praise", wording.praise()).param("urging", wording.urging())
			.param("month", month).with(as(user("personnel"))).with(csrf()))
			.andExpect(redirectedUrl("/xuexi/circular?month=" + month))
			.andExpect(flash().attribute("flashSuccess", "通报用语已保存"));
		assertThat(circulars.wording()).isEqualTo(wording);
	}

}
