package io.infodesk.reporting.bulletin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinFilter;
import io.infodesk.reporting.bulletin.BulletinStatus;
import io.infodesk.reporting.bulletin.Bulletins;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.reporting.bulletin.Periodicals;
import io.infodesk.reporting.ReportingIntegrationTest;

/**
 * The bulletin pages: the list with its filter bar (page and htmx fragment) and Excel export, compiling an issue
 * from the form (order by 序号, bad input shown in the form with nothing saved), the detail page with its preview,
 * and the download of the archived DOCX.
 */
class BulletinControllerTests extends ReportingIntegrationTest {

	@Autowired
	Bulletins bulletins;

	@Autowired
	Periodicals periodicals;

	Periodical demo() {
		return periodicals.all().stream().filter(p -> p.getName().equals("住建信息")).findFirst().orElseThrow();
	}

	Bulletin demoIssue() {
		return bulletins.list(new BulletinFilter(demo().getId(), null, BulletinStatus.ISSUED)).get(0);
	}

	/** The demo year issues one a month: the newest issued one, as the list and the export show it first. */
	static String label(Bulletin issue) {
		return issue.getIssueYear() + "年第" + issue.getIssueNo() + "期";
	}

	@Test
	void theListFiltersByPeriodicalYearAndStatusAsPageAndFragment() throws Exception {
		String page = mvc.perform(get("/reporting/bulletins").param("periodicalId", demo().getId().toString())
			.param("year", "2026").param("status", "ISSUED").with(as(user("leader"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("bulletin-filter", "《住建信息》", "2026年第1期", "已印发归档", "我区探索物业服务费");
		assertThat(page).doesNotContain("bulletin-create");
		String fragment = mvc.perform(get("/reporting/bulletins").param("status", "DRAFT").header("HX-Request", "true")
			.with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("id=\"bulletin-table\"", "bulletin-create").doesNotContain("<html");
		assertThat(fragment).doesNotContain("2026年第1期");
	}

	@Test
	void theExportHasTheFilteredBulletins() throws Exception {
		byte[] xlsx = mvc.perform(get("/reporting/bulletins/export").param("status", "ISSUED").with(as(user("office"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("spreadsheetml")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("刊物");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(label(demoIssue()));
		}
	}

	@Test
	void theOfficeCompilesAnIssueInTheOrderItGivesAndSeesThePreview() throws Exception {
		InformationItem a = signedOff(unique("页面甲"));
		InformationItem b = signedOff(unique("页面乙"));
		String form = mvc.perform(get("/reporting/bulletins/new").with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("bulletin-candidates", a.getTitle(), b.getTitle(), "区委办公室，区政府办公室，市住房和城乡建设局办公室。");
		MockHttpServletResponse saved = mvc.perform(post("/reporting/bulletins/new").with(as(user("office"))).with(csrf())
			.param("periodicalId", demo().getId().toString())
			.param("copies", "35")
			.param("reportTo", "区委办公室。")
			.param("itemIds", a.getId().toString(), b.getId().toString())
			.param("positions[" + b.getId() + "]", "1")
			.param("positions[" + a.getId() + "]", "2"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse();
		long id = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D+", ""));
		Bulletin bulletin = bulletins.get(id);
		assertThat(bulletin.getEntries()).extracting(e -> e.getItemId()).containsExactly(b.getId(), a.getId());
		assertThat(bulletin.getCopies()).isEqualTo(35);
		String detail = mvc.perform(get("/reporting/bulletins/" + id).with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("bulletin-paper", "住建信息", "第　期", "区住房和城乡建设局办公室编", b.getTitle(),
				"bulletin-submit", "bulletin-edit", "bulletin-discard").doesNotContain("id=\"bulletin-issue\"");
	}

	@Test
	void aFormWithoutItemsIsShownAgainWithTheMessageAndNothingIsSaved() throws Exception {
		long before = bulletins.list(BulletinFilter.none()).size();
		String page = mvc.perform(post("/reporting/bulletins/new").with(as(user("office"))).with(csrf())
			.param("periodicalId", demo().getId().toString())
			.param("copies", "0"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("bulletin-form", "印数须在 1 到 9999 之间");
		page = mvc.perform(post("/reporting/bulletins/new").with(as(user("office"))).with(csrf())
			.param("periodicalId", demo().getId().toString())
			.param("copies", "30"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("请至少选择一条信息");
		assertThat(bulletins.list(BulletinFilter.none())).hasSize((int) before);
	}

	@Test
	void theDownloadIsTheArchivedFileWithItsChineseName() throws Exception {
		Bulletin issue = demoIssue();
		MockHttpServletResponse response = mvc.perform(get("/reporting/bulletins/" + issue.getId() + "/download")
			.with(as(user("charge"))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andReturn().getResponse();
		assertThat(response.getContentAsByteArray()).isEqualTo(bulletins.file(issue.getId()).getContent());
		assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''")
			.contains(java.net.URLEncoder.encode("住建信息" + label(issue) + ".docx", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.getHeader("X-Content-SHA256")).isEqualTo(bulletins.file(issue.getId()).getSha256());
		String detail = mvc.perform(get("/reporting/bulletins/" + issue.getId()).with(as(user("leader"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("bulletin-download", "bulletin-sha256", "张建国").doesNotContain("id=\"bulletin-edit\"");
	}

	@Test
	void aRefusedIssueIsAToastOnTheDetailPage() throws Exception {
		InformationItem item = signedOff(unique("未审签印发"));
		Bulletin draft = bulletins.create(new io.infodesk.reporting.bulletin.BulletinForm(demo().getId(), false, null, null,
				null, null, 30, List.of(item.getId()), java.util.Map.of(), 0), logIn("office"),
				io.infodesk.shared.security.DataScope.all());
		mvc.perform(post("/reporting/bulletins/" + draft.getId() + "/issue").with(as(user("office"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "简报编辑中，须经领导审签后才能印发"));
		assertThat(bulletins.get(draft.getId()).getStatus()).isEqualTo(BulletinStatus.DRAFT);
	}

}
