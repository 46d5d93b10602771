package io.infodesk.reporting.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import io.infodesk.account.Role;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.shared.files.TestFiles;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Attachments of items and adoption evidence (S3.1-b, S3.1-d; issue 3 "Bad input"): uploaded by whoever may edit
 * the item now, type checked by content, refused clearly (renamed executable, zip bomb, oversized) with nothing
 * saved, downloaded within the data scope with a Chinese file name, nosniff, inline only for images; upload and
 * removal audited.
 */
class AttachmentsTests extends ReportingIntegrationTest {

	@Autowired
	Attachments attachments;

	@Autowired
	Solicitations solicitations;

	MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	MockHttpServletResponse upload(long itemId, MockMultipartFile file, AuthenticatedUser user) throws Exception {
		return mvc.perform(multipart("/reporting/items/" + itemId + "/attachments").file(file).with(csrf()).with(as(user)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse();
	}


	int files(long itemId) {
		return attachments.of(Attachment.Owner.ITEM, itemId).size();
	}

	@Test
	void theDrafterAttachesADocxAndColleaguesOfTheUnitDownloadItWithItsChineseName() throws Exception {
		InformationItem item = draft(unique("附件信息"));
		// generated once: a zip written a second later carries another time stamp
		byte[] docx = TestFiles.docx("物业服务企业调研");
		var result = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("物业服务调研报告.docx", docx))
			.with(csrf())
			.with(as(user("publicist")))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(result.getFlashMap().get("flashSuccess")).asString().contains("物业服务调研报告.docx");
		Attachment attachment = attachments.of(Attachment.Owner.ITEM, item.getId()).get(0);
		assertThat(attachment.getFileType().name()).isEqualTo("DOCX");
		assertThat(attachment.getSha256()).hasSize(64);
		assertThat(attachment.getUploadedByName()).isEqualTo("赵雪");
		assertThat(auditCount("ATTACHMENT_ADDED", item.getId())).isEqualTo(1);

		MockHttpServletResponse download = mvc
			.perform(get("/reporting/attachments/" + attachment.getId()).with(as(user("head"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''" + java.net.URLEncoder.encode("物业服务调研报告.docx", "UTF-8"));
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getContentAsByteArray()).isEqualTo(docx);

		Document page = Jsoup.parse(mvc.perform(get("/reporting/items/" + item.getId()).with(as(user("publicist"))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#attachment-list a.rpt-file").text()).isEqualTo("物业服务调研报告.docx");
		assertThat(page.getElementById("attachment-form")).isNotNull();
	}

	@Test
	void imagesAreShownInlineAndOtherFilesOnlyDownloaded() throws Exception {
		InformationItem item = draft(unique("现场照片"));
		upload(item.getId(), file("现场.jpg", TestFiles.jpeg()), user("publicist"));
		upload(item.getId(), file("通报.pdf", TestFiles.pdf()), user("publicist"));
		var list = attachments.of(Attachment.Owner.ITEM, item.getId());
		MockHttpServletResponse image = mvc.perform(get("/reporting/attachments/" + list.get(0).getId())
			.with(as(user("publicist")))).andReturn().getResponse();
		assertThat(image.getContentType()).isEqualTo("image/jpeg");
		assertThat(image.getHeader("Content-Disposition")).startsWith("inline;");
		MockHttpServletResponse pdf = mvc.perform(get("/reporting/attachments/" + list.get(1).getId())
			.with(as(user("publicist")))).andReturn().getResponse();
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment;");
		Document page = Jsoup.parse(mvc.perform(get("/reporting/items/" + item.getId()).with(as(user("publicist"))))
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#attachment-list img.rpt-thumb")).hasSize(1);
	}

	@Test
	void aRenamedExecutableAZipBombAndAnOversizedFileAreRefusedInChineseAndNothingIsSaved() throws Exception {
		InformationItem item = draft(unique("坏文件"));
		var exe = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("工作总结.docx", TestFiles.exe())).with(csrf()).with(as(user("publicist")))).andReturn();
		assertThat(exe.getFlashMap().get("flashError")).asString().contains("可执行程序");
		var bomb = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("材料.docx", TestFiles.docxBomb(30))).with(csrf()).with(as(user("publicist")))).andReturn();
		assertThat(bomb.getFlashMap().get("flashError")).asString().contains("压缩炸弹");
		byte[] big = java.util.Arrays.copyOf(TestFiles.pdf(), 21 * 1024 * 1024);
		var oversized = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("扫描件.pdf", big)).with(csrf()).with(as(user("publicist")))).andReturn();
		assertThat(oversized.getFlashMap().get("flashError")).asString().contains("文件过大", "20 MB");
		var text = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("说明.pdf", "只是文本".getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(csrf())
			.with(as(user("publicist")))).andReturn();
		assertThat(text.getFlashMap().get("flashError")).asString().contains("不支持的文件类型");
		var none = mvc.perform(post("/reporting/items/" + item.getId() + "/attachments").with(csrf())
			.with(as(user("publicist")))).andReturn();
		assertThat(none.getFlashMap().get("flashError")).asString().contains("请选择要上传的文件");
		assertThat(files(item.getId())).isZero();
		assertThat(auditCount("ATTACHMENT_ADDED", item.getId())).isZero();
	}

	@Test
	void onlyWhoMayEditTheItemChangesItsFilesAndOtherUnitsCannotDownloadThem() throws Exception {
		InformationItem item = draft(unique("权限附件"));
		upload(item.getId(), file("a.pdf", TestFiles.pdf()), user("publicist"));
		long attachmentId = attachments.of(Attachment.Owner.ITEM, item.getId()).get(0).getId();
		// the unit head may read but not change a draft that is not his
		var head = mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(file("b.pdf", TestFiles.pdf())).with(csrf()).with(as(user("head")))).andReturn();
		assertThat(head.getFlashMap().get("flashError")).asString().contains("起草人或当前环节审核人");
		// a publicist of another unit does not even see it
		AuthenticatedUser stranger = member("办公室", "周敏", Role.PUBLICIST);
		mvc.perform(get("/reporting/attachments/" + attachmentId).with(as(stranger))).andExpect(status().isForbidden());
		// in review the drafter can no longer change the files
		verify(item, "publicist");
		items.submitForReview(item.getId(), user("publicist"), scope());
		var locked = mvc.perform(post("/reporting/attachments/" + attachmentId + "/remove").with(csrf())
			.with(as(user("publicist")))).andReturn();
		assertThat(locked.getFlashMap().get("flashError")).asString().contains("起草人或当前环节审核人");
		assertThat(files(item.getId())).isEqualTo(1);
		// the reviewer at the current step may
		mvc.perform(post("/reporting/attachments/" + attachmentId + "/remove").with(csrf()).with(as(user("head"))))
			.andExpect(status().is3xxRedirection());
		assertThat(files(item.getId())).isZero();
		assertThat(auditCount("ATTACHMENT_REMOVED", item.getId())).isEqualTo(1);
	}

	@Test
	void anAdoptionCarriesItsEvidenceFileAndARefusedFileRecordsNothing() throws Exception {
		InformationItem item = signedOff(unique("采用证明"));
		clock.advance(Duration.ofMinutes(10));
		long body = solicitations.bodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst()
			.orElseThrow().getId();
		mvc.perform(post("/reporting/items/" + item.getId() + "/submissions").with(csrf())
			.param("bodyId", String.valueOf(body)).param("channel", "PLATFORM")
			.param("submittedAt", java.time.LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withSecond(0).toString())
			.with(as(user("office")))).andExpect(status().is3xxRedirection());
		String today = java.time.LocalDate.now(clock).toString();

		String refused = mvc.perform(multipart("/reporting/items/" + item.getId() + "/adoptions")
			.file(new MockMultipartFile("evidenceFile", "采用页.png", "image/png", TestFiles.exe()))
			.param("outlet", "市《住建信息》").param("level", "CITY").param("adoptedOn", today)
			.with(csrf()).with(as(user("office")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(refused).select("#adoption-form").text()).contains("可执行程序");
		assertThat(Jsoup.parse(refused).select("#outlet").val()).isEqualTo("市《住建信息》");
		assertThat(jdbc.queryForObject("select count(*) from rpt_adoption where item_id = ?", Integer.class, item.getId()))
			.isZero();

		mvc.perform(multipart("/reporting/items/" + item.getId() + "/adoptions")
			.file(new MockMultipartFile("evidenceFile", "采用页.png", "image/png", TestFiles.png()))
			.param("outlet", "市《住建信息》").param("level", "CITY").param("adoptedOn", today)
			.with(csrf()).with(as(user("office")))).andExpect(status().is3xxRedirection());
		Document page = Jsoup.parse(mvc.perform(get("/reporting/items/" + item.getId()).with(as(user("publicist"))))
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#adoption-table a.rpt-file").text()).isEqualTo("采用页.png");
		String href = page.select("#adoption-table a.rpt-file").attr("href");
		mvc.perform(get(href).with(as(user("publicist")))).andExpect(status().isOk());
	}

	@Test
	void theOfficeAddsEvidenceToAnAdoptionRecordedEarlierAndARefusedFileAddsNothing() throws Exception {
		InformationItem item = signedOff(unique("补传采用证明"));
		clock.advance(Duration.ofMinutes(10));
		long body = solicitations.bodies().stream().filter(b -> b.getShortName().equals("区委办")).findFirst()
			.orElseThrow().getId();
		mvc.perform(post("/reporting/items/" + item.getId() + "/submissions").with(csrf())
			.param("bodyId", String.valueOf(body)).param("channel", "PLATFORM")
			.param("submittedAt", java.time.LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withSecond(0).toString())
			.with(as(user("office")))).andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/reporting/items/" + item.getId() + "/adoptions")
			.param("outlet", "市《住建信息》").param("level", "CITY").param("adoptedOn", java.time.LocalDate.now(clock).toString())
			.with(csrf()).with(as(user("office")))).andExpect(status().is3xxRedirection());
		long adoptionId = jdbc.queryForObject("select id from rpt_adoption where item_id = ?", Long.class, item.getId());
		String evidence = "/reporting/adoptions/" + adoptionId + "/evidence";

		// a renamed executable is refused with the reason, nothing stored
		var refused = mvc.perform(multipart(evidence).file(file("采用通知.pdf", TestFiles.exe())).with(csrf())
			.with(as(user("office")))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/reporting/items/" + item.getId() + "#adoptions");
		assertThat(refused.getFlashMap().get("flashError")).asString().contains("可执行程序");
		assertThat(attachments.of(Attachment.Owner.ADOPTION, adoptionId)).isEmpty();
		// a publicist may not add evidence
		mvc.perform(multipart(evidence).file(file("采用页.png", TestFiles.png())).with(csrf()).with(as(user("publicist"))))
			.andExpect(status().isForbidden());

		var added = mvc.perform(multipart(evidence).file(file("采用页.png", TestFiles.png())).with(csrf())
			.with(as(user("office")))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(added.getFlashMap().get("flashSuccess")).asString().contains("采用页.png");
		Document page = Jsoup.parse(mvc.perform(get("/reporting/items/" + item.getId()).with(as(user("office"))))
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#adoption-table a.rpt-file").text()).isEqualTo("采用页.png");
		assertThat(page.select("#adoption-table form.evidence-form")).hasSize(1);
		assertThat(auditCount("ATTACHMENT_ADDED", item.getId())).isEqualTo(1);
		// an adoption that does not exist: refused in Chinese
		mvc.perform(multipart("/reporting/adoptions/99999999/evidence").file(file("采用页.png", TestFiles.png()))
			.with(csrf()).with(as(user("office")))).andExpect(status().isBadRequest());
	}

}
