package io.infodesk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.assessment.circular.Circulars;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * 通报 (issue 4 point 5): the circular of a finished month ranks the units exactly as the rankings of the period
 * do, lists the month's adoptions and instructions, is stored with the SHA-256 of its DOCX and XLSX and downloaded
 * byte for byte; issuing the period again supersedes the first version, which stays; the monthly deadline is
 * declared to the office and completed by the issue; refused input (a month not finished, an empty period, a range,
 * missing issuer) gives a Chinese message and changes nothing; a unit sees its own position.
 */
class CircularsTests extends AssessmentIntegrationTest {

	@Autowired
	Circulars circulars;

	@Autowired
	Rankings rankings;

	@Autowired
	Quotas quotas;

	static final Circulars.Options OPTIONS = new Circulars.Options("区住房和城乡建设局办公室", "住建办〔2026〕7号",
			"局机关各科室、局属各单位", "局领导班子成员。");

	/** An item of 物业管理科 submitted, adopted at city level and instructed on, on a day of a past month. */
	private InformationItem adoptedOn(int year, int month, int day, String title) {
		clock.set(LocalDateTime.of(year, month, day, 9, 0).atZone(TimeConfiguration.ZONE).toInstant());
		InformationItem item = submittedUpward(unique(title));
		adopt(item, AdministrativeLevel.CITY);
		instruct(item, AdministrativeLevel.DISTRICT);
		settle();
		clock.reset();
		return item;
	}

	@Test
	void theMonthlyCircularRanksAsTheRankingsAndIsStoredWithItsHash() throws Exception {
		InformationItem item = adoptedOn(2025, 10, 15, "十月采用");
		YearMonth october = YearMonth.of(2025, 10);
		AuthenticatedUser office = logIn("office");
		circulars.remindMonthly(october);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is null and due_at = ?", Integer.class, Circulars.deadlineKey(october),
				java.time.OffsetDateTime.parse("2025-11-10T23:59:59+08:00"))).isEqualTo(1);

		Circulars.Circular circular = circulars.issue(Period.month(october), OPTIONS, office);

		// the month was settled first, and the circular ranks exactly as the rankings of the period
		assertThat(quotas.isClosed(october)).isTrue();
		List<Rankings.Standing> ranking = rankings.units(Period.month(october));
		assertThat(circulars.standings(circular.id()))
			.extracting(Circulars.Position::rank, Circulars.Position::unitId, p -> p.total().stripTrailingZeros())
			.containsExactlyElementsOf(ranking.stream()
				.map(r -> org.assertj.core.groups.Tuple.tuple(r.rank(), r.id(), r.total().stripTrailingZeros()))
				.toList());
		assertThat(circular.title()).isEqualTo("关于2025年10月份信息宣传工作情况的通报");
		assertThat(circular.version()).isEqualTo(1);
		assertThat(circular.status()).isEqualTo(Circulars.Status.ISSUED);

		// the DOCX: 版头, title, 主送, the ranking table as ranked, the adopted item, the 版记
		Circulars.StoredFile docx = circulars.docx(circular.id());
		assertThat(FileStore.sha256(docx.content())).isEqualTo(circular.docxSha256());
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.content()))) {
			// a title too long for one line is one paragraph broken into lines (GbT9704.titleLines): read it whole
			List<String> lines = document.getParagraphs().stream().map(p -> p.getText().replace("\n", ""))
				.filter(text -> !text.isBlank()).toList();
			assertThat(lines.get(0)).isEqualTo("区住房和城乡建设局办公室文件");
			assertThat(lines.get(1)).isEqualTo("住建办〔2026〕7号");
			assertThat(lines).contains("关于2025年10月份信息宣传工作情况的通报", "局机关各科室、局属各单位：", "一、总体情况",
					"二、考核得分及排名");
			XWPFTable table = document.getTables().get(0);
			Rankings.Standing first = ranking.get(0);
			assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("单位");
			assertThat(table.getRow(1).getCell(0).getText()).isEqualTo(Integer.toString(first.rank()));
			assertThat(table.getRow(1).getCell(1).getText()).isEqualTo(first.name());
			assertThat(table.getRow(1).getCell(8).getText())
				.isEqualTo(first.total().stripTrailingZeros().toPlainString().replaceAll("\\.0+$", ""));
			assertThat(table.getNumberOfRows()).isEqualTo(ranking.size() + 1);
			assertThat(document.getTables().get(1).getText()).contains(item.getTitle(), "市《住建信息》", "市级");
			assertThat(document.getTables().get(2).getText()).contains(item.getTitle(), "王市长");
			String imprint = document.getTables().get(document.getTables().size() - 1).getText();
			assertThat(imprint).contains("抄送：局领导班子成员。", "区住房和城乡建设局办公室", "2026年11月27日印发");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(circulars.xlsx(circular.id()).content()))) {
			assertThat(workbook.getSheet("排名").getRow(1).getCell(1).getStringCellValue()).isEqualTo(ranking.get(0).name());
			assertThat(workbook.getSheet("排名").getLastRowNum()).isEqualTo(ranking.size());
			assertThat(workbook.getSheet("采用").getRow(1).getCell(1).getStringCellValue()).isNotBlank();
		}

		// downloaded twice through the web: byte for byte the stored file, with its hash
		byte[] first = mvc.perform(get("/assessment/circulars/" + circular.id() + "/docx").with(as(user("staff"))))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-SHA256", circular.docxSha256()))
			.andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] again = mvc.perform(get("/assessment/circulars/" + circular.id() + "/docx").with(as(user("office"))))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(first).isEqualTo(again).isEqualTo(docx.content());

		// the deadline of the month is completed, the issue and the downloads audited
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is not null", Integer.class, Circulars.deadlineKey(october))).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_CIRCULAR_GENERATED' "
				+ "and entity_id = ?", Integer.class, String.valueOf(circular.id()))).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_CIRCULAR_DOWNLOADED' "
				+ "and entity_id = ?", Integer.class, String.valueOf(circular.id()))).isGreaterThanOrEqualTo(3);
		// a later reminder run leaves the issued month alone
		circulars.remindMonthly(october);
		assertThat(jdbc.queryForObject("select count(*) from notification_deadline where deadline_key = ? "
				+ "and completed_at is null", Integer.class, Circulars.deadlineKey(october))).isZero();
	}

	@Test
	void issuingAPeriodAgainSupersedesTheFirstVersionWhichStaysDownloadable() throws Exception {
		adoptedOn(2025, 9, 8, "九月采用");
		AuthenticatedUser office = logIn("office");
		Period september = Period.month(YearMonth.of(2025, 9));
		Circulars.Circular v1 = circulars.issue(september, OPTIONS, office);
		byte[] v1Docx = circulars.docx(v1.id()).content();

		Circulars.Circular v2 = circulars.issue(september, new Circulars.Options("区住房和城乡建设局办公室", null,
				"各科室、各单位", null), office);

		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.status()).isEqualTo(Circulars.Status.ISSUED);
		Circulars.Circular old = circulars.find(v1.id()).orElseThrow();
		assertThat(old.status()).isEqualTo(Circulars.Status.SUPERSEDED);
		assertThat(old.supersededBy()).isEqualTo(v2.id());
		assertThat(circulars.issued(september)).map(Circulars.Circular::id).contains(v2.id());
		assertThat(circulars.docx(v1.id()).content()).isEqualTo(v1Docx);
		assertThat(FileStore.sha256(v1Docx)).isEqualTo(old.docxSha256());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_CIRCULAR_GENERATED' "
				+ "and entity_id = ? and summary like ?", Integer.class, String.valueOf(v2.id()), "%已替代%"))
			.isEqualTo(1);

		// the list shows both versions, the old one marked
		mvc.perform(get("/assessment/circulars").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("已替代")))
			.andExpect(content().string(Matchers.containsString("第2版")));
	}

	@Test
	void refusedPeriodsAndDetailsGiveAChineseMessageAndChangeNothing() throws Exception {
		AuthenticatedUser office = logIn("office");
		int circularsBefore = count("asm_circular");
		long entriesBefore = ledger.count();

		assertThatThrownBy(() -> circulars.issue(Period.month(YearMonth.of(2026, 12)), OPTIONS, office))
			.isInstanceOf(AssessmentException.class).hasMessage("assessment.circular.notFinished");
		assertThatThrownBy(() -> circulars.issue(Period.month(YearMonth.of(2026, 11)), OPTIONS, office))
			.isInstanceOf(AssessmentException.class).hasMessage("assessment.circular.notFinished");
		assertThatThrownBy(() -> circulars.issue(Period.month(YearMonth.of(2024, 7)), OPTIONS, office))
			.isInstanceOf(AssessmentException.class).hasMessage("assessment.circular.empty");
		assertThatThrownBy(() -> circulars.issue(Period.range(java.time.LocalDate.of(2026, 1, 1),
				java.time.LocalDate.of(2026, 1, 31)), OPTIONS, office))
			.isInstanceOf(AssessmentException.class).hasMessage("assessment.circular.kind.range");
		assertThatThrownBy(() -> circulars.issue(Period.month(YearMonth.of(2026, 10)),
				new Circulars.Options(" ", null, "各科室", null), office))
			.isInstanceOf(AssessmentException.class).hasMessage("assessment.circular.issuer.required");

		// through the pages: the message in Chinese, nothing stored, the month not settled
		mvc.perform(post("/assessment/circulars").with(as(user("office"))).with(csrf())
			.param("kind", "MONTH").param("year", "2026").param("month", "12")
			.param("issuer", "区住房和城乡建设局办公室").param("addressee", "各科室"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "2026年12月份尚未结束，不能生成通报"));
		mvc.perform(post("/assessment/circulars").with(as(user("office"))).with(csrf())
			.param("kind", "MONTH").param("year", "2024").param("month", "7")
			.param("issuer", "区住房和城乡建设局办公室").param("addressee", "各科室"))
			.andExpect(flash().attribute("flashError", "2024年7月份没有报送、采用、批示或计分记录，不生成通报"));
		mvc.perform(get("/assessment/circulars/preview").with(as(user("office")))
			.param("kind", "QUARTER").param("year", "2026").param("quarter", "4")
			.param("issuer", "区住房和城乡建设局办公室").param("addressee", "各科室"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("2026年第四季度尚未结束，不能生成通报")));

		assertThat(count("asm_circular")).isEqualTo(circularsBefore);
		assertThat(ledger.count()).isEqualTo(entriesBefore);
		assertThat(quotas.isClosed(YearMonth.of(2024, 7))).isFalse();
	}

	@Test
	void theDraftIsPreviewedWithoutStoringAndAUnitSeesItsOwnPosition() throws Exception {
		InformationItem item = adoptedOn(2025, 8, 12, "八月采用");
		int circularsBefore = count("asm_circular");
		mvc.perform(get("/assessment/circulars/preview").with(as(user("office")))
			.param("kind", "MONTH").param("year", "2025").param("month", "8")
			.param("issuer", "区住房和城乡建设局办公室").param("addressee", "局机关各科室、局属各单位"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("关于2025年8月份信息宣传工作情况的通报")))
			.andExpect(content().string(Matchers.containsString(item.getTitle())))
			.andExpect(content().string(Matchers.containsString("区住房和城乡建设局办公室文件")))
			.andExpect(content().string(Matchers.containsString("印发时将先行结算")));
		assertThat(count("asm_circular")).isEqualTo(circularsBefore);
		assertThat(quotas.isClosed(YearMonth.of(2025, 8))).isFalse();

		Circulars.Circular circular = circulars.issue(Period.month(YearMonth.of(2025, 8)), OPTIONS, logIn("office"));
		Circulars.Position own = circulars.positions(unitId("物业管理科")).get(circular.id());
		assertThat(own.unitName()).isEqualTo("物业管理科");
		assertThat(own.total()).isEqualByComparingTo(rankings.units(Period.month(YearMonth.of(2025, 8))).stream()
			.filter(r -> r.name().equals("物业管理科")).findFirst().orElseThrow().total());
		// the page names the unit's place in the newest issued circular, and in each row its rank
		Circulars.Circular newest = circulars.list().stream().filter(c -> !c.superseded()).findFirst().orElseThrow();
		Circulars.Position latest = circulars.positions(unitId("物业管理科")).get(newest.id());
		mvc.perform(get("/assessment/circulars").with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("本单位在《" + newest.title() + "》中排名第"
					+ latest.rank() + "名，得分" + latest.total().stripTrailingZeros().toPlainString())))
			.andExpect(content().string(Matchers.containsString("第" + own.rank() + "名，"
					+ own.total().stripTrailingZeros().toPlainString() + "分")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"circular-form\""))));
		// the office sees no own position (it sees every unit)
		mvc.perform(get("/assessment/circulars").with(as(user("office"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"own-position\""))))
			.andExpect(content().string(Matchers.containsString("id=\"circular-form\"")));
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
