package io.infodesk.reporting;

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
import io.infodesk.reporting.internal.InformationItemRepository;
import io.infodesk.reporting.internal.ItemSpecs;
import io.infodesk.reporting.internal.VerificationRepository;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.DocumentVersions;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.RichText;
import io.infodesk.review.TextDiff;

/**
 * Information items (S3.1-a, S3.1-b): drafting and editing with sanitized bodies, authors and tags,
 * verification records, the list within the user's data scope and the register. Every save is a new
 * version; a save from an outdated revision is refused as an {@link EditConflict}. Every change is audited
 * in its transaction.
 */
@Service
@Validated
@Transactional
public class InformationItems {

	static final String ENTITY = "InformationItem";

	/** The longest text (without markup) an item may have: a long 专报 runs to a few thousand characters. */
	static final int MAX_TEXT = 20_000;

	static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

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

	private final io.infodesk.reporting.internal.MaterialLinkRepository materialLinks;

	private final io.infodesk.reporting.internal.AttachmentRepository attachments;

	private final ReportingSearch search;

	@jakarta.persistence.PersistenceContext
	private jakarta.persistence.EntityManager entityManager;

	InformationItems(InformationItemRepository items, VerificationRepository verifications,
			DocumentVersions versions, Organization organization, ReviewChains reviewChains,
			Solicitations solicitations, AuditTrail audit,
			Texts texts, Clock clock, ReportingReminders reminders,
			io.infodesk.reporting.internal.MaterialLinkRepository materialLinks,
			io.infodesk.reporting.internal.AttachmentRepository attachments, ReportingSearch search) {
		this.search = search;
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

	/**
	 * A page of the list, newest first. With a keyword the full-text index answers (a substring of title or text
	 * without reading 200,000 texts: docs/performance.md); without one the database does.
	 */
	@Transactional(readOnly = true)
	public Page<InformationItem> search(ItemFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		if (hasKeyword(filter)) {
			return search.items(filter, user, scope, pageable);
		}
		Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER);
		return items.findAll(specification(filter, scope, user), ordered);
	}

	/** The most items the register page counts exactly; beyond, it says "more than 10,000" (docs/performance.md). */
	public static final int COUNT_LIMIT = 10_000;

	/**
	 * A page of the register page (信息台账): as {@link #search}, except that without a keyword the total is
	 * counted up to {@link #COUNT_LIMIT} + 1 items only — counting 200,000 rows on every page was most of the
	 * database's time — and not at all when the page itself shows the end. A total above {@link #COUNT_LIMIT}
	 * means "more than that"; the pages up to it are reachable, a narrower filter finds the rest.
	 */
	@Transactional(readOnly = true)
	public Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		return registerPage(filter, scope, user, pageable, COUNT_LIMIT);
	}

	Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user, Pageable pageable,
			int countLimit) {
		if (hasKeyword(filter)) {
			return search.items(filter, user, scope, pageable); // the index counts exactly and cheaply
		}
		org.springframework.data.jpa.domain.Specification<InformationItem> spec = specification(filter, scope, user);
		jakarta.persistence.criteria.CriteriaBuilder cb = entityManager.getCriteriaBuilder();
		jakarta.persistence.criteria.CriteriaQuery<InformationItem> query = cb.createQuery(InformationItem.class);
		jakarta.persistence.criteria.Root<InformationItem> root = query.from(InformationItem.class);
		jakarta.persistence.criteria.Predicate where = spec.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		query.orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
		List<InformationItem> content = entityManager.createQuery(query)
			.setFirstResult((int) pageable.getOffset())
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		boolean end = content.size() < pageable.getPageSize() && (!content.isEmpty() || pageable.getOffset() == 0);
		long total = end ? pageable.getOffset() + content.size() : cappedCount(spec, countLimit);
		return new org.springframework.data.domain.PageImpl<>(content, pageable, total);
	}

	/** How many items match, counting at most {@code limit} + 1: select count(*) from (select id … limit n). */
	private long cappedCount(org.springframework.data.jpa.domain.Specification<InformationItem> spec, int limit) {
		org.hibernate.query.criteria.HibernateCriteriaBuilder cb = entityManager.unwrap(org.hibernate.Session.class)
			.getCriteriaBuilder();
		org.hibernate.query.criteria.JpaCriteriaQuery<Long> count = cb.createQuery(Long.class);
		org.hibernate.query.criteria.JpaSubQuery<Long> limited = count.subquery(Long.class);
		org.hibernate.query.criteria.JpaRoot<InformationItem> root = limited.from(InformationItem.class);
		jakarta.persistence.criteria.Predicate where = spec.toPredicate(root, count, cb);
		org.hibernate.query.criteria.JpaPath<Long> id = root.get("id");
		id.alias("id"); // a derived table's columns need names
		limited.select(id);
		if (where != null) {
			limited.where(where);
		}
		limited.fetch(limit + 1);
		count.from(limited);
		count.select(cb.count());
		return entityManager.createQuery(count).getSingleResult();
	}

	/** Every matching item, for the register export. */
	@Transactional(readOnly = true)
	public List<InformationItem> list(ItemFilter filter, DataScope scope, AuthenticatedUser user) {
		if (hasKeyword(filter)) {
			return search.allItems(filter, user, scope);
		}
		return items.findAll(specification(filter, scope, user), ORDER);
	}

	private static boolean hasKeyword(ItemFilter filter) {
		return filter.keyword() != null && !filter.keyword().isBlank();
	}

	private org.springframework.data.jpa.domain.Specification<InformationItem> specification(ItemFilter filter,
			DataScope scope, AuthenticatedUser user) {
		return visible(scope, user).and(ItemSpecs.matching(filter, TimeConfiguration.ZONE));
	}

	/** What the user may see, with their joint items of other units looked up first (see ItemSpecs). */
	private org.springframework.data.jpa.domain.Specification<InformationItem> visible(DataScope scope,
			AuthenticatedUser user) {
		if (!(scope instanceof DataScope.Units units) || user.personId() == null) {
			return ItemSpecs.visibleWith(scope, user.userId(), List.of());
		}
		List<Long> elsewhere = units.unitIds().isEmpty() ? items.coAuthored(user.personId())
				: items.coAuthoredOutside(user.personId(), units.unitIds());
		return ItemSpecs.visibleWith(scope, user.userId(), elsewhere);
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
		requirePermission(actor, Permissions.REPORTING_DRAFT);
		Content content = validate(form, scope, scope, actor, null);
		Instant now = Instant.now(clock);
		InformationItem item = new InformationItem(content.unit().getId(), actor.userId(), actor.personId(),
				actor.displayName(), now);
		content.writeTo(item, now);
		items.saveAndFlush(item);
		versions.record(InformationItem.ref(item.getId()), item.getRevision(), item.getTitle(), item.getBody(),
				DocumentVersion.Note.DRAFTED, actor);
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
		Content content = validate(form, scope.includes(form.unitId()) || form.unitId().equals(item.getUnitId())
				? DataScope.all() : scope, scope, actor, item.getSolicitationId());
		if (form.baseRevision().intValue() != item.getRevision()) {
			throw conflict(item, form);
		}
		if (!content.changes(item)) {
			return item;
		}
		Instant now = Instant.now(clock);
		content.writeTo(item, now);
		items.saveAndFlush(item);
		versions.record(InformationItem.ref(item.getId()), item.getRevision(), item.getTitle(), item.getBody(), note,
				actor);
		if (note == DocumentVersion.Note.REVIEW_EDITED) {
			reviewChains.edited(InformationItem.ref(id), item.getRevision(), actor);
		}
		audit.record("ITEM_UPDATED", ENTITY, item.getId(), texts.get("reporting.audit.itemUpdated", item.getTitle(),
				item.getRevision(), texts.get("reporting.version.note." + note.name())));
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
				form.verifier().strip(), blankToNull(form.counterpart()), form.verifiedOn(), form.confirmed().strip(),
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

	static String dueText(InformationItem item) {
		return java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm:ss")
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
		attachments.deleteAll(attachments.findByOwnerTypeAndOwnerIdOrderByIdAsc(Attachment.Owner.ITEM, itemId));
		items.delete(item);
		audit.record("ITEM_DISCARDED", ENTITY, itemId, texts.get("reporting.audit.discarded", item.getTitle()));
		reminders.itemDiscarded(itemId);
	}

	/** Moves the item to another workflow state (called by the review chain and the submission records). */
	void changeStatus(InformationItem item, ItemStatus status, String reviewRole) {
		item.changeStatus(status, reviewRole, Instant.now(clock));
	}

	// ---- validation ----------------------------------------------------------------------------

	private record Content(String title, String body, String text, ItemKind kind, Unit unit, Set<Angle> angles,
			Set<SourceTag> sources, List<ItemAuthor> authors, Long solicitationId, boolean urgent,
			UrgentCategory category, Instant eventAt) {

		void writeTo(InformationItem item, Instant now) {
			item.write(title, body, text, kind, unit.getId(), angles, sources, authors, solicitationId, now);
			item.urgency(urgent, category, eventAt);
		}

		boolean changes(InformationItem item) {
			return !(title.equals(item.getTitle()) && body.equals(item.getBody()) && kind == item.getKind()
					&& urgent == item.isUrgent() && category == item.getUrgentCategory()
					&& java.util.Objects.equals(eventAt, item.getEventAt())
					&& java.util.Objects.equals(solicitationId, item.getSolicitationId())
					&& unit.getId().equals(item.getUnitId()) && angles.equals(item.getAngles())
					&& sources.equals(item.getSources()) && sameAuthors(item.getAuthors()));
		}

		private boolean sameAuthors(List<ItemAuthor> others) {
			if (others.size() != authors.size()) {
				return false;
			}
			for (int i = 0; i < authors.size(); i++) {
				ItemAuthor a = authors.get(i);
				ItemAuthor b = others.get(i);
				if (!a.getPersonId().equals(b.getPersonId()) || !java.util.Objects.equals(a.getWeight(), b.getWeight())) {
					return false;
				}
			}
			return true;
		}

	}

	private Content validate(ItemForm form, DataScope unitScope, DataScope scope, AuthenticatedUser actor,
			Long currentSolicitation) {
		Unit unit = organization.unit(form.unitId())
			.filter(Unit::isActive)
			.orElseThrow(() -> new ReportingException("unitId", "reporting.item.unit.unknown"));
		if (!unitScope.includes(unit.getId())) {
			throw new ReportingException("unitId", "reporting.item.unit.outOfScope", unit.getName());
		}
		String body = RichText.sanitize(form.body());
		String text = RichText.plainText(body);
		if (text.isBlank()) {
			throw new ReportingException("body", "reporting.item.body.required");
		}
		if (text.length() > MAX_TEXT) {
			throw new ReportingException("body", "reporting.item.body.size");
		}
		List<ItemForm.AuthorEntry> named = form.namedAuthors();
		if (named.isEmpty()) {
			throw new ReportingException("authors", "reporting.item.authors.required");
		}
		if (named.size() > ItemForm.MAX_AUTHORS) {
			throw new ReportingException("authors", "reporting.item.authors.tooMany", ItemForm.MAX_AUTHORS);
		}
		Set<Long> seen = new HashSet<>();
		List<ItemAuthor> authors = new ArrayList<>();
		for (ItemForm.AuthorEntry entry : named) {
			if (entry.personId() == null) {
				throw new ReportingException("authors", "reporting.item.authors.personMissing");
			}
			Person person = organization.person(entry.personId())
				.filter(Person::isActive)
				.orElseThrow(() -> new ReportingException("authors", "reporting.item.authors.unknown"));
			if (!seen.add(person.getId())) {
				throw new ReportingException("authors", "reporting.item.authors.duplicate", person.getName());
			}
			authors.add(new ItemAuthor(person.getId(), person.getName(), person.getUnitId(), entry.weight()));
		}
		long weighted = named.stream().filter(entry -> entry.weight() != null).count();
		if (weighted > 0 && weighted < named.size()) {
			throw new ReportingException("authors", "reporting.item.weights.mixed");
		}
		if (weighted > 0 && named.stream().mapToInt(ItemForm.AuthorEntry::weight).sum() != 100) {
			throw new ReportingException("authors", "reporting.item.weights.sum");
		}
		Long solicitationId = form.solicitationId();
		if (solicitationId != null && !solicitationId.equals(currentSolicitation)) {
			Solicitation solicitation = solicitations.get(solicitationId);
			if (!Solicitations.canSee(solicitation, actor, scope) || solicitation.getDeliveredAt() != null) {
				throw new ReportingException("solicitationId", "reporting.item.solicitation.unavailable");
			}
		}
		Instant eventAt = null;
		if (form.isUrgent()) {
			if (form.urgentCategory() == null) {
				throw new ReportingException("urgentCategory", "reporting.urgent.category.required");
			}
			if (form.eventAt() == null) {
				throw new ReportingException("eventAt", "reporting.urgent.eventAt.required");
			}
			eventAt = form.eventAt().atZone(TimeConfiguration.ZONE).toInstant();
			if (eventAt.isAfter(Instant.now(clock))) {
				throw new ReportingException("eventAt", "reporting.urgent.eventAt.future");
			}
		}
		return new Content(form.title().strip(), body, text, form.kind(), unit,
				new LinkedHashSet<>(form.angles()), new LinkedHashSet<>(form.sources()), authors, solicitationId,
				form.isUrgent(), form.isUrgent() ? form.urgentCategory() : null, eventAt);
	}

	private static void requirePermission(AuthenticatedUser actor, String permission) {
		if (!actor.can(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String authorNames(InformationItem item) {
		return item.getAuthors().stream().map(ItemAuthor::getPersonName).collect(Collectors.joining("、"));
	}

}
