package io.infodesk.reporting.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.ReportingIntegrationTest;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewAction;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.search.SearchFilter;
import io.infodesk.search.SearchIndex;
import io.infodesk.search.SearchTarget;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * Bulletins (简报, issue 3 point 7, S3.1-d): compiled by the office from signed-off items, signed by the bureau
 * leader through the review chain, numbered at issue (per periodical and year, 增刊 separately, 总第N期 from the
 * periodical's offset), written as DOCX in GB/T 9704 layout and archived unchanged; invalid transitions refused with
 * a Chinese message and nothing changed.
 */
class BulletinsTests extends ReportingIntegrationTest {

	@Autowired
	Bulletins bulletins;

	@Autowired
	Periodicals periodicals;

	@Autowired
	MessageSource messages;

	@Autowired
	SearchIndex search;

	Periodical periodical(Integer totalOffset) {
		AuthenticatedUser office = logIn("office");
		return periodicals.create(new PeriodicalForm("测试刊物" + UUID.randomUUID().toString().substring(0, 6),
				"区住房和城乡建设局办公室", unitId("办公室"), "区委办公室，区政府办公室。", "局领导班子成员。", 25, totalOffset, true),
				office);
	}

	BulletinForm form(Periodical periodical, boolean supplement, List<Long> itemIds) {
		return form(periodical, supplement, itemIds, 0);
	}

	BulletinForm form(Periodical periodical, boolean supplement, List<Long> itemIds, int baseRevision) {
		return new BulletinForm(periodical.getId(), supplement, null, null, periodical.getReportTo(),
				periodical.getCopyTo(), periodical.getCopies(), itemIds, Map.of(), baseRevision);
	}

	Bulletin compiled(Periodical periodical, boolean supplement, InformationItem... items) {
		AuthenticatedUser office = logIn("office");
		return bulletins.create(form(periodical, supplement, java.util.Arrays.stream(items).map(InformationItem::getId)
			.toList()), office, DataScope.all());
	}

	/** Compiled, sent for review and signed by the bureau leader. */
	Bulletin signed(Periodical periodical, boolean supplement, InformationItem... items) {
		Bulletin bulletin = compiled(periodical, supplement, items);
		bulletins.submitForReview(bulletin.getId(), logIn("office"));
		AuthenticatedUser leader = logIn("leader");
		ReviewProcess process = reviewChains.process(Bulletin.ref(bulletin.getId())).orElseThrow();
		reviewChains.approve(Bulletin.ref(bulletin.getId()), process.getRound(), process.getCurrentStep(), null,
				leader);
		return bulletins.get(bulletin.getId());
	}

	Bulletin issued(Periodical periodical, boolean supplement, InformationItem... items) {
		Bulletin bulletin = signed(periodical, supplement, items);
		return bulletins.issue(bulletin.getId(), logIn("office"));
	}

	String chinese(ReportingException refused) {
		return messages.getMessage(refused.messageKey(), refused.args(), Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void theDemoHasOnePeriodicalWithAnIssuedBulletinOfTheSignedOffItems() {
		Periodical demo = periodicals.all().stream().filter(p -> p.getName().equals("住建信息")).findFirst().orElseThrow();
		List<Bulletin> issues = bulletins.list(new BulletinFilter(demo.getId(), null, BulletinStatus.ISSUED));
		// the demo year: one issue a closed month (January to October, today 2026-11-27), then today's
		assertThat(issues).hasSizeGreaterThanOrEqualTo(11);
		assertThat(issues).extracting(Bulletin::getIssueNo).doesNotHaveDuplicates().contains(1, 11);
		Bulletin issue = issues.stream()
			.filter(candidate -> candidate.getEntries().stream()
				.anyMatch(entry -> entry.getTitle().equals("我区探索物业服务费“质价相符”评价机制")))
			.findFirst()
			.orElseThrow();
		assertThat(issue.getEntries()).extracting(BulletinEntry::getTitle)
			.containsExactly("我区探索物业服务费“质价相符”评价机制", "物业管理科党支部开展“红色物业”主题党日活动");
		assertThat(bulletins.file(issue.getId()).getSha256()).hasSize(64);
		assertThat(reviewChains.history(Bulletin.ref(issue.getId()))).extracting(ReviewAction::getActorName)
			.contains("张建国");
	}

	@Test
	void aBulletinIsFoundByTheWordsOfItsItemsOnlyByThoseWhoReadBulletins() {
		String marker = unique("简报检索");
		InformationItem item = signedOff(marker + "物业服务企业信用评价");
		Bulletin issued = issued(periodical(null), false, item);
		SearchFilter bulletinsOnly = new SearchFilter("信用 " + marker, Bulletin.SEARCH_TYPE, null, null, null, null,
				null, null, null);
		for (String reader : List.of("office", "leader", "charge")) {
			AuthenticatedUser user = logIn(reader);
			assertThat(search.search(bulletinsOnly, user, dataScopes.current(), PageRequest.of(0, 10)).getContent())
				.as(reader).extracting(hit -> ((Bulletin) hit.document()).getId()).containsExactly(issued.getId());
		}
		// the publicist finds the item of the own unit, never the bulletin: bulletins are not theirs to read
		AuthenticatedUser publicist = logIn("publicist");
		assertThat(search.targets(publicist)).extracting(SearchTarget::type).doesNotContain(Bulletin.SEARCH_TYPE);
		assertThat(search.search(SearchFilter.keyword("信用 " + marker), publicist, dataScopes.current(),
				PageRequest.of(0, 10)).getContent())
			.extracting(hit -> hit.document().searchType()).containsExactly(InformationItem.SEARCH_TYPE);
		assertThat(search.search(bulletinsOnly, publicist, dataScopes.current(), PageRequest.of(0, 10)).getContent())
			.isEmpty();
	}

	@Test
	void numbersAreGivenAtIssuePerYearWithSupplementsNumberedSeparately() {
		InformationItem item = signedOff(unique("编号"));
		Periodical periodical = periodical(null);
		Bulletin first = issued(periodical, false, item);
		Bulletin signedNotIssued = signed(periodical, false, item);
		assertThat(signedNotIssued.getIssueNo()).as("no number before issue").isNull();
		Bulletin supplement = issued(periodical, true, item);
		Bulletin second = bulletins.issue(signedNotIssued.getId(), logIn("office"));
		assertThat(first.getIssueNo()).isEqualTo(1);
		assertThat(second.getIssueNo()).isEqualTo(2);
		assertThat(supplement.getIssueNo()).isEqualTo(1);
		assertThat(supplement.isSupplement()).isTrue();
		assertThat(bulletins.label(second)).isEqualTo("《" + periodical.getName() + "》2026年第2期");
		assertThat(bulletins.label(supplement)).isEqualTo("《" + periodical.getName() + "》2026年增刊第1期");
		assertThat(first.getTotalNo()).as("this periodical does not count 总期数").isNull();

		// a new year starts again at 第1期, for regular issues and supplements alike
		clock.set(shanghai(2027, 1, 1, 0, 0, 5));
		Bulletin nextYear = issued(periodical, false, item);
		Bulletin nextYearSupplement = issued(periodical, true, item);
		assertThat(nextYear.getIssueYear()).isEqualTo(2027);
		assertThat(nextYear.getIssueNo()).isEqualTo(1);
		assertThat(nextYearSupplement.getIssueNo()).isEqualTo(1);
		assertThat(nextYear.getIssuedOn()).isEqualTo(LocalDate.of(2027, 1, 1));
	}

	@Test
	void runningNumbersCountRegularIssuesFromTheOffsetAcrossYears() {
		InformationItem item = signedOff(unique("总期号"));
		Periodical periodical = periodical(146);
		Bulletin first = issued(periodical, false, item);
		Bulletin supplement = issued(periodical, true, item);
		clock.set(shanghai(2027, 3, 1, 10, 0, 0));
		Bulletin next = issued(periodical, false, item);
		assertThat(first.getTotalNo()).isEqualTo(147);
		assertThat(supplement.getTotalNo()).as("supplements are outside the running count").isNull();
		assertThat(next.getTotalNo()).isEqualTo(148);
		assertThat(next.getIssueNo()).isEqualTo(1);
	}

	@Test
	void theLeaderSignsAndOnlyTheCurrentReviewerMayActOnTheBulletin() {
		InformationItem item = signedOff(unique("审签"));
		Periodical periodical = periodical(null);
		Bulletin bulletin = compiled(periodical, false, item);
		ReviewProcess process = bulletins.submitForReview(bulletin.getId(), logIn("office"));
		assertThat(process.steps()).containsExactly(ReviewRole.BUREAU_LEADER);
		assertThat(bulletins.get(bulletin.getId()).getStatus()).isEqualTo(BulletinStatus.IN_REVIEW);
		DocumentRef ref = Bulletin.ref(bulletin.getId());

		// the office that compiled it and the leader in charge of other units cannot sign it
		for (String username : List.of("office", "charge")) {
			AuthenticatedUser user = logIn(username);
			assertThatThrownBy(() -> reviewChains.approve(ref, 1, 0, null, user))
				.isInstanceOf(ReviewException.class)
				.hasMessage("reporting.review.notYourStep");
		}
		// the leader finds it in the work inbox, returns it with a comment
		assertThat(reviewChains.tasksFor(user("leader"))).anySatisfy(task -> {
			assertThat(task.document()).isEqualTo(ref);
			assertThat(task.link()).isEqualTo("/reporting/bulletins/" + bulletin.getId());
		});
		reviewChains.returnToDrafter(ref, 1, 0, "请压缩篇幅，突出数据", logIn("leader"));
		assertThat(bulletins.get(bulletin.getId()).getStatus()).isEqualTo(BulletinStatus.RETURNED);

		// the office revises and resubmits; the leader signs; the office issues
		Bulletin revised = bulletins.update(bulletin.getId(), new BulletinForm(periodical.getId(), false, "压缩后", null,
				periodical.getReportTo(), periodical.getCopyTo(), 20, List.of(item.getId()), Map.of(), 1),
				logIn("office"), DataScope.all());
		assertThat(revised.getRevision()).isEqualTo(2);
		bulletins.submitForReview(bulletin.getId(), logIn("office"));
		reviewChains.approve(ref, 2, 0, "同意印发", logIn("leader"));
		assertThat(bulletins.get(bulletin.getId()).getStatus()).isEqualTo(BulletinStatus.SIGNED_OFF);
		Bulletin issued = bulletins.issue(bulletin.getId(), logIn("office"));
		assertThat(issued.getStatus()).isEqualTo(BulletinStatus.ISSUED);
		assertThat(issued.getIssuedByName()).isEqualTo("周敏");
		assertThat(auditCount("BULLETIN_ISSUED", bulletin.getId())).isEqualTo(1);
		assertThat(auditCount("BULLETIN_UPDATED", bulletin.getId())).isEqualTo(1);
		assertThat(auditCount("BULLETIN_CREATED", bulletin.getId())).isEqualTo(1);
		// the review chain's audit names the document for what it is
		long processId = reviewChains.process(ref).orElseThrow().getId();
		assertThat(jdbc.queryForList("select summary from audit_entry where action in ('REVIEW_SUBMITTED', "
				+ "'REVIEW_RETURNED', 'REVIEW_SIGNED_OFF') and entity_id = ? order by id", String.class,
				Long.toString(processId)))
			.hasSize(4)
			.allMatch(summary -> summary.startsWith("简报「《") && !summary.contains("信息「"));
	}

	@Test
	void invalidTransitionsAreRefusedInChineseAndChangeNothing() {
		InformationItem item = signedOff(unique("非法"));
		InformationItem draft = draft(unique("草稿信息"));
		Periodical periodical = periodical(null);
		Bulletin bulletin = compiled(periodical, false, item);
		AuthenticatedUser office = logIn("office");

		// issuing before sign-off
		ReportingException early = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.issue(bulletin.getId(), office));
		assertThat(chinese(early)).isEqualTo("简报编辑中，须经领导审签后才能印发");
		// an unsigned item cannot be compiled
		ReportingException unsigned = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.update(bulletin.getId(),
						form(periodical, false, List.of(item.getId(), draft.getId()), 1), office, DataScope.all()));
		assertThat(chinese(unsigned)).isEqualTo("信息「" + draft.getTitle() + "」草稿，须经领导审签后才能编入简报");
		assertThat(unsigned.field()).contains("itemIds");
		// an empty issue is refused
		assertThatThrownBy(() -> bulletins.create(form(periodical, false, List.of()), office, DataScope.all()))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.bulletin.items.required");
		Bulletin unchanged = bulletins.get(bulletin.getId());
		assertThat(unchanged.getRevision()).isEqualTo(1);
		assertThat(unchanged.getStatus()).isEqualTo(BulletinStatus.DRAFT);
		assertThat(unchanged.getEntries()).hasSize(1);

		// submitting twice, approving twice, issuing twice, editing after issue
		bulletins.submitForReview(bulletin.getId(), office);
		assertThat(chinese(org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.submitForReview(bulletin.getId(), office)))).isEqualTo("简报审签中，不能送审");
		DocumentRef ref = Bulletin.ref(bulletin.getId());
		reviewChains.approve(ref, 1, 0, null, logIn("leader"));
		assertThatThrownBy(() -> reviewChains.approve(ref, 1, 0, null, logIn("leader")))
			.isInstanceOf(ReviewException.class)
			.hasMessage("reporting.review.notInReview");
		Bulletin issued = bulletins.issue(bulletin.getId(), logIn("office"));
		ReportingException twice = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.issue(bulletin.getId(), logIn("office")));
		assertThat(chinese(twice)).isEqualTo("《" + periodical.getName() + "》2026年第1期已印发，不能再次印发");
		ReportingException locked = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.update(bulletin.getId(), form(periodical, false, List.of(item.getId())), logIn("office"),
						DataScope.all()));
		assertThat(chinese(locked)).isEqualTo("简报已印发归档，不能修改");
		assertThatThrownBy(() -> bulletins.discard(bulletin.getId(), logIn("office")))
			.isInstanceOf(ReportingException.class)
			.hasMessage("reporting.bulletin.discardOnlyDraft");
		Bulletin after = bulletins.get(bulletin.getId());
		assertThat(after.getIssueNo()).isEqualTo(issued.getIssueNo());
		assertThat(after.getRevision()).isEqualTo(1);
		assertThat(auditCount("BULLETIN_ISSUED", bulletin.getId())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from rpt_bulletin where periodical_id = ? and issue_no is not null",
				Integer.class, periodical.getId())).isEqualTo(1);
	}

	@Test
	void aFormFromAnOlderRevisionIsRefusedAndNothingIsWritten() {
		InformationItem item = signedOff(unique("冲突"));
		Periodical periodical = periodical(null);
		Bulletin bulletin = compiled(periodical, false, item);
		AuthenticatedUser office = logIn("office");
		bulletins.update(bulletin.getId(), new BulletinForm(periodical.getId(), false, "第一人", null, null, null, 30,
				List.of(item.getId()), Map.of(), 1), office, DataScope.all());
		ReportingException stale = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> bulletins.update(bulletin.getId(), new BulletinForm(periodical.getId(), false, "第二人", null, null,
						null, 30, List.of(item.getId()), Map.of(), 1), office, DataScope.all()));
		assertThat(chinese(stale)).contains("第 2 版");
		assertThat(bulletins.get(bulletin.getId()).getTitle()).isEqualTo("第一人");
	}

	@Test
	void itemsFollowTheOrderTheOfficeGives() {
		InformationItem a = signedOff(unique("甲"));
		InformationItem b = signedOff(unique("乙"));
		InformationItem c = signedOff(unique("丙"));
		Periodical periodical = periodical(null);
		Bulletin bulletin = bulletins.create(new BulletinForm(periodical.getId(), false, null, null, null, null, 30,
				List.of(a.getId(), b.getId(), c.getId()), Map.of(c.getId(), 1, a.getId(), 2), 0), logIn("office"),
				DataScope.all());
		assertThat(bulletin.getEntries()).extracting(BulletinEntry::getItemId)
			.containsExactly(c.getId(), a.getId(), b.getId());
		assertThat(bulletin.getEntries().get(0).getUnitName()).isEqualTo("物业管理科");
		assertThat(bulletins.containing(c.getId())).extracting(Bulletin::getId).contains(bulletin.getId());
	}

	@Test
	void theArchivedFileIsTheIssuedDocumentByteForByte() throws IOException {
		InformationItem first = signedOff(unique("第一条"));
		InformationItem second = signedOff(unique("第二条"));
		Periodical periodical = periodical(10);
		Bulletin compiled = bulletins.create(new BulletinForm(periodical.getId(), false, null, "现将有关情况编发。",
				periodical.getReportTo(), periodical.getCopyTo(), 40, List.of(first.getId(), second.getId()), Map.of(),
				0), logIn("office"), DataScope.all());
		bulletins.submitForReview(compiled.getId(), logIn("office"));
		reviewChains.approve(Bulletin.ref(compiled.getId()), 1, 0, null, logIn("leader"));
		Bulletin issued = bulletins.issue(compiled.getId(), logIn("office"));

		clock.advance(Duration.ofDays(3));
		BulletinFile file = bulletins.file(issued.getId());
		BulletinFile again = bulletins.file(issued.getId());
		assertThat(again.getContent()).isEqualTo(file.getContent());
		assertThat(Bulletins.sha256(file.getContent())).isEqualTo(file.getSha256());
		assertThat(file.getFileName()).isEqualTo(periodical.getName() + "2026年第1期.docx");
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file.getContent()))) {
			List<String> lines = docx.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank())
				.toList();
			assertThat(lines.get(0)).isEqualTo(periodical.getName());
			assertThat(docx.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
			assertThat(lines.get(1)).isEqualTo("第1期（总第11期）");
			assertThat(lines.get(2)).isEqualTo("区住房和城乡建设局办公室编\t2026年11月27日");
			assertThat(lines).contains("编者按：现将有关情况编发。", first.getTitle(), second.getTitle(),
					"区住建局推进老旧小区物业管理全覆盖。", "（物业管理科）");
			assertThat(lines.indexOf(first.getTitle())).isLessThan(lines.indexOf(second.getTitle()));
			String imprint = docx.getTables().get(0).getText();
			assertThat(imprint).contains("报送：区委办公室，区政府办公室。", "抄送：局领导班子成员。", "（共印40份）",
					"区住房和城乡建设局办公室", "2026年11月27日印发");
		}
		assertThat(bulletins.plainText(issued.getId())).contains(periodical.getName(), "第1期", first.getTitle(),
				"报送：区委办公室，区政府办公室。");
	}

	@Test
	void onlyTheOfficeCompilesAndManagesPeriodicals() {
		InformationItem item = signedOff(unique("权限"));
		Periodical periodical = periodical(null);
		for (String username : List.of("leader", "publicist", "head")) {
			AuthenticatedUser user = logIn(username);
			assertThatThrownBy(() -> bulletins.create(form(periodical, false, List.of(item.getId())), user,
					DataScope.all()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> periodicals.create(new PeriodicalForm("无权刊物", "办公室", unitId("办公室"), null, null,
					30, null, true), user))
				.isInstanceOf(AccessDeniedException.class);
		}
		ReportingException taken = org.junit.jupiter.api.Assertions.assertThrows(ReportingException.class,
				() -> periodicals.create(new PeriodicalForm("《" + periodical.getName() + "》", "办公室",
						unitId("办公室"), null, null, 30, null, true), logIn("office")));
		assertThat(chinese(taken)).isEqualTo("已有名为《" + periodical.getName() + "》的刊物");
	}

}
