package io.infodesk.reporting.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.attachment.internal.AttachmentRepository;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.material.Materials;
import io.infodesk.reporting.material.internal.MaterialRepository;
import io.infodesk.reporting.outcome.Adoption;
import io.infodesk.reporting.outcome.internal.AdoptionRepository;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Files on items, adoptions (evidence) and materials (S3.1-b, S3.1-d). The content goes to the shared
 * content-addressed {@link FileStore} (type by content, size limit, zip bombs refused); the row here records
 * who attached which file to what, and every upload and removal is audited in its transaction. A file is
 * downloaded by whoever may see its record: the item within the data scope (or authored), the adoption's
 * item likewise, a material by everyone who reads the library.
 */
@Service
@Transactional
public class Attachments {

	/** The most files one record may carry. */
	public static final int MAX_PER_RECORD = 20;

	private final AttachmentRepository attachments;

	private final FileStore store;

	private final InformationItems items;

	private final AdoptionRepository adoptions;

	private final MaterialRepository materials;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	/** Frees the store of files no record refers to any more (issue 17, finding 9). */
	private final io.infodesk.shared.files.FileCleanup fileCleanup;

	Attachments(AttachmentRepository attachments, FileStore store, InformationItems items, AdoptionRepository adoptions,
			MaterialRepository materials, AuditTrail audit, Texts texts, Clock clock,
			io.infodesk.shared.files.FileCleanup fileCleanup) {
		this.fileCleanup = fileCleanup;
		this.attachments = attachments;
		this.store = store;
		this.items = items;
		this.adoptions = adoptions;
		this.materials = materials;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** The largest file accepted, in MB (for the forms' hints). */
	public long maxSizeMegabytes() {
		return store.maxSize() / (1024 * 1024);
	}

	@Transactional(readOnly = true)
	public List<Attachment> of(Attachment.Owner owner, long ownerId) {
		return attachments.findByOwnerTypeAndOwnerIdOrderByIdAsc(owner, ownerId);
	}

	/** The files of several records, by record id. */
	@Transactional(readOnly = true)
	public Map<Long, List<Attachment>> ofAll(Attachment.Owner owner, Collection<Long> ownerIds) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		return attachments.findByOwnerTypeAndOwnerIdInOrderByIdAsc(owner, ownerIds)
			.stream()
			.collect(Collectors.groupingBy(Attachment::getOwnerId));
	}

	// ---- items ---------------------------------------------------------------------------------

	/** Whether the user may add or remove files of the item now: whoever may edit its content. */
	@Transactional(readOnly = true)
	public boolean canChangeItemFiles(InformationItem item, AuthenticatedUser actor) {
		return items.canEdit(item, actor);
	}

	/** Attaches a file to an item: by whoever may edit the item now (drafter of a draft, reviewer at the step). */
	public Attachment attachToItem(long itemId, Upload upload, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = items.visible(itemId, actor, scope);
		if (!items.canEdit(item, actor)) {
			throw ReportingException.of("reporting.attachment.notAllowed");
		}
		Attachment attachment = add(Attachment.Owner.ITEM, itemId, upload, actor);
		audit.record("ATTACHMENT_ADDED", InformationItems.ENTITY, itemId, texts.get("reporting.audit.attachmentAdded",
				texts.get("reporting.attachment.owner.ITEM"), item.getTitle(), attachment.getFileName(),
				attachment.getFileType().name(), attachment.getSizeText()));
		return attachment;
	}

	// ---- adoptions -----------------------------------------------------------------------------

	/** The evidence file of an adoption, in the transaction that records it (called by {@link Adoptions}). */
	public Attachment attachEvidence(Adoption adoption, InformationItem item, Upload upload, AuthenticatedUser actor) {
		Attachment attachment = add(Attachment.Owner.ADOPTION, adoption.getId(), upload, actor);
		audit.record("ATTACHMENT_ADDED", InformationItems.ENTITY, item.getId(),
				texts.get("reporting.audit.attachmentAdded", texts.get("reporting.attachment.owner.ADOPTION"),
						item.getTitle(), attachment.getFileName(), attachment.getFileType().name(),
						attachment.getSizeText()));
		return attachment;
	}

	/** Adds an evidence file to an adoption recorded earlier: the office (reporting:adopt). */
	public Attachment attachEvidence(long adoptionId, Upload upload, AuthenticatedUser actor, DataScope scope) {
		PermissionChecks.require(actor, Permissions.REPORTING_ADOPT);
		Adoption adoption = adoptions.findById(adoptionId)
			.orElseThrow(() -> ReportingException.of("reporting.adoption.notFound", adoptionId));
		InformationItem item = items.visible(adoption.getItemId(), actor, scope);
		return attachEvidence(adoption, item, upload, actor);
	}

	/** The item an adoption belongs to (not found: refused in Chinese). */
	@Transactional(readOnly = true)
	public long itemOfAdoption(long adoptionId) {
		return adoptions.findById(adoptionId)
			.map(Adoption::getItemId)
			.orElseThrow(() -> ReportingException.of("reporting.adoption.notFound", adoptionId));
	}

	// ---- materials -----------------------------------------------------------------------------

	/** A file of a material (called by {@link Materials}, which decides who may). */
	public Attachment attachToMaterial(Material material, Upload upload, AuthenticatedUser actor) {
		Attachment attachment = add(Attachment.Owner.MATERIAL, material.getId(), upload, actor);
		audit.record("ATTACHMENT_ADDED", Materials.ENTITY, material.getId(),
				texts.get("reporting.audit.attachmentAdded", texts.get("reporting.attachment.owner.MATERIAL"),
						material.getTitle(), attachment.getFileName(), attachment.getFileType().name(),
						attachment.getSizeText()));
		return attachment;
	}

	/**
	 * Removes every file row of a record that is deleted; the content leaves the store after the commit unless another
	 * record refers to the same file (issue 17, finding 9).
	 */
	public void removeAllOf(Attachment.Owner owner, long ownerId) {
		List<Attachment> files = of(owner, ownerId);
		attachments.deleteAll(files);
		fileCleanup.deleteUnreferencedLater(files.stream().map(Attachment::getSha256).toList());
	}

	// ---- removing and reading --------------------------------------------------------------------

	/**
	 * Removes a file from its record: item files by whoever may edit the item now, evidence by the office,
	 * material files by whoever may edit the material. Returns where the file was (for the redirect).
	 */
	public Attachment remove(long attachmentId, AuthenticatedUser actor, DataScope scope) {
		Attachment attachment = attachments.findById(attachmentId)
			.orElseThrow(() -> ReportingException.of("reporting.attachment.notFound"));
		String entity;
		long entityId;
		String subject;
		switch (attachment.getOwnerType()) {
			case ITEM -> {
				InformationItem item = items.visible(attachment.getOwnerId(), actor, scope);
				if (!items.canEdit(item, actor)) {
					throw ReportingException.of("reporting.attachment.notAllowed");
				}
				entity = InformationItems.ENTITY;
				entityId = item.getId();
				subject = item.getTitle();
			}
			case ADOPTION -> {
				if (!actor.can(Permissions.REPORTING_ADOPT)) {
					throw ReportingException.of("reporting.attachment.notAllowed");
				}
				Adoption adoption = adoptions.findById(attachment.getOwnerId()).orElseThrow();
				InformationItem item = items.visible(adoption.getItemId(), actor, scope);
				entity = InformationItems.ENTITY;
				entityId = item.getId();
				subject = item.getTitle();
			}
			default -> {
				Material material = materials.findById(attachment.getOwnerId()).orElseThrow();
				if (!Materials.canEdit(material, actor)) {
					throw ReportingException.of("reporting.attachment.notAllowed");
				}
				entity = Materials.ENTITY;
				entityId = material.getId();
				subject = material.getTitle();
			}
		}
		attachments.delete(attachment);
		// the removed file leaves the store after the commit, unless another record keeps it (issue 17, finding 9)
		fileCleanup.deleteUnreferencedLater(List.of(attachment.getSha256()));
		audit.record("ATTACHMENT_REMOVED", entity, entityId, texts.get("reporting.audit.attachmentRemoved",
				texts.get("reporting.attachment.owner." + attachment.getOwnerType().name()), subject,
				attachment.getFileName()));
		return attachment;
	}

	/** Where the record of a file is shown: the item page (for item files and evidence) or the material page. */
	@Transactional(readOnly = true)
	public String pageOf(Attachment attachment) {
		return switch (attachment.getOwnerType()) {
			case ITEM -> "/reporting/items/" + attachment.getOwnerId();
			case ADOPTION -> "/reporting/items/"
					+ adoptions.findById(attachment.getOwnerId()).map(Adoption::getItemId).orElse(0L);
			case MATERIAL -> "/reporting/materials/" + attachment.getOwnerId();
		};
	}

	/** A file with its content, if the user may see the record it belongs to. */
	@Transactional(readOnly = true)
	public Download download(long attachmentId, AuthenticatedUser actor, DataScope scope) {
		Attachment attachment = attachments.findById(attachmentId)
			.orElseThrow(() -> ReportingException.of("reporting.attachment.notFound"));
		switch (attachment.getOwnerType()) {
			case ITEM -> items.visible(attachment.getOwnerId(), actor, scope);
			case ADOPTION -> items.visible(adoptions.findById(attachment.getOwnerId()).orElseThrow().getItemId(), actor,
					scope);
			case MATERIAL -> {
				PermissionChecks.require(actor, Permissions.REPORTING_VIEW);
			}
		}
		return new Download(attachment, store.open(attachment.getSha256()));
	}

	/** A file and its content. */
	public record Download(Attachment attachment, Resource content) {

		public org.springframework.http.ResponseEntity<Resource> response() {
			return FileDownload.of(content, attachment.getFileName(), attachment.getFileType(),
					attachment.getSizeBytes());
		}

	}

	private Attachment add(Attachment.Owner owner, long ownerId, Upload upload, AuthenticatedUser actor) {
		if (upload == null) {
			throw new ReportingException("file", "reporting.attachment.required");
		}
		if (attachments.countByOwnerTypeAndOwnerId(owner, ownerId) >= MAX_PER_RECORD) {
			throw new ReportingException("file", "reporting.attachment.tooMany", MAX_PER_RECORD);
		}
		StoredContent content;
		try (InputStream in = upload.open()) {
			content = store.store(in, upload.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FileRefused refused) {
			throw new ReportingException("file", refused.messageKey(), refused.args());
		}
		String name = FileDownload.cleanName(upload.originalName(), texts.get("reporting.attachment.defaultName"));
		return attachments.save(new Attachment(owner, ownerId, name, content.type(), content.size(), content.sha256(),
				actor.userId(), actor.displayName(), Instant.now(clock)));
	}

}
