package io.infodesk.reporting.item;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.internal.ReportingReminders;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.item.internal.VerificationRepository;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.DocumentVersions;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.RichText;
import io.infodesk.review.TextDiff;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.DateFormats;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Information items (S3.1-a, S3.1-b): drafting and editing with sanitized bodies, authors and tags,
 * verification records, the list within the user's data scope and the register. Every save is a new
 * version; a save from an outdated revision is refused as an {@link EditConflict}. Every change is audited
 * in its transaction.
 * <p>
 * Over ~350 lines because drafting, editing, verification and discarding share one set of state checks and the
 * versioning of every save; what stands apart is already out: the review in {@link ItemReviews}, the register in
 * {@link ItemRegister}, the form checks in {@link ItemValidation} (issue 10 point 3).
 */
@Service
@Validated
@Transactional
public class InformationItems {

	public static final String ENTITY = "InformationItem";

	/** The longest text (without markup) an item may have: a long 专报 runs to a few thousand characters. */
	static final int MAX_TEXT = 20_000;

	/** The most items the register page counts exactly; beyond, it says "more than 10,000" (docs/performance.md). */
	public static final int COUNT_LIMIT = ItemRegister.COUNT_LIMIT;

	private final InformationItemRepository items;

	private final VerificationRepository verifications;

	private final DocumentVersions versions;

	private final Organization organization;

	private final ReviewChains reviewChains;

	private final Solicitations solicitations;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final ReportingReminders reminders;

	private final io.infodesk.reporting.material.internal.MaterialLinkRepository materialLinks;

	private final io.infodesk.reporting.attachment.internal.AttachmentRepository attachments;

	private final ItemRegister register;

	private final ItemValidation validation;

	private final io.infodesk.shared.files.FileCleanup fileCleanup;

	InformationItems(InformationItemRepository items, VerificationRepository verifications,
			DocumentVersions versions, Organization organization, ReviewChains reviewChains,
			Solicitations solicitations, AuditTrail audit,
			Texts texts, Clock clock, ReportingReminders reminders,
			io.infodesk.reporting.material.internal.MaterialLinkRepository materialLinks,
			io.infodesk.reporting.attachment.internal.AttachmentRepository attachments, ItemRegister register,
			ItemValidation validation, io.infodesk.shared.files.FileCleanup fileCleanup) {
		this.fileCleanup = fileCleanup;
		this.register = register;
		this.validation = validation;
		this.materialLinks = materialLinks;
		this.attachments = attachments;
		this.reminders = reminders;
		this.items = items;
		this.verifications = verifications;
		this.versions = versions;
		this.organization = organization;
		this.reviewChains = reviewChains;
		this.solicitations = solicitations;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public InformationItem get(long id) {
		return items.findById(id).orElseThrow(() -> ReportingException.of("reporting.item.notFound", id));
	}

	/** The item, if the user may see it: in their data scope, or drafted or co-authored by them. */
	@Transactional(readOnly = true)
	public InformationItem visible(long id, AuthenticatedUser user, DataScope scope) {
		InformationItem item = get(id);
		if (!canSee(item, user, scope)) {
			throw new AccessDeniedException("超出数据权限范围");
		}
		return item;
	}

	public static boolean canSee(InformationItem item, AuthenticatedUser user, DataScope scope) {
		return scope.includes(item.getUnitId()) || item.isOwnedBy(user.userId(), user.personId());
	}

	/** A page of the list, newest first ({@link ItemRegister#search}). */
	@Transactional(readOnly = true)
	public Page<InformationItem> search(ItemFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		return register.search(filter, scope, user, pageable);
	}

	/** A page of the register page, its total counted up to {@link ItemRegister#COUNT_LIMIT} ({@link ItemRegister}). */
	@Transactional(readOnly = true)
	public Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		return register.registerPage(filter, scope, user, pageable, ItemRegister.COUNT_LIMIT);
	}

	Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user, Pageable pageable,
			int countLimit) {
		return register.registerPage(filter, scope, user, pageable, countLimit);
	}

	Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user, Pageable pageable,
			int countLimit, int indexOffset) {
		return register.registerPage(filter, scope, user, pageable, countLimit, indexOffset);
	}

	/** Every matching item, for the register export. */
	@Transactional(readOnly = true)
	public List<InformationItem> list(ItemFilter filter, DataScope scope, AuthenticatedUser user) {
		return register.list(filter, scope, user);
	}

	/** Items by id, for registers that list records of items. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, InformationItem> byIds(java.util.Collection<Long> ids) {
		return items.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(InformationItem::getId, java.util.function.Function.identity()));
	}

	@Transactional(readOnly = true)
	public List<Verification> verifications(long itemId) {
		return verifications.findByItemIdOrderByVerifiedOnAscIdAsc(itemId);
	}

	// ---- writing -------------------------------------------------------------------------------

	/** A new draft of the user's; it becomes version 1. */
	public InformationItem create(@Valid ItemForm form, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_DRAFT);
		ItemValidation.Content content = validation.validate(form, scope, scope, actor, null);
		Instant now = Instant.now(clock);
		InformationItem item = new InformationItem(content.unit().getId(), actor.userId(), actor.personId(),
				actor.displayName(), now);
		content.writeTo(item, now);
		items.saveAndFlush(item);
		versions.record(InformationItem.ref(item.getId()), item.getRevision(), item.getTitle(), item.getBody(),
				facts(item), DocumentVersion.Note.DRAFTED, actor);
		audit.record("ITEM_CREATED", ENTITY, item.getId(), texts.get("reporting.audit.itemCreated", item.getTitle(),
				content.unit().getName(), texts.label("reporting.kind.", item.getKind()), authorNames(item)));
		reminders.itemChanged(item);
		return item;
	}

	/**
	 * Saves the form over the item, as a new version: the drafter or a co-author while it is a draft or
	 * returned, the reviewer of the current step while it is in review (S3.1-b). A form based on an older
	 * revision is refused with the differences (nothing written).
	 */
	public InformationItem update(long id, @Valid ItemForm form, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = visible(id, actor, scope);
		DocumentVersion.Note note = editRight(item, actor);
		ItemValidation.Content content = validation.validate(form, scope.includes(form.unitId()) || form.unitId().equals(item.getUnitId())
				? DataScope.all() : scope, scope, actor, item.getSolicitationId());
		if (form.baseRevision().intValue() != item.getRevision()) {
			throw conflict(item, form);
		}
		if (!content.changes(item)) {
			return item;
		}
		Instant now = Instant.now(clock);
		String factsBefore = facts(item);
		content.writeTo(item, now);
		items.saveAndFlush(item);
		String factsAfter = facts(item);
		versions.record(InformationItem.ref(item.getId()), item.getRevision(), item.getTitle(), item.getBody(),
				factsAfter, note, actor);
		if (note == DocumentVersion.Note.REVIEW_EDITED) {
			reviewChains.edited(InformationItem.ref(id), item.getRevision(), actor);
		}
		// authors and weights drive the scoring; unit, urgency, event time and solicitation decide deadlines and
		// scores too: their change is part of the entry (issue 17, finding 5)
		audit.record("ITEM_UPDATED", ENTITY, item.getId(), texts.get("reporting.audit.itemUpdated", item.getTitle(),
				item.getRevision(), texts.get("reporting.version.note." + note.name()))
				+ (factsBefore.equals(factsAfter) ? "" : texts.get("reporting.audit.itemFacts", factsBefore, factsAfter)));
		reminders.itemChanged(item);
		return item;
	}

	/** Who may change the content now, and as what kind of version. */
	DocumentVersion.Note editRight(InformationItem item, AuthenticatedUser actor) {
		if (item.getStatus().editableByDrafter()) {
			if (!actor.can(Permissions.REPORTING_DRAFT) || !item.isOwnedBy(actor.userId(), actor.personId())) {
				throw ReportingException.of("reporting.item.notYours");
			}
			return item.getStatus() == ItemStatus.RETURNED ? DocumentVersion.Note.REVISED
					: DocumentVersion.Note.DRAFT_EDITED;
		}
		if (item.getStatus() == ItemStatus.IN_REVIEW && !item.isOwnedBy(actor.userId(), actor.personId())) {
			reviewChains.requireCurrentReviewer(InformationItem.ref(item.getId()), actor);
			return DocumentVersion.Note.REVIEW_EDITED;
		}
		throw ReportingException.of("reporting.item.locked", texts.label("reporting.status.", item.getStatus()));
	}

	/**
	 * True when the user may open the edit form now: the same rule as {@link #editRight}, asked without
	 * exceptions (an exception crossing a transactional call would mark this read's transaction for rollback).
	 */
	@Transactional(readOnly = true)
	public boolean canEdit(InformationItem item, AuthenticatedUser actor) {
		boolean owner = item.isOwnedBy(actor.userId(), actor.personId());
		if (item.getStatus().editableByDrafter()) {
			return owner && actor.can(Permissions.REPORTING_DRAFT);
		}
		return item.getStatus() == ItemStatus.IN_REVIEW && !owner
				&& reviewChains.isCurrentReviewer(InformationItem.ref(item.getId()), actor);
	}

	private EditConflict conflict(InformationItem item, ItemForm form) {
		DocumentVersion current = versions.get(InformationItem.ref(item.getId()), item.getRevision());
		String input = RichText.sanitize(form.body());
		DocumentVersions.VersionDiff diff = new DocumentVersions.VersionDiff(item.getRevision(), 0,
				TextDiff.between(current.getTitle(), form.title() == null ? "" : form.title().strip()),
				TextDiff.between(current.getBodyText(), RichText.plainText(input)));
		return new EditConflict(item.getRevision(), current.getActorName(), diff);
	}

	/** Adds a verification record (核实, S3.1-b): by an owner of the item or a reviewer who can see it. */
	public Verification addVerification(long itemId, @Valid VerificationForm form, AuthenticatedUser actor,
			DataScope scope) {
		InformationItem item = visible(itemId, actor, scope);
		boolean owner = actor.can(Permissions.REPORTING_DRAFT) && item.isOwnedBy(actor.userId(), actor.personId());
		boolean reviewer = item.getStatus() == ItemStatus.IN_REVIEW
				&& reviewChains.isCurrentReviewer(InformationItem.ref(itemId), actor);
		if (!owner && !reviewer) {
			throw ReportingException.of("reporting.verification.notAllowed");
		}
		if (form.verifiedOn().isAfter(java.time.LocalDate.now(clock))) {
			throw new ReportingException("verifiedOn", "reporting.verification.date.future");
		}
		Verification verification = verifications.save(new Verification(itemId, form.method(),
				form.verifier().strip(), Strings.blankToNull(form.counterpart()), form.verifiedOn(), form.confirmed().strip(),
				actor.displayName(), Instant.now(clock)));
		audit.record("ITEM_VERIFIED", ENTITY, itemId, texts.get("reporting.audit.verified", item.getTitle(),
				texts.label("reporting.verification.method.", form.method()), form.verifier().strip(),
				form.verifiedOn()));
		return verification;
	}

	/**
	 * Sends a draft or a returned item into the review chain of its unit (S3.1-b): by its drafter or a
	 * co-author, with at least one verification record (facts verified before anyone reviews them).
	 */
	public ReviewProcess submitForReview(long itemId, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = visible(itemId, actor, scope);
		if (!item.getStatus().editableByDrafter()) {
			throw ReportingException.of("reporting.review.cannotSubmit",
					texts.label("reporting.status.", item.getStatus()));
		}
		if (!actor.can(Permissions.REPORTING_DRAFT) || !item.isOwnedBy(actor.userId(), actor.personId())) {
			throw ReportingException.of("reporting.review.onlyOwnerSubmits");
		}
		if (!item.isUrgent() && verifications.countByItemId(itemId) == 0) {
			throw ReportingException.of("reporting.review.verificationRequired");
		}
		ReviewProcess process = reviewChains.start(InformationItem.ref(itemId),
				item.isUrgent() ? ReviewTrack.URGENT : ReviewTrack.NORMAL, actor);
		if (item.isUrgent()) {
			reviewChains.notify(ReviewRole.OFFICE_EDITOR.name(), InformationItem.ref(itemId),
					texts.get("reporting.urgent.notice.submitted", item.getTitle(),
							texts.label("reporting.urgent.category.", item.getUrgentCategory()), dueText(item)));
		}
		return process;
	}

	public static String dueText(InformationItem item) {
		return DateFormats.MONTH_DAY_SECONDS
			.format(item.getDueAt().atZone(TimeConfiguration.ZONE));
	}

	/** Time-critical items not yet submitted, and those submitted since the start of yesterday, soonest due first. */
	@Transactional(readOnly = true)
	public List<InformationItem> urgentBoard(DataScope scope, AuthenticatedUser user) {
		Instant since = java.time.LocalDate.now(clock).minusDays(1).atStartOfDay(TimeConfiguration.ZONE).toInstant();
		return items.findAll(ItemSpecs.visible(scope, user.userId(), user.personId())
			.and((root, query, cb) -> cb.and(cb.isTrue(root.get("urgent")),
					cb.or(cb.isNull(root.get("firstSubmittedAt")),
							cb.greaterThanOrEqualTo(root.get("firstSubmittedAt"), since)))),
				Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("id")));
	}

	/** Deletes a draft that never entered review (its versions stay as history of the deletion). */
	public void discard(long itemId, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = visible(itemId, actor, scope);
		if (item.getStatus() != ItemStatus.DRAFT) {
			throw ReportingException.of("reporting.item.discardOnlyDraft");
		}
		if (!item.isOwnedBy(actor.userId(), actor.personId()) || !actor.can(Permissions.REPORTING_DRAFT)) {
			throw ReportingException.of("reporting.item.notYours");
		}
		verifications.deleteAll(verifications.findByItemIdOrderByVerifiedOnAscIdAsc(itemId));
		materialLinks.deleteAll(materialLinks.findByItemIdOrderByIdAsc(itemId));
		List<Attachment> uploads = attachments.findByOwnerTypeAndOwnerIdOrderByIdAsc(Attachment.Owner.ITEM, itemId);
		attachments.deleteAll(uploads);
		// the draft's uploads leave the store with it, unless another record keeps the same file (issue 17, finding 9)
		fileCleanup.deleteUnreferencedLater(uploads.stream().map(Attachment::getSha256).toList());
		items.delete(item);
		audit.record("ITEM_DISCARDED", ENTITY, itemId, texts.get("reporting.audit.discarded", item.getTitle()));
		reminders.itemDiscarded(itemId);
	}

	/** Moves the item to another workflow state (called by the review chain and the submission records). */
	void changeStatus(InformationItem item, ItemStatus status, String reviewRole) {
		item.changeStatus(status, reviewRole, Instant.now(clock));
	}

	/** The facts of an item beside title and body, as the audit trail and the versions keep them. */
	static String facts(InformationItem item) {
		String authors = item.getAuthors()
			.stream()
			.map(a -> a.getPersonName() + (a.getWeight() == null ? "" : "(" + a.getWeight() + ")"))
			.collect(Collectors.joining("、"));
		return "单位#" + item.getUnitId() + " 作者 " + (authors.isEmpty() ? "-" : authors) + " 紧急 "
				+ (item.isUrgent() ? String.valueOf(item.getUrgentCategory()) : "否") + " 事件时间 "
				+ (item.getEventAt() == null ? "-" : item.getEventAt()) + " 约稿 "
				+ (item.getSolicitationId() == null ? "-" : "#" + item.getSolicitationId()) + " 类别 " + item.getKind();
	}

	static String authorNames(InformationItem item) {
		return item.getAuthors().stream().map(ItemAuthor::getPersonName).collect(Collectors.joining("、"));
	}

}
