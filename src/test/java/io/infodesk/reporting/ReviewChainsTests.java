package io.infodesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.account.Role;
import io.infodesk.reporting.inbox.WorkInbox;
import io.infodesk.reporting.item.EditConflict;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemForm;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.DocumentVersions;
import io.infodesk.review.ReviewAction;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.web.BusinessException;

/**
 * The review chain (逐级修改、审阅, S3.1-b): every transition, who may take each step, and the refusals —
 * approving twice, reviewing one's own item, one person approving two levels, returning without a comment,
 * submitting without verification.
 */
class ReviewChainsTests extends ReportingIntegrationTest {

	@Autowired
	WorkInbox inbox;

	@Autowired
	DocumentVersions versions;

	private static DocumentRef ref(InformationItem item) {
		return InformationItem.ref(item.getId());
	}

	private void assertRefused(Runnable action, String key) {
		// refused by the item's rules (reporting) or by the chain's (review)
		assertThatThrownBy(action::run).isInstanceOfAny(ReportingException.class, ReviewException.class)
			.extracting(e -> ((BusinessException) e).messageKey())
			.isEqualTo(key);
	}

	private List<String> inboxTitles(String username) {
		return inbox.entries(user(username)).stream().map(WorkInbox.Entry::title).toList();
	}

	@Test
	void defaultChainGoesUnitHeadOfficeLeaderInChargeToSignOff() {
		InformationItem item = submitted(unique("逐级审核"));
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
		assertThat(items.get(item.getId()).getReviewRole()).isEqualTo("UNIT_HEAD");
		assertThat(inboxTitles("head")).contains(item.getTitle());
		assertThat(inboxTitles("office")).doesNotContain(item.getTitle());

		ReviewProcess afterHead = approve(item, "head");
		assertThat(afterHead.currentRole()).isEqualTo(ReviewRole.OFFICE_EDITOR);
		assertThat(inboxTitles("head")).doesNotContain(item.getTitle());
		assertThat(inboxTitles("office")).contains(item.getTitle());

		approve(item, "office");
		assertThat(items.get(item.getId()).getReviewRole()).isEqualTo("LEADER_IN_CHARGE");
		assertThat(inboxTitles("charge")).contains(item.getTitle());
		assertThat(inboxTitles("leader")).doesNotContain(item.getTitle());

		ReviewProcess done = approve(item, "charge");
		assertThat(done.getStatus()).isEqualTo(ReviewProcess.Status.APPROVED);
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.SIGNED_OFF);
		assertThat(reviewChains.history(ref(item))).extracting(ReviewAction::getAction)
			.containsExactly(ReviewAction.Kind.SUBMITTED, ReviewAction.Kind.APPROVED, ReviewAction.Kind.APPROVED,
					ReviewAction.Kind.APPROVED);
		long processId = done.getId();
		assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'ReviewProcess' and entity_id = ? order by seq",
				String.class, String.valueOf(processId)))
			.containsExactly("REVIEW_SUBMITTED", "REVIEW_APPROVED", "REVIEW_APPROVED", "REVIEW_SIGNED_OFF");
	}

	@Test
	void submittingNeedsAVerificationRecordAndTheOwner() {
		InformationItem item = draft(unique("未核实"));
		assertRefused(() -> items.submitForReview(item.getId(), user("publicist"), scope()),
				"reporting.review.verificationRequired");
		verify(item, "publicist");
		AuthenticatedUser head = logIn("head");
		assertRefused(() -> items.submitForReview(item.getId(), head, scope()), "reporting.review.onlyOwnerSubmits");
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.DRAFT);
	}

	@Test
	void approvingTheSameStepTwiceIsRefusedAndChangesNothing() {
		InformationItem item = submitted(unique("重复审核"));
		AuthenticatedUser head = logIn("head");
		reviewChains.approve(ref(item), 1, 0, null, head);
		assertRefused(() -> reviewChains.approve(ref(item), 1, 0, null, head), "reporting.review.stepAlreadyHandled");
		assertThat(reviewChains.process(ref(item)).orElseThrow().currentRole()).isEqualTo(ReviewRole.OFFICE_EDITOR);
		assertThat(reviewChains.history(ref(item))).hasSize(2);
	}

	@Test
	void nobodyTakesAStepTheyDoNotHold() {
		InformationItem item = submitted(unique("越级"));
		assertRefused(() -> reviewChains.approve(ref(item), 1, 0, null, logIn("office")), "reporting.review.notYourStep");
		assertRefused(() -> reviewChains.approve(ref(item), 1, 0, null, logIn("charge")), "reporting.review.notYourStep");
		AuthenticatedUser headOfAnotherUnit = member("城建科", "吕国庆", Role.UNIT_HEAD);
		assertRefused(() -> reviewChains.approve(ref(item), 1, 0, null, logIn(headOfAnotherUnit)),
				"reporting.review.notYourStep");
		approve(item, "head");
		approve(item, "office");
		AuthenticatedUser leaderOfOtherUnits = member("局领导班子", "王志强", Role.LEADER_IN_CHARGE);
		assertRefused(() -> reviewChains.approve(ref(item), 1, 2, null, logIn(leaderOfOtherUnits)),
				"reporting.review.notYourStep");
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
	}

	@Test
	void nobodyReviewsTheirOwnItem() {
		AuthenticatedUser head = logIn("head");
		InformationItem item = items.create(form(unique("科长自写")), head, scope());
		verify(item, "head");
		items.submitForReview(item.getId(), head, scope());
		assertRefused(() -> reviewChains.approve(ref(item), 1, 0, null, head), "reporting.review.ownDocument");
		assertThat(inboxTitles("head")).doesNotContain(item.getTitle());

		InformationItem coAuthored = draft(unique("办公室署名"));
		ItemForm joint = new ItemForm(coAuthored.getTitle(), coAuthored.getKind(), coAuthored.getUnitId(),
				coAuthored.getBody(), coAuthored.getAngles(), coAuthored.getSources(),
				List.of(new ItemForm.AuthorEntry(person("物业管理科", "赵雪").getId(), null),
						new ItemForm.AuthorEntry(person("办公室", "周敏").getId(), null)),
				1);
		items.update(coAuthored.getId(), joint, user("publicist"), scope());
		verify(coAuthored, "publicist");
		items.submitForReview(coAuthored.getId(), user("publicist"), scope());
		approve(coAuthored, "head");
		assertRefused(() -> approve(coAuthored, "office"), "reporting.review.ownDocument");
	}

	@Test
	void onePersonDoesNotApproveTwoLevelsOfTheSameRound() {
		InformationItem item = submitted(unique("一人两级"));
		AuthenticatedUser headAndEditor = member("物业管理科", "邓文", Role.UNIT_HEAD, Role.OFFICE_EDITOR);
		approve(item, headAndEditor);
		assertRefused(() -> approve(item, headAndEditor), "reporting.review.twoSteps");
		approve(item, "office");
		assertThat(items.get(item.getId()).getReviewRole()).isEqualTo("LEADER_IN_CHARGE");
	}

	@Test
	void returnNeedsACommentAndTheResubmissionStartsAgainAtTheFirstStep() {
		InformationItem item = submitted(unique("退回"));
		approve(item, "head");
		AuthenticatedUser office = logIn("office");
		assertRefused(() -> reviewChains.returnToDrafter(ref(item), 1, 1, "  ", office),
				"reporting.review.commentRequired");
		reviewChains.returnToDrafter(ref(item), 1, 1, "数据请注明统计口径", office);

		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.RETURNED);
		assertThat(inbox.entries(user("publicist"))).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(WorkInbox.Kind.RETURNED);
			assertThat(entry.title()).isEqualTo(item.getTitle());
		});
		assertThat(reviewChains.history(ref(item))).last().satisfies(action -> {
			assertThat(action.getAction()).isEqualTo(ReviewAction.Kind.RETURNED);
			assertThat(action.getComment()).isEqualTo("数据请注明统计口径");
			assertThat(action.getStepRole()).isEqualTo(ReviewRole.OFFICE_EDITOR);
		});

		AuthenticatedUser publicist = logIn("publicist");
		InformationItem returned = items.get(item.getId());
		items.update(item.getId(), new ItemForm(returned.getTitle(), returned.getKind(), returned.getUnitId(),
				"按统计口径修改后的正文", returned.getAngles(), returned.getSources(), ItemForm.of(returned).authors(), 1),
				publicist, scope());
		ReviewProcess second = items.submitForReview(item.getId(), publicist, scope());
		assertThat(second.getRound()).isEqualTo(2);
		assertThat(second.currentRole()).isEqualTo(ReviewRole.UNIT_HEAD);
		assertRefused(() -> reviewChains.approve(ref(item), 1, 1, null, logIn("office")),
				"reporting.review.stepAlreadyHandled");
		assertThat(versions.of(ref(item))).extracting(DocumentVersion::getNote).containsExactly("DRAFTED", "REVISED");
	}

	@Test
	void reviewerEditIsANewVersionTheDrafterCanCompare() {
		InformationItem item = submitted(unique("审核修改"));
		AuthenticatedUser publicist = user("publicist");
		assertRefused(() -> items.update(item.getId(), ItemForm.of(item), publicist, scope()), "reporting.item.locked");

		AuthenticatedUser head = logIn("head");
		ItemForm edited = new ItemForm(item.getTitle(), item.getKind(), item.getUnitId(),
				"区住建局推进老旧小区物业管理全覆盖。\n截至 11 月底新增物业服务覆盖小区 12 个。", item.getAngles(), item.getSources(),
				ItemForm.of(item).authors(), 1);
		items.update(item.getId(), edited, head, scope());

		assertThat(items.get(item.getId()).getRevision()).isEqualTo(2);
		assertThat(reviewChains.history(ref(item))).last().satisfies(action -> {
			assertThat(action.getAction()).isEqualTo(ReviewAction.Kind.EDITED);
			assertThat(action.getRevision()).isEqualTo(2);
		});
		assertThat(reviewChains.submittedRevision(ref(item))).contains(1);
		DocumentVersions.VersionDiff diff = versions.diff(ref(item), 1, 2);
		assertThat(diff.body()).anySatisfy(segment -> assertThat(segment.isInsert() && segment.text().contains("截至")).isTrue());
		assertThat(versions.of(ref(item))).last().extracting(DocumentVersion::getActorName).isEqualTo("孙伟");
		assertThat(items.get(item.getId()).getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
	}

	@Test
	void twoEditorsOfTheSameVersionInReviewLoseNothing() {
		InformationItem item = submitted(unique("审核并发"));
		approve(item, "head");
		AuthenticatedUser office = logIn("office");
		AuthenticatedUser otherEditor = member("办公室", "林小燕", Role.OFFICE_EDITOR);
		ItemForm base = ItemForm.of(items.get(item.getId()));
		items.update(item.getId(), new ItemForm(base.title(), base.kind(), base.unitId(), "周敏改的稿", base.angles(),
				base.sources(), base.authors(), 1), office, scope());
		logIn(otherEditor);
		assertThatThrownBy(() -> items.update(item.getId(), new ItemForm(base.title(), base.kind(), base.unitId(),
				"林小燕改的稿", base.angles(), base.sources(), base.authors(), 1), otherEditor, scope()))
			.isInstanceOf(EditConflict.class);
		assertThat(items.get(item.getId()).getBodyText()).isEqualTo("周敏改的稿");
	}

	@Test
	void aUnitsOwnChainIsUsedAndMustEndWithASignOff() {
		long unit = unitId("物业管理科");
		String type = InformationItem.DOCUMENT_TYPE;
		AuthenticatedUser office = logIn("office");
		assertRefused(() -> reviewChains.configure(type, unit, ReviewTrack.NORMAL, List.of(), office),
				"reporting.chain.error.empty");
		assertRefused(() -> reviewChains.configure(type, unit, ReviewTrack.NORMAL,
				List.of(ReviewRole.UNIT_HEAD, ReviewRole.UNIT_HEAD, ReviewRole.LEADER_IN_CHARGE), office),
				"reporting.chain.error.repeated");
		assertRefused(() -> reviewChains.configure(type, unit, ReviewTrack.NORMAL,
				List.of(ReviewRole.UNIT_HEAD, ReviewRole.OFFICE_EDITOR), office), "reporting.chain.error.noSignOff");

		InformationItem inFlight = submitted(unique("流程变更前"));
		try {
			reviewChains.configure(type, unit, ReviewTrack.NORMAL, List.of(ReviewRole.UNIT_HEAD,
					ReviewRole.OFFICE_EDITOR, ReviewRole.LEADER_IN_CHARGE, ReviewRole.BUREAU_LEADER), logIn("office"));
			assertThat(reviewChains.stepsFor(type, unit, ReviewTrack.NORMAL)).hasSize(4);
			assertThat(reviewChains.stepsFor(type, unitId("城建科"), ReviewTrack.NORMAL)).hasSize(3);

			InformationItem after = submitted(unique("流程变更后"));
			approve(after, "head");
			approve(after, "office");
			approve(after, "charge");
			assertThat(items.get(after.getId()).getReviewRole()).isEqualTo("BUREAU_LEADER");
			approve(after, "leader");
			assertThat(items.get(after.getId()).getStatus()).isEqualTo(ItemStatus.SIGNED_OFF);

			assertThat(reviewChains.process(ref(inFlight)).orElseThrow().steps()).hasSize(3);
		}
		finally {
			reviewChains.resetToDefault(type, unit, ReviewTrack.NORMAL, logIn("office"));
		}
		assertThat(reviewChains.stepsFor(type, unit, ReviewTrack.NORMAL)).containsExactly(ReviewRole.UNIT_HEAD,
				ReviewRole.OFFICE_EDITOR, ReviewRole.LEADER_IN_CHARGE);
	}

	@Test
	void onlySettingsHoldersConfigureChains() {
		AuthenticatedUser head = logIn("head");
		assertThatThrownBy(() -> reviewChains.configure(InformationItem.DOCUMENT_TYPE, unitId("物业管理科"),
				ReviewTrack.NORMAL, List.of(ReviewRole.LEADER_IN_CHARGE), head))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

}
