package io.infodesk.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;

import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.Recomputations;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.DataScope;

/**
 * S3.2-d: a coverage record (见报、播出) scores MEDIA_COVERAGE by the outlet's tier — a front-page lead times the
 * multiplier of MEDIA_COVERAGE:FRONT_PAGE_LEAD — for the credited unit and, split by the weights, its people; the
 * unit's ranking total rises by it, and a recomputation from the records finds nothing to correct. Bad input
 * (unknown outlet, a future day, weights that do not add up, evidence that is not an image or a PDF by content,
 * no evidence) is refused in Chinese and nothing is saved; contacts of the media directory are for the office
 * and leaders only.
 */
class CoverageScoringTests extends AssessmentIntegrationTest {

	@Autowired
	Coverages coverages;

	@Autowired
	Outlets outlets;

	@Autowired
	Rankings rankings;

	@Autowired
	Recomputations recomputations;

	@Test
	void aFrontPageLeadInACityPaperDoublesTheTierPointsAndTheRankingAndRecomputationAgree() throws Exception {
		LocalDate day = LocalDate.of(2026, 10, 16);
		long unit = unitId("物业管理科");
		Outlet daily = outlet(unique("市晚报"), MediaTier.CITY);
		BigDecimal before = unitTotal(unit, day);

		Coverage coverage = coverages.record(new CoverageForm(daily.getId(), day, unique("物业服务进小区"), "https://example.org/a",
				Coverage.Form.NEWS, Coverage.Placement.FRONT_PAGE_LEAD,
				List.of(new CoverageForm.CreditEntry(person("物业管理科", "赵雪").getId(), 60),
						new CoverageForm.CreditEntry(person("物业管理科", "钱进").getId(), 40))),
				png(), logIn("office"), DataScope.all());
		settle();

		Map<String, BigDecimal> points = ledger.entries(Ledger.EntryQuery.units(day, day).unit(unit))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.COVERAGE) && e.sourceId().equals(coverage.getId().toString()))
			.collect(Collectors.toMap(LedgerEntry::recipientKey, LedgerEntry::points, BigDecimal::add));
		assertThat(points).containsOnlyKeys(unitKey("物业管理科"));
		assertThat(points.get(unitKey("物业管理科"))).isEqualByComparingTo("8"); // 市级 4 × 头版头条 2
		Map<String, BigDecimal> people = ledger.entries(Ledger.EntryQuery.persons(day, day).unit(unit))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.COVERAGE) && e.sourceId().equals(coverage.getId().toString()))
			.collect(Collectors.toMap(LedgerEntry::recipientKey, LedgerEntry::points, BigDecimal::add));
		assertThat(people).containsEntry(personKey("物业管理科", "赵雪"), new BigDecimal("4.80"))
			.containsEntry(personKey("物业管理科", "钱进"), new BigDecimal("3.20"));
		assertThat(ledger.entries(Ledger.EntryQuery.units(day, day).unit(unit)))
			.filteredOn(e -> e.sourceId().equals(coverage.getId().toString()))
			.allSatisfy(e -> assertThat(e.ruleKey()).isEqualTo("MEDIA_COVERAGE:CITY"));

		assertThat(unitTotal(unit, day).subtract(before)).isEqualByComparingTo("8");
		assertThat(recomputations.preview(day, day).differences()).isEmpty();
		assertThat(auditCount("PUBLICITY_COVERAGE_RECORDED", coverage.getId())).isEqualTo(1);
	}

	@Test
	void anOrdinaryCentralPieceScoresTheCentralTierAndTheDemoYearRecomputesWithoutDifferences() {
		LocalDate day = LocalDate.of(2026, 9, 2);
		Outlet central = outlet(unique("中央媒体"), MediaTier.CENTRAL);
		Coverage coverage = coverages.record(new CoverageForm(central.getId(), day, unique("城市更新"), null,
				Coverage.Form.FEATURE, Coverage.Placement.FRONT_PAGE,
				List.of(new CoverageForm.CreditEntry(person("物业管理科", "赵雪").getId(), null))), png(), logIn("office"),
				DataScope.all());
		settle();
		assertThat(ledger.entries(Ledger.EntryQuery.units(day, day).unit(unitId("物业管理科"))))
			.filteredOn(e -> e.sourceType().equals(SourceTypes.COVERAGE) && e.sourceId().equals(coverage.getId().toString()))
			.singleElement()
			.satisfies(e -> assertThat(e.points()).isEqualByComparingTo("15"));
		// the demo year of coverage (every tier, front-page leads) and this record: the ledger agrees with the records
		assertThat(recomputations.preview(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 27)).differences()).isEmpty();
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsSaved() throws Exception {
		Outlet district = outlet(unique("区报"), MediaTier.DISTRICT);
		long writer = person("物业管理科", "赵雪").getId();
		long colleague = person("物业管理科", "钱进").getId();
		long count = coverages.count();
		LocalDate today = LocalDate.now(clock);
		refused(new CoverageForm(999_999L, today, "标题", null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(writer, null))), png(), "publicity.coverage.outlet.unknown");
		refused(new CoverageForm(district.getId(), today.plusDays(1), "标题", null, Coverage.Form.NEWS,
				Coverage.Placement.ORDINARY, List.of(new CoverageForm.CreditEntry(writer, null))), png(),
				"publicity.coverage.on.future");
		refused(new CoverageForm(district.getId(), today, "标题", null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(writer, 60), new CoverageForm.CreditEntry(colleague, 30))), png(),
				"publicity.coverage.weights.sum");
		refused(new CoverageForm(district.getId(), today, "标题", null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of()), png(), "publicity.coverage.credits.required");
		refused(new CoverageForm(district.getId(), today, "标题", null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(writer, null))), null, "publicity.coverage.evidence.required");
		refused(new CoverageForm(district.getId(), today, "标题", null, Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(writer, null))), upload("x.png", "just text, not an image".getBytes()),
				"publicity.coverage.evidence.refused");
		// a publicist credits only people of their own unit
		assertThatThrownBy(() -> coverages.record(new CoverageForm(district.getId(), today, "标题", null,
				Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(person("住房保障科", "曾晓").getId(), null))), png(),
				logIn("publicist"), scope()))
			.extracting(ex -> ((PublicityException) ex).messageKey())
			.isEqualTo("publicity.coverage.person.outOfScope");

		// through the page: a future day and a text file posing as a clipping, shown in Chinese, nothing saved
		mvc.perform(multipart("/publicity/coverage/new").file(new MockMultipartFile("evidence", "clip.png", "image/png", pngBytes()))
			.param("outletId", district.getId().toString())
			.param("publishedOn", today.plusDays(3).toString())
			.param("title", "未来的报道")
			.param("form", "NEWS")
			.param("placement", "ORDINARY")
			.param("credits[0].personId", Long.toString(writer))
			.with(csrf())
			.with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("刊播日期不能晚于今天")));
		mvc.perform(multipart("/publicity/coverage/new")
			.file(new MockMultipartFile("evidence", "clip.docx", "application/octet-stream", "PK\u0003\u0004 fake".getBytes()))
			.param("outletId", district.getId().toString())
			.param("publishedOn", today.toString())
			.param("title", "文档冒充截图")
			.param("form", "NEWS")
			.param("placement", "ORDINARY")
			.param("credits[0].personId", Long.toString(writer))
			.with(csrf())
			.with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("证明材料只能是图片")));
		assertThat(coverages.count()).isEqualTo(count);
	}

	@Test
	void thePagesShowTheRegisterExportItAndKeepContactsForTheOfficeAndLeaders() throws Exception {
		Outlet outlet = outlets.create(new OutletForm(unique("省电视台"), MediaTier.PROVINCE, Outlet.Kind.TELEVISION, null,
				List.of(new OutletForm.ContactEntry("冯记者", "记者", "13912345678", "feng@example.org"))), logIn("office"));
		mvc.perform(get("/publicity/media").with(as(user("office"))))
			.andExpect(content().string(Matchers.containsString("13912345678")));
		mvc.perform(get("/publicity/media").with(as(user("leader"))))
			.andExpect(content().string(Matchers.containsString("13912345678")));
		mvc.perform(get("/publicity/media").with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(outlet.getName())))
			.andExpect(content().string(Matchers.not(Matchers.containsString("13912345678"))));
		Coverage coverage = coverages.record(new CoverageForm(outlet.getId(), LocalDate.now(clock), unique("住房保障"), null,
				Coverage.Form.NEWS, Coverage.Placement.ORDINARY,
				List.of(new CoverageForm.CreditEntry(person("物业管理科", "赵雪").getId(), null))), png(), logIn("office"),
				DataScope.all());
		mvc.perform(get("/publicity/coverage").param("keyword", coverage.getTitle()).with(as(user("publicist"))))
			.andExpect(content().string(Matchers.containsString(coverage.getTitle())));
		mvc.perform(get("/publicity/coverage/" + coverage.getId()).with(as(user("publicist"))))
			.andExpect(content().string(Matchers.containsString("省级")));
		mvc.perform(get("/publicity/coverage/" + coverage.getId() + "/evidence").with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		byte[] register = mvc.perform(get("/publicity/coverage/export").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")))
			.andReturn().getResponse().getContentAsByteArray();
		// the register in Excel: the recorded coverage is a row with its outlet and title
		List<String> rowsText = io.infodesk.support.Workbooks.firstSheetRows(register);
		assertThat(rowsText).anySatisfy(line -> assertThat(line).contains(coverage.getTitle(), outlet.getName()));
	}

	private void refused(CoverageForm form, Upload evidence, String key) {
		long count = coverages.count();
		assertThatThrownBy(() -> coverages.record(form, evidence, logIn("office"), DataScope.all()))
			.isInstanceOf(PublicityException.class)
			.extracting(ex -> ((PublicityException) ex).messageKey())
			.isEqualTo(key);
		assertThat(coverages.count()).isEqualTo(count);
	}

	private BigDecimal unitTotal(long unitId, LocalDate day) {
		return rankings.units(Period.year(day.getYear()))
			.stream()
			.filter(s -> s.id() == unitId)
			.map(Rankings.Standing::total)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private Outlet outlet(String name, MediaTier tier) {
		return outlets.create(new OutletForm(name, tier, Outlet.Kind.NEWSPAPER, null, List.of()), logIn("office"));
	}

	public static byte[] pngBytes() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Upload png() {
		return upload("版面.png", pngBytes());
	}

	private static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, new ByteArrayResource(bytes));
	}

}
