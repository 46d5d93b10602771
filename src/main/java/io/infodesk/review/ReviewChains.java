package io.infodesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.review.internal.InboxNoticeRepository;
import io.infodesk.review.internal.ReviewActionRepository;
import io.infodesk.review.internal.ReviewChainSettingRepository;
import io.infodesk.review.internal.ReviewProcessRepository;
import io.infodesk.review.internal.ReviewReminders;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;

/**
 * The review chain (逐级修改、审阅, S3.1-b) as one capability for every document that needs sign-off: items
 * now; platform articles, plans and bulletins later, each through its {@link ReviewableDocuments} bean.
 * <ul>
 * <li>Steps are ordered roles configured per unit (default: 科室负责人审核 → 办公室编辑 → 分管领导审签), fixed
 * when the document is submitted; the last step is always a leader's sign-off.</li>
 * <li>At each step the reviewer approves, edits (every edit a new version, kept by {@link DocumentVersions}),
 * or returns with a comment; a resubmission starts a new round at the first step.</li>
 * <li>No step is skipped; nobody reviews a document they drafted or co-authored; nobody approves two steps
 * of the same round; a step already handled cannot be approved again.</li>
 * </ul>
 * Every transition is audited in its transaction; an invalid one is refused with a Chinese message
 * ({@link ReviewException}) and changes nothing. The review module knows no document type: each owning module
 * implements {@link ReviewableDocuments} and is told of every outcome through
 * {@link ReviewableDocuments#reviewChanged} (the callback), inside the transaction of the review action.
 * <p>
 * Over ~350 lines because it is the review module's one public service: chains, rounds, tasks and desk notices
 * change together in each transition and share its locking and audit; splitting them would publish the internal
 * steps other modules must not call one by one.
 */
@Service
@Transactional
public class ReviewChains {

	static final String ENTITY = "ReviewProcess";

	private final ReviewProcessRepository processes;

	private final ReviewActionRepository actions;

	private final ReviewChainSettingRepository settings;

	private final InboxNoticeRepository notices;

	private final ObjectProvider<ReviewableDocuments> documentTypeBeans;

	/** The document types by name, resolved at first use (their beans may in turn use the review chain). */
	private volatile Map<String, ReviewableDocuments> byType;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final ReviewReminders reminders;

	ReviewChains(ReviewProcessRepository processes, ReviewActionRepository actions,
			ReviewChainSettingRepository settings, InboxNoticeRepository notices,
			ObjectProvider<ReviewableDocuments> documentTypes, Organization organization, AuditTrail audit,
			Texts texts, Clock clock, ReviewReminders reminders) {
		this.reminders = reminders;
		this.processes = processes;
		this.actions = actions;
		this.settings = settings;
		this.notices = notices;
		this.documentTypeBeans = documentTypes;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	private Map<String, ReviewableDocuments> byType() {
		Map<String, ReviewableDocuments> types = byType;
		if (types == null) {
			types = documentTypeBeans.orderedStream()
				.collect(Collectors.toUnmodifiableMap(ReviewableDocuments::type, Function.identity()));
			byType = types;
		}
		return types;
	}

	/** The document types that take part in the review chain, in bean order. */
	@Transactional(readOnly = true)
	public List<ReviewableDocuments> types() {
		return documentTypeBeans.orderedStream().toList();
	}

	// ---- configuration -------------------------------------------------------------------------

	/** The chain that applies to a unit: its own, else the bureau-wide one, else the document type's default. */
	@Transactional(readOnly = true)
	public List<ReviewRole> stepsFor(String documentType, Long unitId, ReviewTrack track) {
		return settings.findByDocumentTypeAndUnitIdAndTrack(documentType, unitId, track)
			.or(() -> settings.findByDocumentTypeAndUnitIdAndTrack(documentType, ReviewChainSetting.BUREAU_WIDE,
					track))
			.map(ReviewChainSetting::steps)
			.orElseGet(() -> handler(documentType).defaultSteps(track));
	}

	/** True when the unit has a chain of its own for the track. */
	@Transactional(readOnly = true)
	public boolean configuredFor(String documentType, long unitId, ReviewTrack track) {
		return settings.findByDocumentTypeAndUnitIdAndTrack(documentType, unitId, track).isPresent();
	}

	/**
	 * Sets the chain of a unit ({@link ReviewChainSetting#BUREAU_WIDE} for all units without their own): at
	 * least one step, no role twice, and a leader's sign-off last (nothing leaves the bureau unsigned, S3.1-b).
	 * Documents already in review keep the steps they started with.
	 */
	public void configure(String documentType, long unitId, ReviewTrack track, List<ReviewRole> steps,
			AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SETTINGS);
		handler(documentType);
		List<ReviewRole> chosen = steps.stream().filter(java.util.Objects::nonNull).toList();
		if (chosen.isEmpty()) {
			throw new ReviewException("steps", "reporting.chain.error.empty");
		}
		if (new HashSet<>(chosen).size() != chosen.size()) {
			throw new ReviewException("steps", "reporting.chain.error.repeated");
		}
		if (!chosen.get(chosen.size() - 1).signsOff()) {
			throw new ReviewException("steps", "reporting.chain.error.noSignOff");
		}
		String unitName = unitId == ReviewChainSetting.BUREAU_WIDE ? texts.get("reporting.chain.bureauWide")
				: organization.unit(unitId)
					.map(io.infodesk.organization.Unit::getName)
					.orElseThrow(() -> new ReviewException("unitId", "reporting.item.unit.unknown"));
		ReviewChainSetting setting = settings.findByDocumentTypeAndUnitIdAndTrack(documentType, unitId, track)
			.orElseGet(() -> new ReviewChainSetting(documentType, unitId, track));
		setting.change(chosen, actor.displayName(), Instant.now(clock));
		settings.save(setting);
		audit.record("REVIEW_CHAIN_CONFIGURED", "ReviewChain", unitId, texts.get("reporting.audit.chainConfigured",
				unitName, texts.label("reporting.chain.track.", track), labels(chosen)));
	}

	/** Removes a unit's own chain: the bureau-wide chain applies again. */
	public void resetToDefault(String documentType, long unitId, ReviewTrack track, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_SETTINGS);
		settings.findByDocumentTypeAndUnitIdAndTrack(documentType, unitId, track).ifPresent(setting -> {
			settings.delete(setting);
			audit.record("REVIEW_CHAIN_RESET", "ReviewChain", unitId, texts.get("reporting.audit.chainReset",
					organization.unit(unitId).map(io.infodesk.organization.Unit::getName).orElse(String.valueOf(unitId)),
					texts.label("reporting.chain.track.", track)));
		});
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<ReviewProcess> process(DocumentRef document) {
		return processes.findByDocumentTypeAndDocumentId(document.type(), document.id());
	}

	/** Everything done in the document's review, all rounds, oldest first. */
	@Transactional(readOnly = true)
	public List<ReviewAction> history(DocumentRef document) {
		return process(document).map(process -> actions.findByProcessIdOrderByIdAsc(process.getId()))
			.orElse(List.of());
	}

	/** The revision the drafter submitted in the current (or last) round. */
	@Transactional(readOnly = true)
	public Optional<Integer> submittedRevision(DocumentRef document) {
		return process(document).flatMap(process -> actions
			.findByProcessIdAndRoundOrderByIdAsc(process.getId(), process.getRound())
			.stream()
			.filter(action -> action.getAction() == ReviewAction.Kind.SUBMITTED)
			.map(ReviewAction::getRevision)
			.findFirst());
	}

	/** True when the user may act at the step the document waits at now. */
	@Transactional(readOnly = true)
	public boolean isCurrentReviewer(DocumentRef document, AuthenticatedUser user) {
		return process(document).filter(ReviewProcess::isInReview)
			.map(process -> refusal(process, subject(document), user) == null)
			.orElse(false);
	}

	/** Refuses with the reason when the user may not act at the current step. */
	@Transactional(readOnly = true, noRollbackFor = ReviewException.class)
	public void requireCurrentReviewer(DocumentRef document, AuthenticatedUser user) {
		ReviewProcess process = inReview(document);
		String refusal = refusal(process, subject(document), user);
		if (refusal != null) {
			throw ReviewException.of(refusal, texts.label("reporting.chain.role.", process.currentRole()));
		}
	}

	/** The reviews waiting for the user, oldest first. */
	@Transactional(readOnly = true)
	public List<ReviewTask> tasksFor(AuthenticatedUser user) {
		if (!user.can(Permissions.REPORTING_REVIEW)) {
			return List.of();
		}
		Set<String> roles = new LinkedHashSet<>();
		for (ReviewRole role : ReviewRole.values()) {
			if (user.hasRole(role.name())) {
				roles.add(role.name());
			}
		}
		if (roles.isEmpty()) {
			return List.of();
		}
		List<ReviewTask> tasks = new ArrayList<>();
		for (ReviewProcess process : processes.findByStatusAndCurrentRoleIn(ReviewProcess.Status.IN_REVIEW, roles)) {
			ReviewableDocuments handler = byType().get(process.document().type());
			if (handler == null) {
				continue;
			}
			ReviewSubject subject = handler.subject(process.document().id());
			if (refusal(process, subject, user) == null) {
				tasks.add(new ReviewTask(process.document(), subject.title(), handler.link(subject.ref().id()),
						process.currentRole(), process.getTrack(), process.getUnitId(), lastActionAt(process)));
			}
		}
		tasks.sort(Comparator.comparing(ReviewTask::since));
		return tasks;
	}

	private Instant lastActionAt(ReviewProcess process) {
		List<ReviewAction> round = actions.findByProcessIdAndRoundOrderByIdAsc(process.getId(), process.getRound());
		return round.isEmpty() ? process.getStartedAt() : round.get(round.size() - 1).getActedAt();
	}

	/**
	 * The accounts that may act at the step the document waits at now (none when it is not in review): the
	 * role, for heads the document's unit, for leaders in charge a unit they are in charge of; never the drafter
	 * or an author; never who approved an earlier step of this round.
	 */
	@Transactional(readOnly = true)
	public Set<Long> currentReviewers(DocumentRef document, Long drafterUserId, Set<Long> authorPersonIds) {
		return process(document).filter(ReviewProcess::isInReview)
			.map(process -> reminders.currentReviewers(process, drafterUserId, authorPersonIds))
			.orElseGet(Set::of);
	}

	/** Open notices for the desks of the user's roles. */
	@Transactional(readOnly = true)
	public List<InboxNotice> noticesFor(AuthenticatedUser user) {
		return user.roles().isEmpty() ? List.of()
				: notices.findByRecipientRoleInAndDoneAtIsNullOrderByCreatedAtDesc(user.roles());
	}

	// ---- transitions ---------------------------------------------------------------------------

	/**
	 * Submits the document into the chain of its unit (a new round at the first step). The document type
	 * checks beforehand who may submit it and in which state.
	 */
	public ReviewProcess start(DocumentRef document, ReviewTrack track, AuthenticatedUser actor) {
		ReviewableDocuments handler = handler(document.type());
		ReviewSubject subject = handler.subject(document.id());
		ReviewProcess process = process(document).orElseGet(() -> new ReviewProcess(document));
		if (process.isInReview()) {
			throw ReviewException.of("reporting.review.alreadyInReview");
		}
		List<ReviewRole> steps = stepsFor(document.type(), subject.unitId(), track);
		Instant now = Instant.now(clock);
		process.start(subject.unitId(), track, steps, now);
		processes.saveAndFlush(process);
		actions.save(new ReviewAction(process, ReviewAction.Kind.SUBMITTED, null, actor.userId(), actor.personId(),
				actor.displayName(), null, subject.revision(), now));
		handler.reviewChanged(document.id(), process.progress(), actor);
		audit.record("REVIEW_SUBMITTED", ENTITY, process.getId(), texts.get("reporting.audit.reviewSubmitted",
				subject.title(), process.getRound(), labels(steps), noun(document)));
		reminders.stepReached(process, subject, handler.link(document.id()));
		return process;
	}

	/**
	 * Approves the step {@code stepNo} of round {@code round}: the step must be the current one (approving
	 * twice, or a step someone else just handled, is refused).
	 */
	public ReviewProcess approve(DocumentRef document, int round, int stepNo, String comment,
			AuthenticatedUser actor) {
		ReviewProcess process = inReview(document);
		requireStep(process, round, stepNo);
		ReviewSubject subject = subject(document);
		requireReviewer(process, subject, actor);
		ReviewRole role = process.currentRole();
		Instant now = Instant.now(clock);
		actions.save(new ReviewAction(process, ReviewAction.Kind.APPROVED, role, actor.userId(), actor.personId(),
				actor.displayName(), Strings.blankToNull(comment), subject.revision(), now));
		process.advance(now);
		processes.saveAndFlush(process);
		handler(document.type()).reviewChanged(document.id(), process.progress(), actor);
		audit.record(process.isInReview() ? "REVIEW_APPROVED" : "REVIEW_SIGNED_OFF", ENTITY, process.getId(),
				texts.get(process.isInReview() ? "reporting.audit.reviewApproved" : "reporting.audit.reviewSignedOff",
						subject.title(), texts.label("reporting.chain.role.", role), subject.revision(), noun(document)));
		reminders.stepReached(process, subject, handler(document.type()).link(document.id()));
		return process;
	}

	/** Returns the document to its drafter with a comment (required): the round ends. */
	public ReviewProcess returnToDrafter(DocumentRef document, int round, int stepNo, String comment,
			AuthenticatedUser actor) {
		ReviewProcess process = inReview(document);
		requireStep(process, round, stepNo);
		if (comment == null || comment.isBlank()) {
			throw new ReviewException("comment", "reporting.review.commentRequired");
		}
		if (comment.strip().length() > 2000) {
			throw new ReviewException("comment", "reporting.review.commentSize");
		}
		ReviewSubject subject = subject(document);
		requireReviewer(process, subject, actor);
		ReviewRole role = process.currentRole();
		Instant now = Instant.now(clock);
		actions.save(new ReviewAction(process, ReviewAction.Kind.RETURNED, role, actor.userId(), actor.personId(),
				actor.displayName(), comment.strip(), subject.revision(), now));
		process.returnToDrafter(now);
		processes.saveAndFlush(process);
		handler(document.type()).reviewChanged(document.id(), process.progress(), actor);
		audit.record("REVIEW_RETURNED", ENTITY, process.getId(), texts.get("reporting.audit.reviewReturned",
				subject.title(), texts.label("reporting.chain.role.", role), comment.strip(), noun(document)));
		reminders.reviewEnded(process);
		return process;
	}

	/** What the audit calls the document under review (信息, 简报). */
	private String noun(DocumentRef document) {
		return texts.get("reporting.review.document." + document.type());
	}

	/** Records that the current reviewer saved an edit as a new revision (the document saved the version). */
	public void edited(DocumentRef document, int revision, AuthenticatedUser actor) {
		ReviewProcess process = inReview(document);
		requireReviewer(process, subject(document), actor);
		actions.save(new ReviewAction(process, ReviewAction.Kind.EDITED, process.currentRole(), actor.userId(),
				actor.personId(), actor.displayName(), null, revision, Instant.now(clock)));
	}

	/** Leaves a notice on the desk of everyone holding the role (e.g. the office for urgent items). */
	public InboxNotice notify(String role, DocumentRef document, String summary) {
		return notices.save(new InboxNotice(role, document, summary, Instant.now(clock)));
	}

	/** Marks a notice as dealt with, by one holder of its role. */
	public void noticeDone(long noticeId, AuthenticatedUser actor) {
		InboxNotice notice = notices.findById(noticeId)
			.orElseThrow(() -> ReviewException.of("reporting.inbox.noticeNotFound"));
		if (!actor.hasRole(notice.getRecipientRole())) {
			throw new AccessDeniedException("notice of another desk");
		}
		if (notice.isDone()) {
			throw ReviewException.of("reporting.inbox.noticeAlreadyDone", notice.getDoneBy());
		}
		notice.done(actor.displayName(), Instant.now(clock));
		audit.record("INBOX_NOTICE_DONE", "InboxNotice", noticeId,
				texts.get("reporting.audit.noticeDone", notice.getSummary()));
	}

	// ---- rules ---------------------------------------------------------------------------------

	private ReviewProcess inReview(DocumentRef document) {
		return process(document).filter(ReviewProcess::isInReview)
			.orElseThrow(() -> ReviewException.of("reporting.review.notInReview"));
	}

	private static void requireStep(ReviewProcess process, int round, int stepNo) {
		if (process.getRound() != round || process.getCurrentStep() != stepNo) {
			throw ReviewException.of("reporting.review.stepAlreadyHandled");
		}
	}

	private void requireReviewer(ReviewProcess process, ReviewSubject subject, AuthenticatedUser actor) {
		String refusal = refusal(process, subject, actor);
		if (refusal != null) {
			throw ReviewException.of(refusal, texts.label("reporting.chain.role.", process.currentRole()));
		}
	}

	/** Why the user may not act at the current step, as a message key; null when they may. */
	private String refusal(ReviewProcess process, ReviewSubject subject, AuthenticatedUser user) {
		if (!user.can(Permissions.REPORTING_REVIEW) || !holds(user, process.currentRole(), process.getUnitId())) {
			return "reporting.review.notYourStep";
		}
		if (subject.ownedBy(user)) {
			return "reporting.review.ownDocument";
		}
		boolean approvedEarlierStep = actions.findByProcessIdAndRoundOrderByIdAsc(process.getId(), process.getRound())
			.stream()
			.anyMatch(action -> action.getAction() == ReviewAction.Kind.APPROVED
					&& user.userId() == (action.getActorUserId() == null ? -1 : action.getActorUserId()));
		if (approvedEarlierStep) {
			return "reporting.review.twoSteps";
		}
		return null;
	}

	/** Whether the user holds the step's role for the document's unit. */
	boolean holds(AuthenticatedUser user, ReviewRole role, Long unitId) {
		if (role == null || !user.hasRole(role.name())) {
			return false;
		}
		return switch (role) {
			case UNIT_HEAD -> unitId != null && unitId.equals(user.unitId());
			case LEADER_IN_CHARGE -> user.personId() != null
					&& organization.unitsInChargeOf(user.personId()).contains(unitId);
			case OFFICE_EDITOR, BUREAU_LEADER -> true;
		};
	}

	private ReviewSubject subject(DocumentRef document) {
		return handler(document.type()).subject(document.id());
	}

	private ReviewableDocuments handler(String documentType) {
		ReviewableDocuments handler = byType().get(documentType);
		if (handler == null) {
			throw new IllegalArgumentException("No review for document type " + documentType);
		}
		return handler;
	}

	private String labels(List<ReviewRole> steps) {
		return steps.stream()
			.map(role -> texts.label("reporting.chain.role.", role))
			.collect(Collectors.joining(" → "));
	}

	/** All roles a chain may use, in their usual order. */
	public static Set<ReviewRole> roles() {
		return EnumSet.allOf(ReviewRole.class);
	}

}
