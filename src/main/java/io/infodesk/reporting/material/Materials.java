package io.infodesk.reporting.material;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.reporting.ReportingException;
import io.infodesk.reporting.attachment.Attachment;
import io.infodesk.reporting.attachment.Attachments;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.InformationItems;
import io.infodesk.reporting.material.internal.MaterialLinkRepository;
import io.infodesk.reporting.material.internal.MaterialRepository;
import io.infodesk.reporting.material.internal.MaterialSpecs;
import io.infodesk.review.RichText;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The material library (素材库, S3.1-b): clippings from newspapers, web pages, reports and speeches that drafters
 * gather and draw on. Bureau-wide reference — everyone with {@code reporting:view} reads all of it (a clipping
 * is published material, not a unit's record). Drafting roles add clippings and edit or delete their own; the
 * office ({@code reporting:material:manage}) curates all. A clipping that items draw on cannot be deleted. Items
 * are linked to materials by whoever may edit the item now. Everything is audited.
 */
@Service
@Validated
@Transactional
public class Materials {

	public static final String ENTITY = "Material";

	/** The longest text (without markup) a clipping may have: a long speech runs to some ten thousand characters. */
	static final int MAX_TEXT = 50_000;

	static final int MAX_TAGS = 10;

	static final int MAX_TAG_LENGTH = 20;

	static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final MaterialRepository materials;

	private final MaterialLinkRepository links;

	private final InformationItems items;

	private final Attachments attachments;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Materials(MaterialRepository materials, MaterialLinkRepository links, InformationItems items,
			Attachments attachments, AuditTrail audit, Texts texts, Clock clock) {
		this.materials = materials;
		this.links = links;
		this.items = items;
		this.attachments = attachments;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** The office curates every clipping; a drafter edits and deletes their own. */
	public static boolean canEdit(Material material, AuthenticatedUser actor) {
		return actor.can(Permissions.REPORTING_MATERIAL_MANAGE) || (actor.can(Permissions.REPORTING_DRAFT)
				&& material.getCreatedByUserId() != null && material.getCreatedByUserId() == actor.userId());
	}

	// ---- reading -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Material get(long id) {
		return materials.findById(id).orElseThrow(() -> ReportingException.of("reporting.material.notFound", id));
	}

	@Transactional(readOnly = true)
	public Page<Material> search(MaterialFilter filter, Pageable pageable) {
		return materials.findAll(MaterialSpecs.matching(filter, TimeConfiguration.ZONE),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDER));
	}

	@Transactional(readOnly = true)
	public List<Material> list(MaterialFilter filter) {
		return materials.findAll(MaterialSpecs.matching(filter, TimeConfiguration.ZONE), ORDER);
	}

	/** The materials an item draws on, in the order they were linked. */
	@Transactional(readOnly = true)
	public List<Material> linkedTo(long itemId) {
		List<Long> ids = links.findByItemIdOrderByIdAsc(itemId).stream().map(MaterialLink::getMaterialId).toList();
		Map<Long, Material> byId = materials.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Material::getId, material -> material));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The items drawing on a material that the user may see. */
	@Transactional(readOnly = true)
	public List<InformationItem> itemsUsing(long materialId, AuthenticatedUser user, DataScope scope) {
		List<Long> ids = links.findByMaterialIdOrderByIdAsc(materialId).stream().map(MaterialLink::getItemId).toList();
		return items.byIds(ids)
			.values()
			.stream()
			.filter(item -> InformationItems.canSee(item, user, scope))
			.sorted(java.util.Comparator.comparing(InformationItem::getId))
			.toList();
	}

	// ---- writing -------------------------------------------------------------------------------

	/** A new clipping, with an optional file; a refused file saves nothing. */
	public Material create(@Valid MaterialForm form, Upload file, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.REPORTING_DRAFT);
		Content content = validate(form);
		Instant now = Instant.now(clock);
		Material material = new Material(actor.userId(), actor.displayName(), actor.unitId(), now);
		content.writeTo(material, now);
		materials.saveAndFlush(material);
		audit.record("MATERIAL_CREATED", ENTITY, material.getId(), texts.get("reporting.audit.materialCreated",
				material.getTitle(), texts.label("reporting.material.kind.", material.getKind()), material.getSource()));
		if (file != null) {
			attachments.attachToMaterial(material, file, actor);
		}
		return material;
	}

	public Material update(long id, @Valid MaterialForm form, Upload file, AuthenticatedUser actor) {
		Material material = get(id);
		if (!canEdit(material, actor)) {
			throw ReportingException.of("reporting.material.notYours");
		}
		Content content = validate(form);
		content.writeTo(material, Instant.now(clock));
		materials.saveAndFlush(material);
		audit.record("MATERIAL_UPDATED", ENTITY, material.getId(),
				texts.get("reporting.audit.materialUpdated", material.getTitle()));
		if (file != null) {
			attachments.attachToMaterial(material, file, actor);
		}
		return material;
	}

	/** Deletes a clipping no item draws on. */
	public void delete(long id, AuthenticatedUser actor) {
		Material material = get(id);
		if (!canEdit(material, actor)) {
			throw ReportingException.of("reporting.material.notYours");
		}
		long used = links.countByMaterialId(id);
		if (used > 0) {
			throw ReportingException.of("reporting.material.inUse", used);
		}
		attachments.removeAllOf(Attachment.Owner.MATERIAL, id);
		materials.delete(material);
		audit.record("MATERIAL_DELETED", ENTITY, id, texts.get("reporting.audit.materialDeleted", material.getTitle()));
	}

	/** Links a material to an item: by whoever may edit the item now (its drafter, the reviewer at the step). */
	public MaterialLink link(long itemId, long materialId, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = items.visible(itemId, actor, scope);
		if (!items.canEdit(item, actor)) {
			throw ReportingException.of("reporting.material.linkNotAllowed");
		}
		Material material = get(materialId);
		if (links.findByItemIdAndMaterialId(itemId, materialId).isPresent()) {
			throw ReportingException.of("reporting.material.alreadyLinked", material.getTitle());
		}
		MaterialLink link = links.save(new MaterialLink(itemId, materialId, actor.displayName(), Instant.now(clock)));
		audit.record("ITEM_MATERIAL_LINKED", InformationItems.ENTITY, itemId,
				texts.get("reporting.audit.materialLinked", item.getTitle(), material.getTitle()));
		return link;
	}

	public void unlink(long itemId, long materialId, AuthenticatedUser actor, DataScope scope) {
		InformationItem item = items.visible(itemId, actor, scope);
		if (!items.canEdit(item, actor)) {
			throw ReportingException.of("reporting.material.linkNotAllowed");
		}
		MaterialLink link = links.findByItemIdAndMaterialId(itemId, materialId)
			.orElseThrow(() -> ReportingException.of("reporting.material.notLinked"));
		links.delete(link);
		audit.record("ITEM_MATERIAL_UNLINKED", InformationItems.ENTITY, itemId,
				texts.get("reporting.audit.materialUnlinked", item.getTitle(), get(materialId).getTitle()));
	}

	// ---- validation ----------------------------------------------------------------------------

	private record Content(MaterialKind kind, String title, String source, String url, LocalDate publishedOn,
			Set<String> tags, String body, String text) {

		void writeTo(Material material, Instant now) {
			material.write(kind, title, source, url, publishedOn, tags, body, text, now);
		}

	}

	private Content validate(MaterialForm form) {
		String url = form.url() == null || form.url().isBlank() ? null : form.url().strip();
		if (url != null && !isWebAddress(url)) {
			throw new ReportingException("url", "reporting.material.url.invalid");
		}
		if (form.publishedOn() != null && form.publishedOn().isAfter(LocalDate.now(clock))) {
			throw new ReportingException("publishedOn", "reporting.material.publishedOn.future");
		}
		Set<String> tags = tags(form.tags());
		String body = RichText.sanitize(form.body());
		String text = RichText.plainText(body);
		if (text.isBlank()) {
			throw new ReportingException("body", "reporting.material.body.required");
		}
		if (text.length() > MAX_TEXT) {
			throw new ReportingException("body", "reporting.material.body.size", MAX_TEXT);
		}
		return new Content(form.kind(), form.title().strip(), form.source().strip(), url, form.publishedOn(), tags, body,
				text);
	}

	/** Tags as typed: separated by commas (either width), 、, semicolons or spaces. */
	static Set<String> tags(String input) {
		Set<String> tags = new LinkedHashSet<>();
		if (input == null) {
			return tags;
		}
		for (String part : input.split("[,，、;；\\s\\u3000]+")) {
			String tag = part.strip();
			if (tag.isEmpty()) {
				continue;
			}
			if (tag.length() > MAX_TAG_LENGTH) {
				throw new ReportingException("tags", "reporting.material.tags.tooLong", tag, MAX_TAG_LENGTH);
			}
			tags.add(tag);
		}
		if (tags.size() > MAX_TAGS) {
			throw new ReportingException("tags", "reporting.material.tags.tooMany", MAX_TAGS);
		}
		return tags;
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
