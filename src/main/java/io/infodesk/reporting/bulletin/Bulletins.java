package io.infodesk.reporting.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.bulletin.internal.BulletinFileRepository;
import io.infodesk.reporting.bulletin.internal.BulletinRepository;
import io.infodesk.reporting.bulletin.internal.PeriodicalRepository;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewProgress;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.docx.GbT9704;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Bulletins (简报 / 信息专报, S3.1-d, issue 3 point 7): the office compiles signed-off items into an issue of a
 * {@link io.infodesk.reporting.bulletin.Periodical}, sends it through the review chain (default: 局主要领导审签, {@link BulletinReviews}) and, once
 * signed off, issues it: the issue gets its number (第N期 per periodical and year, 增刊 in a sequence of their own,
 * 总第M期 for periodicals that count them), its date, and its DOCX in GB/T 9704 layout, archived with its SHA-256.
 * Numbers are given only at issue, under a lock of the periodical's row and a unique index, so they have no gaps
 * and no duplicates. An issued bulletin never changes: a download gives the archived bytes. Every change is audited
 * in its transaction; an invalid transition is refused with a Chinese message and changes nothing.
 * <p>
 * The numbering at issue (row lock, retry on a taken number, one transaction with the DOCX and the archive) is
 * {@link BulletinNumbering}, the document {@link BulletinDocuments}, the form's checks {@link BulletinValidation}.
 * It stays a little over ~350 lines because compiling, review hand-over, discarding and the permission checks of the
 * detail page read the same issue and periodical and share one set of state checks.
 */
@Service
@Validated
@Transactional
public class Bulletins {

	static final String ENTITY = "Bulletin";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final Sort ORDER = Sort.by(Sort.Order.desc("issueYear"), Sort.Order.desc("issuedAt"),
			Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	/** Most candidate items the compose form lists. */
	static final int CANDIDATES = 200;

	private final BulletinRepository bulletins;

	private final BulletinFileRepository files;

	private final PeriodicalRepository periodicals;

	private final InformationItemRepository items;

	private final ReviewChains reviewChains;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final BulletinDocuments documents;

	private final BulletinValidation validation;

	private final BulletinNumbering numbering;

	Bulletins(BulletinRepository bulletins, BulletinFileRepository files, PeriodicalRepository periodicals,
			InformationItemRepository items, ReviewChains reviewChains, AuditTrail audit,
			Texts texts, Clock clock, BulletinDocuments documents, BulletinValidation validation,
			BulletinNumbering numbering) {
		this.bulletins = bulletins;
		this.files = files;
		this.periodicals = periodicals;
		this.items = items;
		this.reviewChains = reviewChains;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.documents = documents;
		this.validation = validation;
		this.numbering = numbering;
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Bulletin get(long id) {
		return bulletins.findById(id).orElseThrow(() -> ReportingException.of("reporting.bulletin.notFound", id));
	}

	@Transactional(readOnly = true)
	public Page<Bulletin> search(BulletinFilter filter, Pageable pageable) {
		return bulletins.findAll(matching(filter),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER));
	}

	/** Every matching bulletin, for the Excel export. */
	@Transactional(readOnly = true)
	public List<Bulletin> list(BulletinFilter filter) {
		return bulletins.findAll(matching(filter), ORDER);
	}

	/** The years that have bulletins, newest first (for the filter bar). */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		List<Integer> years = new ArrayList<>(bulletins.years());
		int now = LocalDate.now(clock).getYear();
		if (!years.contains(now)) {
			years.add(0, now);
		}
		return years;
	}

	private static Specification<Bulletin> matching(BulletinFilter filter) {
		Specification<Bulletin> spec = (root, query, cb) -> cb.conjunction();
		if (filter.periodicalId() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("periodicalId"), filter.periodicalId()));
		}
		if (filter.year() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("issueYear"), filter.year()));
		}
		if (filter.status() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
		}
		return spec;
	}

	/**
	 * Items the user may compile into a bulletin: signed off, submitted or adopted (S3.1-b: nothing unsigned leaves
	 * the bureau), within the user's data scope, newest first.
	 */
	@Transactional(readOnly = true)
	public List<InformationItem> candidates(AuthenticatedUser user, DataScope scope) {
		Specification<InformationItem> signedOff = (root, query, cb) -> root.get("status")
			.in(ItemStatus.SIGNED_OFF, ItemStatus.SUBMITTED, ItemStatus.ADOPTED);
		return items
			.findAll(ItemSpecs.visible(scope, user.userId(), user.personId()).and(signedOff),
					PageRequest.of(0, CANDIDATES, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))))
			.getContent();
	}

	/** The bulletins an item was compiled into. */
	@Transactional(readOnly = true)
	public List<Bulletin> containing(long itemId) {
		return bulletins.containing(itemId);
	}

	/** The archived DOCX of an issued bulletin, checked against its SHA-256. */
	@Transactional(readOnly = true)
	public BulletinFile file(long id) {
		Bulletin bulletin = get(id);
		BulletinFile file = files.findById(id)
			.orElseThrow(() -> ReportingException.of("reporting.bulletin.notIssued", label(bulletin)));
		if (!sha256(file.getContent()).equals(file.getSha256())) {
			throw ReportingException.of("reporting.bulletin.file.damaged", label(bulletin));
		}
		return file;
	}

	/**
	 * The bulletin as an official document (GB/T 9704 layout): the archived issue's content, or for an issue not yet
	 * numbered a preview whose 报头 says that the number follows at issue.
	 */
	@Transactional(readOnly = true)
	public OfficialDocument document(long id) {
		Bulletin bulletin = get(id);
		return documents.document(bulletin, periodical(bulletin));
	}

	/**
	 * The bulletin's text without layout (报头, editor's note, items, 版记), one line per paragraph: what a search
	 * index needs of it.
	 */
	@Transactional(readOnly = true)
	public String plainText(long id) {
		return document(id).plainText();
	}

	/** 《住建信息》2026年第12期, 《住建信息》2026年增刊第1期, or 《住建信息》（待编号） before it is issued. */
	@Transactional(readOnly = true)
	public String label(Bulletin bulletin) {
		return documents.label(bulletin, periodical(bulletin));
	}

	/** 2026年第12期, 2026年增刊第1期, or （待编号） / 增刊（待编号） before it is issued. */
	public String numberText(Bulletin bulletin) {
		return documents.numberText(bulletin);
	}

	/** The issue's title, or its first item's. */
	public static String heading(Bulletin bulletin) {
		if (bulletin.getTitle() != null) {
			return bulletin.getTitle();
		}
		return bulletin.getEntries().isEmpty() ? "" : bulletin.getEntries().get(0).getTitle();
	}

	/** Map of periodical id → periodical, for lists. */
	@Transactional(readOnly = true)
	public Map<Long, Periodical> periodicals() {
		return periodicals.findAll().stream().collect(Collectors.toMap(Periodical::getId, Function.identity()));
	}

	public boolean canEdit(Bulletin bulletin, AuthenticatedUser user) {
		return bulletin.getStatus().editable() && user.can(Permissions.REPORTING_BULLETIN);
	}

	public boolean canSubmit(Bulletin bulletin, AuthenticatedUser user) {
		return canEdit(bulletin, user);
	}

	public boolean canIssue(Bulletin bulletin, AuthenticatedUser user) {
		return bulletin.getStatus() == BulletinStatus.SIGNED_OFF && user.can(Permissions.REPORTING_BULLETIN);
	}

	@Transactional(readOnly = true)
	public boolean canDiscard(Bulletin bulletin, AuthenticatedUser user) {
		return bulletin.getStatus() == BulletinStatus.DRAFT && user.can(Permissions.REPORTING_BULLETIN)
				&& reviewChains.process(Bulletin.ref(bulletin.getId())).isEmpty();
	}

	// ---- writing -------------------------------------------------------------------------------

	/** A new issue compiled by the office (not numbered yet). */
	public Bulletin create(@Valid BulletinForm form, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		BulletinValidation.Content content = validation.validate(form, actor, scope, List.of());
		Instant now = Instant.now(clock);
		Bulletin bulletin = new Bulletin(actor.userId(), actor.personId(), actor.displayName(),
				LocalDate.now(clock).getYear(), now);
		content.writeTo(bulletin, now);
		bulletins.saveAndFlush(bulletin);
		audit.record("BULLETIN_CREATED", ENTITY, bulletin.getId(), texts.get("reporting.audit.bulletinCreated",
				documents.label(bulletin, content.periodical()), titles(bulletin)));
		return bulletin;
	}

	/**
	 * Saves the form over a draft or returned issue, as its next revision. A form based on an older revision is
	 * refused (another editor saved meanwhile); nothing is written.
	 */
	public Bulletin update(long id, @Valid BulletinForm form, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		Bulletin bulletin = get(id);
		if (!bulletin.getStatus().editable()) {
			throw ReportingException.of("reporting.bulletin.locked",
					texts.label("reporting.bulletin.status.", bulletin.getStatus()));
		}
		if (form.baseRevision().intValue() != bulletin.getRevision()) {
			throw ReportingException.of("reporting.bulletin.conflict", bulletin.getRevision());
		}
		List<Long> kept = bulletin.getEntries().stream().map(BulletinEntry::getItemId).toList();
		BulletinValidation.Content content = validation.validate(form, actor, scope, kept);
		Instant now = Instant.now(clock);
		content.writeTo(bulletin, now);
		bulletins.saveAndFlush(bulletin);
		audit.record("BULLETIN_UPDATED", ENTITY, bulletin.getId(), texts.get("reporting.audit.bulletinUpdated",
				documents.label(bulletin, content.periodical()), bulletin.getRevision(), titles(bulletin)));
		return bulletin;
	}

	/** Sends a draft or returned issue into the review chain of its periodical's unit (the leader signs). */
	public ReviewProcess submitForReview(long id, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		Bulletin bulletin = get(id);
		if (!bulletin.getStatus().editable()) {
			throw ReportingException.of("reporting.bulletin.cannotSubmit",
					texts.label("reporting.bulletin.status.", bulletin.getStatus()));
		}
		if (bulletin.getEntries().isEmpty()) {
			throw ReportingException.of("reporting.bulletin.items.required");
		}
		return reviewChains.start(Bulletin.ref(id), ReviewTrack.NORMAL, actor);
	}

	/** Deletes a draft that never entered review. */
	public void discard(long id, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_BULLETIN);
		Bulletin bulletin = get(id);
		if (bulletin.getStatus() != BulletinStatus.DRAFT
				|| reviewChains.process(Bulletin.ref(id)).isPresent()) {
			throw ReportingException.of("reporting.bulletin.discardOnlyDraft");
		}
		String label = label(bulletin);
		bulletins.delete(bulletin);
		audit.record("BULLETIN_DISCARDED", ENTITY, id, texts.get("reporting.audit.bulletinDiscarded", label,
				titles(bulletin)));
	}

	/**
	 * Issues a signed-off bulletin: its number, date, DOCX and archive in one transaction, numbered one at a time
	 * per periodical ({@link BulletinNumbering}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Bulletin issue(long id, AuthenticatedUser actor) {
		return numbering.issue(id, actor);
	}

	/** Called by the review chain ({@link BulletinReviews}): the bulletin's status follows its review. */
	public void reviewChanged(long id, ReviewProgress progress) {
		Bulletin bulletin = get(id);
		Instant now = Instant.now(clock);
		switch (progress.status()) {
			case IN_REVIEW -> bulletin.changeStatus(BulletinStatus.IN_REVIEW, progress.currentRole().name(), now);
			case RETURNED -> bulletin.changeStatus(BulletinStatus.RETURNED, null, now);
			case APPROVED -> bulletin.changeStatus(BulletinStatus.SIGNED_OFF, null, now);
		}
	}

	private Periodical periodical(Bulletin bulletin) {
		return periodicals.findById(bulletin.getPeriodicalId())
			.orElseThrow(() -> ReportingException.of("reporting.periodical.notFound", bulletin.getPeriodicalId()));
	}

	static String titles(Bulletin bulletin) {
		return bulletin.getEntries().stream().map(BulletinEntry::getTitle).collect(Collectors.joining("；"));
	}

	/** The date of an issue as the 报头 prints it (2026年11月27日). */
	public static String documentDate(LocalDate date) {
		return GbT9704.date(date);
	}

	/** The SHA-256 of an archived file, as the file store computes it. */
	static String sha256(byte[] content) {
		return FileStore.sha256(content);
	}


}
