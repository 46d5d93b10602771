package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import io.infodesk.account.Role;
import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationForm;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.DocumentVersions;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.TestFiles;
import io.infodesk.shared.security.AuthenticatedUser;

/**
 * Findings of the security review in reporting (issue 17): the audit entry and the version of an edit keep authors,
 * weights and the other facts (finding 5); a discarded draft's uploads leave the file store (finding 9); the
 * solicitation detail lists only the answers the reader may read (part 5).
 */
class ReportingFindingsTests extends ReportingIntegrationTest {

	@Autowired
	DocumentVersions versions;

	@Autowired
	FileStore store;

	@Autowired
	Attachments attachments;

	@Autowired
	Solicitations solicitations;

	@Test
	void anEditOfAuthorsAndWeightsIsAuditedAndKeptInTheVersion() {
		InformationItem item = draft(unique("作者变更"));
		AuthenticatedUser publicist = logIn("publicist");
		String other = jdbc.queryForObject("select name from org_person where unit_id = ? and name <> '赵雪' and active "
				+ "order by id limit 1", String.class, unitId("物业管理科"));
		ItemForm base = form(item.getTitle(), "物业管理科",
				List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), 30),
						new ItemForm.AuthorEntry(person("物业管理科", other).getId(), 70)));
		items.update(item.getId(), new ItemForm(base.title(), base.kind(), base.unitId(), base.body(), base.angles(),
				base.sources(), base.authors(), item.getRevision()), publicist, scope());

		String summary = jdbc.queryForObject("select summary from audit_entry where action = 'ITEM_UPDATED' and "
				+ "entity_id = ? order by seq desc limit 1", String.class, String.valueOf(item.getId()));
		assertThat(summary).contains("要素变更", "赵雪(30)", other + "(70)");
		List<DocumentVersion> kept = versions.of(InformationItem.ref(item.getId()));
		assertThat(kept.get(0).getFacts()).contains("作者 赵雪").doesNotContain("(70)");
		assertThat(kept.get(kept.size() - 1).getFacts()).contains("赵雪(30)", other + "(70)");
	}

	@Test
	void aDiscardedDraftTakesItsUploadsOutOfTheStoreButNotFilesOthersKeep() throws Exception {
		InformationItem item = draft(unique("作废附件"));
		InformationItem keeper = draft(unique("保留附件"));
		byte[] own = TestFiles.docx("仅此一份 " + System.nanoTime());
		byte[] shared = TestFiles.docx("两条信息共用 " + System.nanoTime());
		upload(item, "独有.docx", own);
		upload(item, "共用.docx", shared);
		upload(keeper, "共用.docx", shared);
		List<String> shas = attachments.of(Attachment.Owner.ITEM, item.getId()).stream().map(Attachment::getSha256).toList();
		assertThat(shas).hasSize(2).allSatisfy(sha -> assertThat(store.contains(sha)).isTrue());
		String sharedSha = attachments.of(Attachment.Owner.ITEM, keeper.getId()).get(0).getSha256();

		items.discard(item.getId(), logIn("publicist"), scope());

		assertThat(store.contains(sharedSha)).as("still attached to another item").isTrue();
		assertThat(shas.stream().filter(sha -> !sha.equals(sharedSha)))
			.singleElement()
			.satisfies(sha -> assertThat(store.contains(sha)).as("the discarded draft's own upload").isFalse());
	}

	@Test
	void aRemovedAttachmentLeavesTheStoreUnlessAnotherRecordKeepsTheFile() throws Exception {
		InformationItem item = draft(unique("删除附件"));
		InformationItem keeper = draft(unique("仍用附件"));
		byte[] own = TestFiles.docx("删掉的一份 " + System.nanoTime());
		byte[] shared = TestFiles.docx("仍有人用 " + System.nanoTime());
		upload(item, "删掉.docx", own);
		upload(item, "共用.docx", shared);
		upload(keeper, "共用.docx", shared);
		AuthenticatedUser publicist = logIn("publicist");
		for (Attachment attachment : attachments.of(Attachment.Owner.ITEM, item.getId())) {
			attachments.remove(attachment.getId(), publicist, scope());
			boolean keptElsewhere = attachments.of(Attachment.Owner.ITEM, keeper.getId())
				.stream()
				.anyMatch(other -> other.getSha256().equals(attachment.getSha256()));
			assertThat(store.contains(attachment.getSha256())).as(attachment.getFileName()).isEqualTo(keptElsewhere);
		}
	}

	@Test
	void theSolicitationDetailListsAnotherUnitsAnswersOnlyToThoseWhoMayReadThem() throws Exception {
		AuthenticatedUser office = logIn("office");
		LocalDateTime deadline = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), clock.getZone());
		Solicitation asked = solicitations.register(new SolicitationForm(
				solicitations.bodies().get(0).getId(), unique("共同约稿"), null, LocalDate.now(clock), deadline,
				List.of(unitId("物业管理科"), unitId("城建科")), List.of()), office);
		AuthenticatedUser publicist = logIn("publicist");
		ItemForm base = form(unique("物业科的答复草稿"));
		InformationItem answer = items.create(new ItemForm(base.title(), base.kind(), base.unitId(), base.body(),
				base.angles(), base.sources(), base.authors(), 0, asked.getId()), publicist, scope());

		String name = jdbc.queryForObject("select name from org_person where unit_id = ? and active order by id limit 1",
				String.class, unitId("城建科"));
		AuthenticatedUser otherUnit = member("城建科", name, Role.PUBLICIST);
		String page = mvc.perform(get("/reporting/solicitations/" + asked.getId()).with(as(otherUnit)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(asked.getTopic()).doesNotContain(answer.getTitle());

		String officePage = mvc.perform(get("/reporting/solicitations/" + asked.getId()).with(as(user("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officePage).contains(answer.getTitle());
		String ownPage = mvc.perform(get("/reporting/solicitations/" + asked.getId()).with(as(user("publicist"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownPage).contains(answer.getTitle());
	}

	@Autowired
	io.infodesk.shared.files.FileCipher fileCipher;

	/**
	 * Finding 9, the files no owner frees: an upload whose record was never committed (a rolled-back transaction, a
	 * request failing after the store) and a temporary file of an interrupted upload are swept a day later; a file a
	 * record refers to, a younger one and one uploaded again today stay. On a store of its own (the tests' data
	 * directory is shared), against this context's database.
	 */
	@Test
	void filesNoRecordCameToReferToAreSweptNightlyAfterADayOfGrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		InformationItem item = draft(unique("有记录的附件"));
		byte[] attached = TestFiles.docx("有记录 " + System.nanoTime());
		upload(item, "有记录.docx", attached);
		FileStore own = new FileStore(new io.infodesk.shared.files.FileSettings(
				org.springframework.util.unit.DataSize.ofMegabytes(20), dir, 2000,
				org.springframework.util.unit.DataSize.ofMegabytes(200), 100), fileCipher);
		io.infodesk.shared.files.FileSweep sweep = new io.infodesk.shared.files.FileSweep(own,
				new io.infodesk.shared.files.FileCleanup(own, jdbc));
		String referenced = stored(own, attached);
		String orphan = stored(own, TestFiles.docx("事务回滚后无人引用 " + System.nanoTime()));
		String young = stored(own, TestFiles.docx("刚上传 " + System.nanoTime()));
		byte[] again = TestFiles.docx("今天又上传 " + System.nanoTime());
		String uploadedAgain = stored(own, again);
		java.nio.file.Path leftover = java.nio.file.Files.createDirectories(dir.resolve("tmp")).resolve("upload-1.part");
		java.nio.file.Files.write(leftover, new byte[] { 1, 2, 3 });
		java.nio.file.attribute.FileTime twoDaysAgo = java.nio.file.attribute.FileTime
			.from(java.time.Instant.now().minus(Duration.ofDays(2)));
		for (String sha : List.of(referenced, orphan, uploadedAgain)) {
			java.nio.file.Files.setLastModifiedTime(dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha),
					twoDaysAgo);
		}
		java.nio.file.Files.setLastModifiedTime(leftover, twoDaysAgo);
		assertThat(stored(own, again)).isEqualTo(uploadedAgain);

		io.infodesk.shared.files.FileSweep.Result result = sweep.sweep(java.time.Instant.now().minus(Duration.ofDays(1)));

		assertThat(own.contains(orphan)).as("unreferenced for two days").isFalse();
		assertThat(java.nio.file.Files.exists(leftover)).as("the interrupted upload's temporary file").isFalse();
		assertThat(own.contains(referenced)).as("an attachment refers to it").isTrue();
		assertThat(own.contains(young)).as("within its day of grace").isTrue();
		assertThat(own.contains(uploadedAgain)).as("uploaded again today").isTrue();
		assertThat(result).isEqualTo(new io.infodesk.shared.files.FileSweep.Result(1, 1));
		assertThat(io.infodesk.shared.files.FileSweep.class.getMethod("run")
			.getAnnotation(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
			.name()).isEqualTo("shared-file-sweep");
	}

	private static String stored(FileStore store, byte[] content) {
		return store.store(new java.io.ByteArrayInputStream(content), content.length).sha256();
	}

	private void upload(InformationItem item, String name, byte[] content) throws Exception {
		mvc.perform(multipart("/reporting/items/" + item.getId() + "/attachments")
			.file(new MockMultipartFile("file", name,
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", content))
			.with(csrf())
			.with(as(user("publicist")))).andExpect(status().is3xxRedirection());
	}

}
