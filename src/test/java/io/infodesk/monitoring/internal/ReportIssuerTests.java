package io.infodesk.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The issuer of the 舆情日报 / 周报 comes from configuration ({@code infodesk.monitoring.report-issuer}), not from the
 * code: the property binds, a blank one falls back to the documented default, and the document names the configured
 * issuer in its masthead (编) and its imprint. The demo's configured issuer in a downloaded report: ReportTests.
 */
class ReportIssuerTests {

	static final String ISSUER = "测试市某某区住房和城乡建设局办公室";

	@Test
	void thePropertyBindsAndABlankOneFallsBackToTheDefault() {
		assertThat(bind(Map.of("infodesk.monitoring.report-issuer", ISSUER)).issuer()).isEqualTo(ISSUER);
		assertThat(bind(Map.of("infodesk.monitoring.report-issuer", "  ")).issuer()).isEqualTo("区住房和城乡建设局办公室");
		assertThat(bind(Map.of("infodesk.monitoring.timeout", "5s")).issuer()).isEqualTo("区住房和城乡建设局办公室");
	}

	@Test
	void theDailyAndWeeklyReportsNameTheConfiguredIssuer() throws Exception {
		OpinionReports reports = new OpinionReports(null, null, null, null, null,
				bind(Map.of("infodesk.monitoring.report-issuer", ISSUER)));
		LocalDate day = LocalDate.of(2026, 12, 8);
		OpinionReports.Figures figures = new OpinionReports.Figures(day, day, 0, 0, new int[4], new int[6], new int[6],
				new int[3], new int[3], List.of(), List.of(), List.of(), List.of());
		for (OpinionReports.Period period : OpinionReports.Period.values()) {
			byte[] docx = reports.document(period, figures).toBytes();
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
					XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				String text = extractor.getText();
				assertThat(text).contains(OpinionReports.name(period)).contains(ISSUER + "编");
				assertThat(text.indexOf(ISSUER, text.indexOf(ISSUER + "编") + ISSUER.length()))
					.as("the issuer named again in the imprint").isPositive();
				assertThat(text).doesNotContain("武进区住房和城乡建设局办公室");
			}
		}
	}

	private static MonitoringSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("infodesk.monitoring",
				MonitoringSettings.class);
	}

}
