package io.infodesk.reporting.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.AuthorShare;
import io.infodesk.reporting.ItemId;
import io.infodesk.reporting.urgent.SameDayRule;
import io.infodesk.reporting.urgent.UrgentCategory;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.DocumentVersion;
import io.infodesk.review.ReviewChains;
import io.infodesk.search.SearchDocument;
import io.infodesk.search.SearchDocumentBinder;
import io.infodesk.shared.jpa.Stamped;

/**
 * A government-affairs or party-building information item (政务信息 / 党建信息, S3.1): title and
 * sanitized rich-text body, the unit it comes from, its authors, angle and source tags, and where it
 * stands in the workflow. Every saved content is a new {@link #getRevision() revision}, kept as a
 * {@link DocumentVersion}.
 * <p>
 * Over ~350 lines because the entity carries its JPA mapping, its state transitions and its search document
 * ({@link io.infodesk.search.SearchDocument}: title, body, filters) in one place, the way every indexed entity does;
 * the stamps are in {@link io.infodesk.shared.jpa.Stamped}.
 */
@Entity
@Table(name = "rpt_item")
@Indexed(index = "item")
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, params = @Param(name = SearchDocumentBinder.DEPENDENCIES, value = "title,bodyText,kind,unitId,status,adoptionLevel,drafterUserId,drafterPersonId,angles,sources,authors,createdAt")))
public class InformationItem extends Stamped implements SearchDocument {

	/** The search type of items. */
	public static final String SEARCH_TYPE = "ITEM";

	/** The document type under which items go through {@link ReviewChains} and keep versions. */
	public static final String DOCUMENT_TYPE = "INFORMATION_ITEM";

	/** This document in the review chain and its versions. */
	public static DocumentRef ref(long id) {
		return new DocumentRef(DOCUMENT_TYPE, id);
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String body;

	@Column(name = "body_text")
	private String bodyText;

	@Enumerated(EnumType.STRING)
	private ItemKind kind;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private ItemStatus status;

	@Column(name = "review_role")
	private String reviewRole;

	@Column(name = "drafter_user_id")
	private Long drafterUserId;

	@Column(name = "drafter_person_id")
	private Long drafterPersonId;

	@Column(name = "drafter_name")
	private String drafterName;

	private int revision;

	@Column(name = "solicitation_id")
	private Long solicitationId;

	private boolean urgent;

	@Enumerated(EnumType.STRING)
	@Column(name = "urgent_category")
	private UrgentCategory urgentCategory;

	@Column(name = "event_at")
	private Instant eventAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "first_submitted_at")
	private Instant firstSubmittedAt;

	@Column(name = "late_seconds")
	private Long lateSeconds;

	@Enumerated(EnumType.STRING)
	@Column(name = "adoption_level")
	private AdministrativeLevel adoptionLevel;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_item_angle", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "angle")
	@Enumerated(EnumType.STRING)
	private Set<Angle> angles = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_item_source", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "source_tag")
	@Enumerated(EnumType.STRING)
	private Set<SourceTag> sources = new LinkedHashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_item_author", joinColumns = @JoinColumn(name = "item_id"))
	@OrderColumn(name = "position")
	private List<ItemAuthor> authors = new ArrayList<>();

	protected InformationItem() {
	}

	public InformationItem(Long unitId, Long drafterUserId, Long drafterPersonId, String drafterName, Instant now) {
		this.unitId = unitId;
		this.drafterUserId = drafterUserId;
		this.drafterPersonId = drafterPersonId;
		this.drafterName = drafterName;
		this.status = ItemStatus.DRAFT;
		this.revision = 0;
		created(now);
	}

	/** Sets the content; the caller has sanitized the body. Raises the revision. */
	public void write(String title, String body, String bodyText, ItemKind kind, Long unitId, Set<Angle> angles,
			Set<SourceTag> sources, List<ItemAuthor> authors, Long solicitationId, Instant now) {
		this.title = title;
		this.solicitationId = solicitationId;
		this.body = body;
		this.bodyText = bodyText;
		this.kind = kind;
		this.unitId = unitId;
		this.angles.clear();
		this.angles.addAll(angles);
		this.sources.clear();
		this.sources.addAll(sources);
		this.authors.clear();
		this.authors.addAll(authors);
		this.revision++;
		touch(now);
	}

	/** Marks the item time-critical (the same-day clock runs from the event) or ordinary. */
	void urgency(boolean urgent, UrgentCategory category, Instant eventAt) {
		this.urgent = urgent;
		this.urgentCategory = urgent ? category : null;
		this.eventAt = urgent ? eventAt : null;
		this.dueAt = urgent ? SameDayRule.dueAt(eventAt) : null;
	}

	/** The first submission upward: for a time-critical item, whether and how late it was. */
	public boolean firstSubmitted(Instant at) {
		if (firstSubmittedAt != null) {
			return false;
		}
		this.firstSubmittedAt = at;
		if (urgent) {
			this.lateSeconds = SameDayRule.delay(eventAt, at).getSeconds();
		}
		return true;
	}

	/** Adopted at a level: the item keeps the highest level it reached. */
	public void adopted(AdministrativeLevel level, Instant now) {
		if (adoptionLevel == null || level.compareTo(adoptionLevel) > 0) {
			adoptionLevel = level;
		}
		this.status = ItemStatus.ADOPTED;
		touch(now);
	}

	/** A time-critical item submitted after its day ended. */
	public boolean isLate() {
		return lateSeconds != null && lateSeconds > 0;
	}

	public void changeStatus(ItemStatus status, String reviewRole, Instant now) {
		this.status = status;
		this.reviewRole = reviewRole;
		touch(now);
	}

	/** The drafter or one of the authors: they may not review the item (S3.1-b). */
	public boolean isOwnedBy(Long userId, Long personId) {
		return (userId != null && userId.equals(drafterUserId))
				|| (personId != null && (personId.equals(drafterPersonId)
						|| authors.stream().anyMatch(author -> personId.equals(author.getPersonId()))));
	}

	/** Each author's share of credit in percent: the given weights, or equal shares. */
	public List<AuthorShare> shares() {
		boolean weighted = !authors.isEmpty() && authors.stream().allMatch(author -> author.getWeight() != null);
		List<AuthorShare> shares = new ArrayList<>();
		for (ItemAuthor author : authors) {
			double percent = weighted ? author.getWeight() : 100.0 / authors.size();
			shares.add(new AuthorShare(author.getPersonId(), author.getUnitId(), percent));
		}
		return shares;
	}

	public ItemId itemId() {
		return new ItemId(id);
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public String getBodyText() {
		return bodyText;
	}

	public ItemKind getKind() {
		return kind;
	}

	public Long getUnitId() {
		return unitId;
	}

	public ItemStatus getStatus() {
		return status;
	}

	/** The role whose step the item waits at, while in review. */
	public String getReviewRole() {
		return reviewRole;
	}

	public Long getDrafterUserId() {
		return drafterUserId;
	}

	public Long getDrafterPersonId() {
		return drafterPersonId;
	}

	public String getDrafterName() {
		return drafterName;
	}

	public int getRevision() {
		return revision;
	}

	/** The solicitation (约稿) this item answers, if any. */
	public Long getSolicitationId() {
		return solicitationId;
	}

	public boolean isUrgent() {
		return urgent;
	}

	public UrgentCategory getUrgentCategory() {
		return urgentCategory;
	}

	/** When the event happened (time-critical items). */
	public Instant getEventAt() {
		return eventAt;
	}

	/** 23:59:59 Asia/Shanghai of the event's day (time-critical items). */
	public Instant getDueAt() {
		return dueAt;
	}

	public Instant getFirstSubmittedAt() {
		return firstSubmittedAt;
	}

	/** How many seconds after 23:59:59 of the event's day it was first submitted (time-critical items). */
	public Long getLateSeconds() {
		return lateSeconds;
	}

	/** The highest level at which the item was adopted, if any. */
	public AdministrativeLevel getAdoptionLevel() {
		return adoptionLevel;
	}

	public Set<Angle> getAngles() {
		return angles.isEmpty() ? Set.of() : EnumSet.copyOf(angles);
	}

	public Set<SourceTag> getSources() {
		return sources.isEmpty() ? Set.of() : EnumSet.copyOf(sources);
	}

	public List<ItemAuthor> getAuthors() {
		return List.copyOf(authors);
	}

	// ---- search --------------------------------------------------------------------------------

	@Override
	public String searchType() {
		return SEARCH_TYPE;
	}

	@Override
	public String searchTitle() {
		return title;
	}

	@Override
	public String searchText() {
		return bodyText;
	}

	@Override
	public Long searchUnitId() {
		return unitId;
	}

	/** The drafter and the co-authors see their items whatever their scope (as on the register). */
	@Override
	public Set<String> searchOwners() {
		Set<String> owners = new LinkedHashSet<>();
		owners.add(SearchDocument.user(drafterUserId));
		if (drafterPersonId != null) {
			owners.add(SearchDocument.person(drafterPersonId));
		}
		authors.forEach(author -> owners.add(SearchDocument.person(author.getPersonId())));
		return owners;
	}

	@Override
	public String searchKind() {
		return kind == null ? null : kind.name();
	}

	@Override
	public Set<String> searchTags() {
		Set<String> tags = new LinkedHashSet<>();
		angles.forEach(angle -> tags.add(angle.name()));
		sources.forEach(source -> tags.add(source.name()));
		return tags;
	}

	@Override
	public String searchStatus() {
		return status == null ? null : status.name();
	}

	@Override
	public String searchLevel() {
		return adoptionLevel == null ? null : adoptionLevel.name();
	}

	/** The day drafted, as the register's date filter. */
	@Override
	public java.time.LocalDate searchDate() {
		return getCreatedAt().atZone(io.infodesk.shared.time.TimeConfiguration.ZONE).toLocalDate();
	}

	@Override
	public Instant searchTime() {
		return getCreatedAt();
	}

}
