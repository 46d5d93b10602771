package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.monitoring.internal.MonitoringSettings;

/** The daily and weekly opinion reports: figures on the page, DOCX in the official layout with the demo's cluster. */
class ReportTests extends MonitoringIntegrationTest {

	@Autowired
	MonitoringSettings settings;

	@Test
	void theDailyAndWeeklyReportsCountTheDemoItemsAndNameTheTopCluster() throws Exception {
		LocalDate today = LocalDate.now(clock);
		assertThat(settings.issuer()).isEqualTo("武进区住房和城乡建设局办公室");
		String page = mvc.perform(get("/monitoring/reports").with(as(user("leader"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("report-daily-docx").contains("4家传播");
		for (String period : new String[] { "daily", "weekly" }) {
			byte[] docx = mvc.perform(get("/monitoring/reports/{p}.docx", period).param("day", today.toString())
				.with(as(user("leader"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
					XWPFWordExtractor text = new XWPFWordExtractor(document)) {
				assertThat(text.getText()).contains(period.equals("daily") ? "舆情日报" : "舆情周报")
					.contains("总体情况").contains("分类统计").contains("热点 房地产交付").contains("重点信息")
					.contains("人民网·地方领导留言板").contains("舆情处置").contains("信息源运行")
					// the issuer configured for the demo (application-demo.yml), not the code's default
					.contains("武进区住房和城乡建设局办公室编");
			}
		}
		mvc.perform(get("/monitoring/reports/monthly.docx").with(as(user("leader")))).andExpect(status().isNotFound());
		mvc.perform(get("/monitoring/reports").with(as(user("staff")))).andExpect(status().isForbidden());
	}

}
