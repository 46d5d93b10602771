package io.infodesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.infodesk.monitoring.internal.FeedServer;
import io.infodesk.shared.excel.ExcelExporter;

/**
 * The source administration pages against a local HTTP server: a feed and an HTML list page tested before saving
 * (what would be extracted, with the schemes' levels), a loopback address refused unless allowed, the form's Chinese
 * refusals saving nothing, edit, "fetch soon", and the source list exported and imported in one Excel format.
 */
class SourceAdminTests extends MonitoringIntegrationTest {

	@Test
	void testingAFeedAndAListPageShowsWhatWouldBeExtractedStoringNothing() throws Exception {
		try (FeedServer server = new FeedServer()) {
			Integer before = jdbc.queryForObject("select count(*) from mon_source", Integer.class);
			String feed = mvc.perform(form(post("/monitoring/sources/test"), "测试RSS", "FEED", server.url("/rss.xml"), true, null))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(feed).contains("可提取3条信息").contains("湖塘某楼盘逾期交房一年").contains("mon-level-")
				.contains("房地产交付");
			String page = mvc.perform(form(post("/monitoring/sources/test"), "测试网页", "HTML", server.url("/list.html"), true,
					"ul.news li"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("可提取2条信息").contains("工地包工头拖欠工资 二十余名农民工讨薪").contains("2026-12-06");
			String refused = mvc.perform(form(post("/monitoring/sources/test"), "内网", "FEED", server.url("/rss.xml"), false, null))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(refused).contains("抓取失败").contains("拒绝抓取内网或本机地址");
			String broken = mvc.perform(form(post("/monitoring/sources/test"), "坏源", "FEED", server.url("/broken.xml"), true, null))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(broken).contains("内容无法解析");
			assertThat(server.hits.get("/rss.xml").get()).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from mon_source", Integer.class)).isEqualTo(before);
		}
	}

	@Test
	void theFormSavesEditsAndRefusesInChinese() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from mon_source", Integer.class);
		String noSelector = mvc.perform(form(post("/monitoring/sources/new"), "无选择器", "HTML", "https://news.example.cn/list", false, null))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(noSelector).contains("网页列表须填写条目选择器");
		String badUrl = mvc.perform(form(post("/monitoring/sources/new"), "坏地址", "FEED", "javascript:alert(1)", false, null))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(badUrl).contains("地址须以 http:// 或 https:// 开头");
		assertThat(jdbc.queryForObject("select count(*) from mon_source", Integer.class)).isEqualTo(before);

		mvc.perform(form(post("/monitoring/sources/new"), "常州住建网", "FEED", "https://zjj.example.cn/rss.xml", false, null))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("select id from mon_source where name = '常州住建网'", Long.class);
		mvc.perform(get("/monitoring/sources/{id}/edit", id).with(as(user("office")))).andExpect(status().isOk());
		mvc.perform(form(post("/monitoring/sources/{id}/edit", id), "常州市住建局网站", "FEED", "https://zjj.example.cn/rss2.xml",
				false, null))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select url from mon_source where id = ?", String.class, id))
			.isEqualTo("https://zjj.example.cn/rss2.xml");
		mvc.perform(post("/monitoring/sources/{id}/fetch", id).with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select next_fetch_at is not null from mon_source where id = ?", Boolean.class, id))
			.isTrue();
		assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'MonitoringSource' and entity_id = ?",
				String.class, String.valueOf(id)))
			.contains("MONITORING_SOURCE_CREATED", "MONITORING_SOURCE_UPDATED", "MONITORING_SOURCE_FETCH_REQUESTED");
		String list = mvc.perform(get("/monitoring/sources").with(as(user("leader"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("常州市住建局网站").doesNotContain("source-create");
	}

	@Test
	void theExportIsTheImportFormatAllOrNone() throws Exception {
		byte[] export = mvc.perform(get("/monitoring/sources/export").with(as(user("office"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> headers;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			var header = book.getSheetAt(0).getRow(0);
			headers = new java.util.ArrayList<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				headers.add(header.getCell(c).getStringCellValue());
			}
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(4);
		}
		Integer before = jdbc.queryForObject("select count(*) from mon_source", Integer.class);
		String again = upload(export);
		assertThat(again).isNull();
		assertThat(jdbc.queryForObject("select count(*) from mon_source", Integer.class)).isEqualTo(before);

		byte[] bad = ExcelExporter.table("信息源", headers, List.of(
				List.of("扬子晚报", "省级媒体", "2", "江苏", "RSS/Atom订阅", "https://yangtse.example.cn/rss", "", "", "", "30", "是", "否"),
				List.of("坏行", "省级媒体", "9", "江苏", "RSS/Atom订阅", "https://bad.example.cn/rss", "", "", "", "30", "是", "否")));
		String refused = mvc.perform(multipart("/monitoring/sources/import").file(new MockMultipartFile("file", "s.xlsx",
				ExcelExporter.CONTENT_TYPE, bad)).with(csrf()).with(as(user("office"))))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("第3行：级别应为1～4");
		assertThat(jdbc.queryForObject("select count(*) from mon_source", Integer.class)).isEqualTo(before);

		byte[] good = ExcelExporter.table("信息源", headers, List.of(
				List.of("扬子晚报", "省级媒体", "2", "江苏", "RSS/Atom订阅", "https://yangtse.example.cn/rss", "", "", "", "30", "是", "否"),
				List.of("武进新闻网", "CITY", "3", "武进", "网页列表", "https://wj.example.cn/news", "ul.list li", ".date", "", "60", "是", "否")));
		upload(good);
		assertThat(jdbc.queryForObject("select count(*) from mon_source", Integer.class)).isEqualTo(before + 2);
		assertThat(jdbc.queryForObject("select item_selector from mon_source where name = '武进新闻网'", String.class))
			.isEqualTo("ul.list li");
	}

	private String upload(byte[] xlsx) throws Exception {
		return (String) mvc.perform(multipart("/monitoring/sources/import")
			.file(new MockMultipartFile("file", "sources.xlsx", ExcelExporter.CONTENT_TYPE, xlsx)).with(csrf())
			.with(as(user("office"))))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flashError");
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name, String format,
			String url, boolean allowInternal, String selector) {
		request.with(csrf()).with(as(user("office"))).param("name", name).param("kind", "CITY").param("tier", "3")
			.param("region", "常州").param("format", format).param("url", url).param("intervalMinutes", "60")
			.param("enabled", "true").param("allowInternal", Boolean.toString(allowInternal));
		if (selector != null) {
			request.param("itemSelector", selector).param("dateSelector", ".date");
		}
		return request;
	}

}
