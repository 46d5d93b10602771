package io.infodesk.reporting.outcome.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.solicitation.Solicitations;

/** Submission, adoption and instruction records on the item page, and in the register (S3.1-c, S3.1-d). */
class OutcomeControllerTests extends ReportingIntegrationTest {

	@Autowired
	Solicitations solicitations;

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private long body(String shortName) {
		return solicitations.bodies().stream().filter(b -> b.getShortName().equals(shortName)).findFirst().orElseThrow().getId();
	}

	private String now() {
		return java.time.LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withSecond(0).toString();
	}

	@Test
	void theOfficeRecordsSubmissionAdoptionAndInstructionAndTheRegisterShowsThem() throws Exception {
		InformationItem item = signedOff(unique("网页报送"));
		clock.advance(Duration.ofMinutes(10));
		Document detail = page(get("/reporting/items/" + item.getId()).with(as(user("office"))));
		assertThat(detail.getElementById("submission-form")).isNotNull();
		assertThat(detail.getElementById("adoption-form")).isNull();

		mvc.perform(post("/reporting/items/" + item.getId() + "/submissions").with(csrf())
			.param("bodyId", String.valueOf(body("区委办")))
			.param("channel", "PLATFORM")
			.param("submittedAt", now())
			.with(as(user("office")))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/reporting/items/" + item.getId() + "/adoptions").with(csrf())
			.param("outlet", "市《住建信息》")
			.param("issue", "2026年第45期")
			.param("level", "CITY")
			.param("adoptedOn", "2026-11-27")
			.with(as(user("office")))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/reporting/items/" + item.getId() + "/instructions").with(csrf())
			.param("level", "CITY")
			.param("leader", "副市长 王某某")
			.param("instructedOn", "2026-11-27")
			.param("summary", "经验做法值得推广")
			.param("feedbackDue", "2026-12-04")
			.with(as(user("office")))).andExpect(status().is3xxRedirection());

		Document after = page(get("/reporting/items/" + item.getId()).with(as(user("publicist"))));
		assertThat(after.getElementById("item-status").text()).isEqualTo("已采用");
		assertThat(after.getElementById("item-adoption-level").text()).isEqualTo("最高市级采用");
		assertThat(after.select("#submission-table tbody td").first().text()).isEqualTo("区委办");
		assertThat(after.select("#instruction-table tbody").text()).contains("副市长 王某某", "须于 2026-12-04 前反馈");
		assertThat(after.getElementById("submission-form")).isNull();

		byte[] xlsx = mvc.perform(get("/reporting/items/export").param("keyword", item.getTitle()).with(as(user("office"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			Row row = sheet.getRow(1);
			java.util.Map<String, String> cells = new java.util.HashMap<>();
			for (int i = 0; i < header.getLastCellNum(); i++) {
				cells.put(header.getCell(i).getStringCellValue(), row.getCell(i) == null ? "" : row.getCell(i).toString());
			}
			assertThat(cells).containsEntry("报送对象", "区委办")
				.containsEntry("采用情况", "市《住建信息》2026年第45期（市级）")
				.containsEntry("领导批示", "市级 副市长 王某某")
				.containsEntry("状态", "已采用");
		}
	}

	@Test
	void submittingBeforeSignOffIsRefusedOnThePageAndSavesNothing() throws Exception {
		InformationItem item = submitted(unique("未审签报送"));
		mvc.perform(post("/reporting/items/" + item.getId() + "/submissions").with(csrf())
			.param("bodyId", String.valueOf(body("区委办")))
			.param("channel", "EMAIL")
			.param("submittedAt", now())
			.with(as(user("office"))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "信息须经逐级审核、领导审签后才能报送（当前状态：审核中）"));
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
		assertThat(jdbc.queryForObject("select count(*) from rpt_submission where item_id = ?", Integer.class,
				item.getId())).isZero();
	}

	@Test
	void badInputInAFormShowsTheMessageWithTheFormOpen() throws Exception {
		InformationItem item = signedOff(unique("报送缺项"));
		Document refused = page(post("/reporting/items/" + item.getId() + "/submissions").with(csrf())
			.param("bodyId", "")
			.param("channel", "PAPER")
			.param("submittedAt", now())
			.param("note", "纸质件")
			.with(as(user("office"))));
		assertThat(refused.select("#submission-form .invalid-feedback").text()).isEqualTo("请选择报送对象");
		assertThat(refused.select("#submission-form").first().parent().hasAttr("open")).isTrue();
		assertThat(refused.getElementById("note").val()).isEqualTo("纸质件");
		mvc.perform(post("/reporting/items/" + item.getId() + "/adoptions").with(csrf()).param("outlet", "x")
			.with(as(user("publicist")))).andExpect(status().isForbidden());
	}

}
