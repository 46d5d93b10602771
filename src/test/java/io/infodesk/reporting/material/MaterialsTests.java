package io.infodesk.reporting.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.shared.files.TestFiles;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The material library (素材库, S3.1-b): drafting roles add clippings (text sanitized like item bodies), everyone
 * with reporting:view reads them, the filter bar drives list and export, a drafter links materials to the item
 * they may edit, a clipping in use cannot be deleted, bad input saves nothing.
 */
class MaterialsTests extends ReportingIntegrationTest {

	@Autowired
	Materials materials;

	@Autowired
	Attachments attachments;

	MaterialForm materialForm(String title) {
		return new MaterialForm(MaterialKind.NEWSPAPER, title, "《中国建设报》", "https://www.example.cn/a.html",
				LocalDate.of(2026, 11, 20), "物业管理，老旧小区", "<p>加强物业服务企业信用管理。</p><script>alert(1)</script>");
	}

	Document page(String path, AuthenticatedUser user) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	@Test
	void aPublicistAddsAClippingWithAFileAndEveryoneReadsIt() throws Exception {
		String title = unique("物业信用管理办法解读");
		var result = mvc.perform(multipart("/reporting/materials/new")
			.file(new MockMultipartFile("file", "原文.pdf", "application/pdf", TestFiles.pdf()))
			.param("kind", "NEWSPAPER").param("title", title).param("source", "《中国建设报》")
			.param("url", "https://www.example.cn/a.html").param("publishedOn", "2026-11-20")
			.param("tags", "物业管理，老旧小区 信用").param("body", "加强物业服务企业信用管理。<script>alert(1)</script>")
			.with(csrf()).with(as(user("publicist")))).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		Material material = materials.get(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(material.getBody()).doesNotContain("script").contains("加强物业服务企业信用管理。");
		assertThat(material.getBodyText()).isEqualTo("加强物业服务企业信用管理。");
		assertThat(material.getTags()).containsExactlyInAnyOrder("物业管理", "老旧小区", "信用");
		assertThat(attachments.of(Attachment.Owner.MATERIAL, material.getId())).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'MATERIAL_CREATED' and entity_id = ?",
				Integer.class, String.valueOf(material.getId()))).isEqualTo(1);

		// staff of any unit read it (bureau-wide reference), but cannot add
		Document detail = page("/reporting/materials/" + material.getId(), user("staff"));
		assertThat(detail.getElementById("material-title").text()).isEqualTo(title);
		assertThat(detail.getElementById("material-edit")).isNull();
		mvc.perform(get("/reporting/materials/new").with(as(user("staff")))).andExpect(status().isForbidden());
		Document list = page("/reporting/materials?tag=老旧小区&keyword=" + title, user("charge"));
		assertThat(list.select("#materials td.material-title a").text()).isEqualTo(title);
		assertThat(page("/reporting/materials?tag=不存在的标签&keyword=" + title, user("charge")).select("#materials td.material-title"))
			.isEmpty();

		byte[] xlsx = mvc.perform(get("/reporting/materials/export").param("keyword", title).with(as(user("staff"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(title);
		}
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsSaved() throws Exception {
		long before = jdbc.queryForObject("select count(*) from rpt_material", Long.class);
		String html = mvc.perform(post("/reporting/materials/new").param("kind", "WEB").param("title", "")
			.param("source", "区政府网站").param("url", "javascript:alert(1)").param("body", "正文")
			.with(csrf()).with(as(user("publicist")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select("#material-form .invalid-feedback").text()).contains("请填写标题");
		String badUrl = mvc.perform(post("/reporting/materials/new").param("kind", "WEB").param("title", "标题")
			.param("source", "区政府网站").param("url", "javascript:alert(1)").param("body", "正文")
			.with(csrf()).with(as(user("publicist")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(badUrl).select("#material-form").text()).contains("网址须以 http:// 或 https:// 开头");
		String badFile = mvc.perform(multipart("/reporting/materials/new")
			.file(new MockMultipartFile("file", "讲话.docx", "application/octet-stream", TestFiles.exe()))
			.param("kind", "SPEECH").param("title", "讲话").param("source", "张建国局长").param("body", "正文")
			.with(csrf()).with(as(user("publicist")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(badFile).select("#material-form").text()).contains("可执行程序");
		AuthenticatedUser publicist = logIn("publicist");
		assertThatThrownBy(() -> materials.create(new MaterialForm(MaterialKind.WEB, "标题", "来源", null,
				LocalDate.now(clock).plusDays(1), "", "正文"), null, publicist)).hasMessage("reporting.material.publishedOn.future");
		assertThatThrownBy(() -> materials.create(new MaterialForm(MaterialKind.WEB, "标题", "来源", null, null,
				"一二三四五六七八九十一二三四五六七八九十一", "正文"), null, publicist)).hasMessage("reporting.material.tags.tooLong");
		assertThatThrownBy(() -> materials.create(new MaterialForm(MaterialKind.WEB, "标题", "来源", null, null, "",
				"<script>x</script>"), null, publicist)).hasMessage("reporting.material.body.required");
		assertThat(jdbc.queryForObject("select count(*) from rpt_material", Long.class)).isEqualTo(before);
	}

	@Test
	void aDrafterLinksMaterialsToTheirItemAndALinkedClippingCannotBeDeleted() throws Exception {
		AuthenticatedUser office = logIn("office");
		Material material = materials.create(materialForm(unique("老旧小区改造经验")), null, office);
		InformationItem item = draft(unique("引用素材的信息"));

		Document picker = Jsoup.parse(mvc.perform(get("/reporting/materials/pick").param("itemId", String.valueOf(item.getId()))
			.param("keyword", material.getTitle()).header("HX-Request", "true").with(as(user("publicist"))))
			.andReturn().getResponse().getContentAsString());
		assertThat(picker.select(".material-choice-title").text()).isEqualTo(material.getTitle());
		mvc.perform(post("/reporting/items/" + item.getId() + "/materials").param("materialId", String.valueOf(material.getId()))
			.with(csrf()).with(as(user("publicist")))).andExpect(status().is3xxRedirection());
		Document itemPage = page("/reporting/items/" + item.getId(), user("head"));
		assertThat(itemPage.select("#linked-materials a").text()).isEqualTo(material.getTitle());
		assertThat(page("/reporting/materials/" + material.getId(), user("publicist")).select("#material-used a").text())
			.isEqualTo(item.getTitle());

		// the head of the unit reads the draft but may not change its materials
		var refused = mvc.perform(post("/reporting/items/" + item.getId() + "/materials/" + material.getId() + "/unlink")
			.with(csrf()).with(as(user("head")))).andReturn();
		assertThat(refused.getFlashMap().get("flashError")).asString().contains("起草人或当前环节审核人");

		// in use: not deleted, not even by the office
		var inUse = mvc.perform(post("/reporting/materials/" + material.getId() + "/delete").with(csrf())
			.with(as(user("office")))).andReturn();
		assertThat(inUse.getFlashMap().get("flashError")).asString().contains("已被 1 条信息引用");
		mvc.perform(post("/reporting/items/" + item.getId() + "/materials/" + material.getId() + "/unlink").with(csrf())
			.with(as(user("publicist")))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/reporting/materials/" + material.getId() + "/delete").with(csrf()).with(as(user("office"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from rpt_material where id = ?", Integer.class, material.getId()))
			.isZero();
		assertThat(auditCount("ITEM_MATERIAL_LINKED", item.getId())).isEqualTo(1);
		assertThat(auditCount("ITEM_MATERIAL_UNLINKED", item.getId())).isEqualTo(1);
	}

	@Test
	void aDrafterEditsOnlyTheirOwnClippingsAndTheOfficeCuratesAll() throws Exception {
		Material byOffice = materials.create(materialForm(unique("办公室素材")), null, logIn("office"));
		Material byPublicist = materials.create(materialForm(unique("宣传员素材")), null, logIn("publicist"));
		AuthenticatedUser publicist = user("publicist");
		assertThatThrownBy(() -> materials.update(byOffice.getId(), materialForm("改名"), null, publicist))
			.hasMessage("reporting.material.notYours");
		var redirect = mvc.perform(get("/reporting/materials/" + byOffice.getId() + "/edit").with(as(publicist))).andReturn();
		assertThat(redirect.getFlashMap().get("flashError")).asString().contains("只能修改或删除自己添加的素材");
		materials.update(byPublicist.getId(), materialForm("宣传员改名"), null, publicist);
		materials.update(byPublicist.getId(), materialForm("办公室改名"), null, logIn("office"));
		assertThat(materials.get(byPublicist.getId()).getTitle()).isEqualTo("办公室改名");
	}

}
