package io.infodesk.reporting.concealed.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.infodesk.reporting.ConcealedKind;
import io.infodesk.reporting.ReportConcealed;
import io.infodesk.reporting.ReportingIntegrationTest;

/**
 * The office's register of missed and concealed reports (漏报 / 瞒报): recording publishes {@link ReportConcealed}
 * and is audited; bad input changes nothing; only the office records; the register and its export keep the
 * filters and the data scope.
 */
@RecordApplicationEvents
class ConcealedReportControllerTests extends ReportingIntegrationTest {

	@Autowired
	ApplicationEvents events;

	private int count(String subject) {
		return jdbc.queryForObject("select count(*) from rpt_concealed_report where subject = ?", Integer.class, subject);
	}

	private void record(String unitName, String kind, LocalDate on, String subject) throws Exception {
		mvc.perform(post("/reporting/concealed/new").with(as(user("office"))).with(csrf())
			.param("unitId", String.valueOf(unitId(unitName)))
			.param("kind", kind)
			.param("occurredOn", on.toString())
			.param("subject", subject)
			.param("reason", "区应急局通报显示该事件当日已发生，本单位未报送"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reporting/concealed"));
	}

	@Test
	void theOfficeRecordsAConcealedReportWhichIsAuditedAndPublished() throws Exception {
		String subject = "小区燃气泄漏" + UUID.randomUUID().toString().substring(0, 6);
		record("物业管理科", "CONCEALED", LocalDate.now(clock).minusDays(2), subject);

		long id = jdbc.queryForObject("select id from rpt_concealed_report where subject = ?", Long.class, subject);
		assertThat(events.stream(ReportConcealed.class).filter(event -> event.recordId() == id)).singleElement()
			.satisfies(event -> {
				assertThat(event.unitId()).isEqualTo(unitId("物业管理科"));
				assertThat(event.kind()).isEqualTo(ConcealedKind.CONCEALED);
				assertThat(event.on()).isEqualTo(LocalDate.now(clock).minusDays(2));
			});
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'REPORT_CONCEALED_RECORDED' and entity_id = ?",
				Integer.class, String.valueOf(id))).isEqualTo(1);
		Document page = Jsoup.parse(mvc.perform(get("/reporting/concealed").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#concealed-reports tbody tr").text()).contains(subject, "瞒报", "物业管理科", "周敏");
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsSaved() throws Exception {
		String subject = "未来事项" + UUID.randomUUID().toString().substring(0, 6);
		String html = mvc.perform(post("/reporting/concealed/new").with(as(user("office"))).with(csrf())
			.param("unitId", String.valueOf(unitId("物业管理科")))
			.param("kind", "OMITTED")
			.param("occurredOn", LocalDate.now(clock).plusDays(1).toString())
			.param("subject", subject)
			.param("reason", "理由"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select(".invalid-feedback").text()).contains("事件日期不能晚于今天");

		html = mvc.perform(post("/reporting/concealed/new").with(as(user("office"))).with(csrf())
			.param("kind", "NONSENSE")
			.param("occurredOn", LocalDate.now(clock).toString())
			.param("subject", subject)
			.param("reason", " "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select(".invalid-feedback").text()).contains("请选择责任单位", "请选择类型",
				"请填写认定理由");
		assertThat(count(subject)).isZero();
	}

	@Test
	void onlyTheOfficeRecordsAndOthersSeeTheirOwnUnit() throws Exception {
		mvc.perform(get("/reporting/concealed/new").with(as(user("publicist")))).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/concealed/new").with(as(user("head"))).with(csrf())
			.param("unitId", String.valueOf(unitId("物业管理科"))).param("kind", "OMITTED")
			.param("occurredOn", LocalDate.now(clock).toString()).param("subject", "越权").param("reason", "越权"))
			.andExpect(status().isForbidden());
		String own = "物业事项" + UUID.randomUUID().toString().substring(0, 6);
		String other = "办公室事项" + UUID.randomUUID().toString().substring(0, 6);
		record("物业管理科", "OMITTED", LocalDate.now(clock), own);
		record("办公室", "OMITTED", LocalDate.now(clock), other);

		String html = mvc.perform(get("/reporting/concealed").with(as(user("publicist"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("#concealed-reports").text()).contains(own).doesNotContain(other);
		assertThat(page.select("#concealed-create")).isEmpty();
	}

	@Test
	void theExportKeepsTheFilters() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		record("物业管理科", "OMITTED", LocalDate.now(clock).minusDays(1), "=SUM(A1)漏报" + tag);
		record("物业管理科", "CONCEALED", LocalDate.now(clock).minusDays(1), "瞒报" + tag);

		byte[] xlsx = mvc.perform(get("/reporting/concealed/export").with(as(user("office")))
			.param("keyword", tag).param("kind", "OMITTED"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			StringBuilder text = new StringBuilder();
			sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
			assertThat(text.toString()).contains("漏报" + tag, "物业管理科").doesNotContain("瞒报" + tag);
			assertThat(text.toString()).doesNotContain("|=SUM");
		}
	}

}
