package io.infodesk.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.circular.Circulars;
import io.infodesk.assessment.Period;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The assessment over the REST API (issue 11 point 3): rankings by period for units and people, a unit's and a
 * person's ledger entries with their sources, the 通报 list and its files — with the pages' rules of who sees
 * what (the unit ranking and the 通报 for everyone, entries and people within the scope, 404 outside it), 401
 * without credentials and 403 without {@code assessment:view}.
 */
class AssessmentApiTests extends AssessmentIntegrationTest {

	static final String PASSWORD = "Demo@2026";

	static final Circulars.Options OPTIONS = new Circulars.Options("区住房和城乡建设局办公室", "住建办〔2026〕9号",
			"局机关各科室、局属各单位", "局领导班子成员。");

	@Autowired
	Circulars circulars;

	private ResultActions getAs(String username, String path, String... params) throws Exception {
		var request = get(path).with(httpBasic(username, PASSWORD)).accept(MediaType.APPLICATION_JSON);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	private void anonymousAndUnpermitted(String path) throws Exception {
		// the services were called as a logged-in user on this thread: the anonymous request must not inherit it
		org.springframework.security.test.context.TestSecurityContextHolder.clearContext();
		mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未登录"));
		// the administrator and the personnel office have no assessment:view
		getAs("personnel", path)
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("您没有执行此操作的权限。"));
	}

	/** An item of 物业管理科 by 赵雪 submitted and adopted at city level on a day of September 2026. */
	private InformationItem adoptedInSeptember(String title) {
		clock.set(LocalDateTime.of(2026, 9, 14, 9, 0).atZone(TimeConfiguration.ZONE).toInstant());
		InformationItem item = submittedUpward(unique(title));
		adopt(item, AdministrativeLevel.CITY);
		settle();
		clock.reset();
		return item;
	}

	@Test
	void unitRanking() throws Exception {
		adoptedInSeptember("接口排名");
		String body = getAs("publicist", "/api/assessment/rankings/units", "kind", "MONTH", "year", "2026", "month", "9")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.kind").value("MONTH"))
			.andExpect(jsonPath("$.period.from").value("2026-09-01"))
			.andExpect(jsonPath("$.period.to").value("2026-09-30"))
			.andExpect(jsonPath("$.period.label").value("2026年9月"))
			// every reporting unit, also for a publicist (as on the page), not the leadership
			.andExpect(jsonPath("$.standings.length()").value(Matchers.greaterThanOrEqualTo(11)))
			.andExpect(jsonPath("$.standings[?(@.name == '局领导班子')]").isEmpty())
			.andExpect(jsonPath("$.standings[?(@.name == '住房保障科')]").isNotEmpty())
			.andExpect(jsonPath("$.standings[0].rank").value(1))
			.andReturn().getResponse().getContentAsString();
		List<Number> totals = JsonPath.read(body, "$.standings[?(@.name == '物业管理科')].total");
		assertThat(new BigDecimal(totals.get(0).toString())).isPositive();
		List<String> labels = JsonPath.read(body, "$.standings[?(@.name == '物业管理科')].categories[*].label");
		assertThat(labels).contains("信息采用");
		anonymousAndUnpermitted("/api/assessment/rankings/units");
	}

	@Test
	void peopleRanking() throws Exception {
		adoptedInSeptember("接口个人排名");
		getAs("office", "/api/assessment/rankings/people", "kind", "YEAR", "year", "2026")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.label").value("2026年"))
			.andExpect(jsonPath("$.standings[?(@.name == '赵雪')].unitName").value("物业管理科"))
			.andExpect(jsonPath("$.standings[?(@.name == '赵雪')].target").value(Matchers.contains(Matchers.nullValue())));
		// the publicist: the own unit's people only; another unit is 404
		getAs("publicist", "/api/assessment/rankings/people", "kind", "YEAR", "year", "2026")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.standings[*].unitName").value(Matchers.everyItem(Matchers.is("物业管理科"))))
			.andExpect(jsonPath("$.standings[*].name").value(Matchers.hasItem("赵雪")));
		getAs("publicist", "/api/assessment/rankings/people", "unitId", String.valueOf(unitId("住房保障科")))
			.andExpect(status().isNotFound());
		getAs("publicist", "/api/assessment/rankings/people", "kind", "WEEK").andExpect(status().isBadRequest());
		anonymousAndUnpermitted("/api/assessment/rankings/people");
	}

	@Test
	void unitEntriesWithTheirSources() throws Exception {
		InformationItem item = adoptedInSeptember("接口单位记录");
		long property = unitId("物业管理科");
		String path = "/api/assessment/units/" + property + "/entries";
		String body = getAs("head", path, "kind", "MONTH", "year", "2026", "month", "9")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subjectName").value("物业管理科"))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].source.type").value("ADOPTION"))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].source.typeLabel").value("信息采用"))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].source.label")
				.value(Matchers.contains(Matchers.containsString(item.getTitle()))))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].categoryLabel").value("信息采用"))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].originLabel").value("自动计分"))
			.andReturn().getResponse().getContentAsString();
		// the entries add up to the total, and the total is the ranking's
		List<Number> points = JsonPath.read(body, "$.entries[*].points");
		BigDecimal sum = points.stream().map(p -> new BigDecimal(p.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(new BigDecimal(JsonPath.read(body, "$.total").toString()));
		BigDecimal ranked = rankings().units(Period.month(YearMonth.of(2026, 9))).stream()
			.filter(s -> s.id() == property).findFirst().orElseThrow().total();
		assertThat(sum).isEqualByComparingTo(ranked);
		getAs("head", path, "kind", "MONTH", "year", "2026", "month", "9", "category", "INSTRUCTION")
			.andExpect(jsonPath("$.entries[*].category").value(Matchers.everyItem(Matchers.is("INSTRUCTION"))));
		// the office sees every unit; a publicist of another unit, or an unknown unit: 404
		getAs("office", path).andExpect(status().isOk());
		getAs("publicist", "/api/assessment/units/" + unitId("住房保障科") + "/entries").andExpect(status().isNotFound());
		getAs("publicist", "/api/assessment/units/999999/entries").andExpect(status().isNotFound());
		anonymousAndUnpermitted(path);
	}

	@Test
	void personEntriesWithTheirSources() throws Exception {
		InformationItem item = adoptedInSeptember("接口个人记录");
		long zhao = person("物业管理科", "赵雪").getId();
		String path = "/api/assessment/people/" + zhao + "/entries";
		getAs("publicist", path, "kind", "YEAR", "year", "2026")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subjectName").value("赵雪"))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].personId").value((int) zhao))
			.andExpect(jsonPath("$.entries[?(@.source.itemId == " + item.getId() + ")].source.link")
				.value(Matchers.contains(Matchers.startsWith("/reporting/items/" + item.getId()))));
		long other = organization.peopleOf(unitId("住房保障科")).get(0).getId();
		getAs("leader", "/api/assessment/people/" + other + "/entries").andExpect(status().isOk());
		getAs("publicist", "/api/assessment/people/" + other + "/entries").andExpect(status().isNotFound());
		getAs("publicist", "/api/assessment/people/999999/entries").andExpect(status().isNotFound());
		anonymousAndUnpermitted(path);
	}

	@Test
	void circularsAndTheirFiles() throws Exception {
		adoptedInSeptember("接口通报");
		Circulars.Circular circular = circulars.issue(Period.month(YearMonth.of(2026, 9)), OPTIONS, logIn("office"));
		Circulars.Position own = circulars.positions(unitId("物业管理科")).get(circular.id());
		String filter = "$[?(@.id == " + circular.id() + ")]";
		getAs("publicist", "/api/assessment/circulars")
			.andExpect(status().isOk())
			.andExpect(jsonPath(filter + ".title").value("关于2026年9月份信息宣传工作情况的通报"))
			.andExpect(jsonPath(filter + ".status").value("ISSUED"))
			.andExpect(jsonPath(filter + ".statusLabel").value("已印发"))
			.andExpect(jsonPath(filter + ".period.label").value("2026年9月"))
			.andExpect(jsonPath(filter + ".docx.href").value("/api/assessment/circulars/" + circular.id() + "/docx"))
			.andExpect(jsonPath(filter + ".docx.sha256").value(circular.docxSha256()))
			.andExpect(jsonPath(filter + ".ownUnit.rank").value(own.rank()));
		anonymousAndUnpermitted("/api/assessment/circulars");

		var docx = getAs("publicist", "/api/assessment/circulars/" + circular.id() + "/docx")
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
			.andExpect(header().string("X-Content-SHA256", circular.docxSha256()))
			.andExpect(header().string("Content-Disposition", Matchers.containsString("filename*=UTF-8''")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(docx)))
			.isEqualTo(circular.docxSha256());
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(document.getParagraphs().stream().map(p -> p.getText()).toList())
				.contains("关于2026年9月份信息宣传工作情况的通报");
		}
		var xlsx = getAs("leader", "/api/assessment/circulars/" + circular.id() + "/xlsx")
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-SHA256", circular.xlsxSha256()))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isPositive();
		}
		// a download is audited like the page's
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ASSESSMENT_CIRCULAR_DOWNLOADED' "
				+ "and entity_id = ?", Integer.class, String.valueOf(circular.id()))).isGreaterThanOrEqualTo(2);
		getAs("publicist", "/api/assessment/circulars/999999/docx")
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));
		anonymousAndUnpermitted("/api/assessment/circulars/" + circular.id() + "/docx");
		anonymousAndUnpermitted("/api/assessment/circulars/" + circular.id() + "/xlsx");
	}

	@Autowired
	io.infodesk.assessment.Rankings rankingService;

	private io.infodesk.assessment.Rankings rankings() {
		return rankingService;
	}

}
