package io.infodesk.reporting.item.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.shared.security.AuthenticatedUser;

/** The item pages (S3.1-a, S3.1-b): list with and without htmx, drafting, detail, conflict, register export. */
class ItemControllerTests extends ReportingIntegrationTest {

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private MockHttpServletRequestBuilder itemForm(String path, String title, String body, String... extra) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", title);
		fields.put("kind", "GOVERNMENT");
		fields.put("unitId", String.valueOf(unitId("物业管理科")));
		fields.put("body", body);
		fields.put("angles", "HIGHER_FOCUS");
		fields.put("authors[0].personId", String.valueOf(person("物业管理科", "赵雪").getId()));
		fields.put("authors[0].weight", "");
		fields.put("authors[1].personId", "");
		fields.put("authors[1].weight", "");
		fields.put("baseRevision", "0");
		for (int i = 0; i < extra.length; i += 2) {
			fields.put(extra[i], extra[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(path).with(csrf()).param("sources", "PETITION", "ONLINE_OPINION");
		fields.forEach(request::param);
		return request;
	}

	@Test
	void listIsAPageAndItsTableAFragmentForHtmx() throws Exception {
		String title = unique("列表");
		draft(title);
		AuthenticatedUser publicist = user("publicist");
		Document full = page(get("/reporting/items").param("keyword", title).with(as(publicist)));
		assertThat(full.select("form.filter-bar")).hasSize(1);
		assertThat(full.select("#items tbody td.item-title").eachText()).containsExactly(title);
		assertThat(full.select("#item-table .list-total").text()).isEqualTo("共 1 条");
		assertThat(full.select("a.nav-link.active").text()).isEqualTo("信息台账");

		Document fragment = page(get("/reporting/items").param("keyword", title).header("HX-Request", "true")
			.with(as(publicist)));
		assertThat(fragment.select("form.filter-bar")).isEmpty();
		assertThat(fragment.select("#items tbody td.item-title").eachText()).containsExactly(title);
		assertThat(fragment.select("#item-export").attr("href")).contains("/reporting/items/export").contains("keyword=");
	}

	@Test
	void draftingThroughTheFormSanitizesAndShowsTheItem() throws Exception {
		String title = unique("网页起草");
		MvcResult result = mvc
			.perform(itemForm("/reporting/items/new", title, "<p onmouseover=\"x()\">正文一</p><script>alert(1)</script>")
				.with(as(user("publicist"))))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/reporting/items/\\d+");

		Document detail = page(get(location).with(as(user("publicist"))));
		assertThat(detail.getElementById("item-title").text()).isEqualTo(title);
		assertThat(detail.getElementById("item-status").text()).isEqualTo("草稿");
		assertThat(detail.getElementById("item-body").html()).isEqualTo("<p>正文一</p>");
		assertThat(detail.getElementById("item-angles").text()).isEqualTo("上级关注点");
		assertThat(detail.getElementById("item-sources").text()).contains("日常信访", "网络舆情");
		assertThat(detail.select("#version-table tbody tr")).hasSize(1);
		assertThat(detail.getElementById("item-edit")).isNotNull();
	}

	@Test
	void badInputIsShownInChineseUnderTheFields() throws Exception {
		Document form = page(itemForm("/reporting/items/new", "", "", "authors[0].personId", "")
			.with(as(user("publicist"))));
		assertThat(form.select(".invalid-feedback").eachText()).contains("请输入标题", "请输入正文");
		Document weights = page(itemForm("/reporting/items/new", "比例", "正文", "authors[0].weight", "50",
				"authors[1].personId", String.valueOf(person("物业管理科", "钱进").getId()), "authors[1].weight", "20")
			.with(as(user("publicist"))));
		assertThat(weights.text()).contains("各作者分值比例合计须为 100%");
		assertThat(weights.getElementById("title").val()).isEqualTo("比例");
	}

	@Test
	void unreadableValuesAreShownAsErrorsNotCrashes() throws Exception {
		Document form = page(itemForm("/reporting/items/new", "类型错误", "正文", "kind", "NOT_A_KIND", "authors[0].weight", "五十")
			.with(as(user("publicist"))));
		assertThat(form.getElementById("item-form")).isNotNull();
		assertThat(form.select(".is-invalid, .text-danger, .alert-danger")).isNotEmpty();
	}

	@Test
	void secondEditorOfTheSameVersionGetsTheConflictAndKeepsTheirText() throws Exception {
		InformationItem item = draft(unique("并发"));
		String path = "/reporting/items/" + item.getId() + "/edit";
		mvc.perform(itemForm(path, item.getTitle(), "第一位编辑的正文", "baseRevision", "1").with(as(user("publicist"))))
			.andExpect(status().is3xxRedirection());

		Document conflict = page(
				itemForm(path, item.getTitle(), "第二位编辑的正文", "baseRevision", "1").with(as(user("publicist"))));
		assertThat(conflict.getElementById("edit-conflict").text()).contains("已被「赵雪」修改为第 2 版", "没有丢失");
		assertThat(conflict.getElementById("body").val()).isEqualTo("第二位编辑的正文");
		assertThat(conflict.getElementById("baseRevision").val()).isEqualTo("2");
		assertThat(conflict.select("#edit-conflict ins").text()).contains("二");
		assertThat(items.get(item.getId()).getBodyText()).isEqualTo("第一位编辑的正文");
	}

	@Test
	void staffMayReadButNotDraftAndPersonnelSeesNoItems() throws Exception {
		mvc.perform(get("/reporting/items/new").with(as(user("staff")))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/items").with(as(user("staff")))).andExpect(status().isOk());
		mvc.perform(get("/reporting/items").with(as(user("personnel")))).andExpect(status().isForbidden());
	}

	@Test
	void registerExportAppliesTheFiltersAndNeutralisesFormulas() throws Exception {
		String marker = unique("台账");
		InformationItem formula = draft("=HYPERLINK(\"http://evil\")" + marker);
		draft(marker + "普通");
		AuthenticatedUser publicist = user("publicist");
		items.create(new ItemForm(marker + "党建", io.infodesk.reporting.item.ItemKind.PARTY, unitId("物业管理科"), "正文",
				java.util.Set.of(), java.util.Set.of(),
				List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null)), 0), publicist, scope());

		byte[] xlsx = mvc.perform(get("/reporting/items/export").param("keyword", marker).param("kind", "GOVERNMENT")
			.with(as(publicist)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("标题");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			List<String> titles = new java.util.ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					titles.add(row.getCell(1).getStringCellValue());
					assertThat(row.getCell(7).getStringCellValue()).isEqualTo("草稿");
				}
			}
			assertThat(titles).containsExactlyInAnyOrder("'" + formula.getTitle(), marker + "普通");
		}
		assertThat(items.get(formula.getId()).getStatus()).isEqualTo(ItemStatus.DRAFT);
	}

	@Test
	void diffPageShowsWhatChangedBetweenVersions() throws Exception {
		InformationItem item = draft(unique("对比"));
		String path = "/reporting/items/" + item.getId() + "/edit";
		mvc.perform(itemForm(path, item.getTitle(), "区住建局推进老旧小区物业管理全覆盖。\n新增覆盖小区 15 个。", "baseRevision", "1")
			.with(as(user("publicist")))).andExpect(status().is3xxRedirection());
		Document diff = page(get("/reporting/items/" + item.getId() + "/diff").with(as(user("publicist"))));
		assertThat(diff.select("#diff-body ins").text()).contains("15");
		assertThat(diff.select("#diff-body del").text()).contains("12");
	}

}
