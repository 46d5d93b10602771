package io.infodesk.reporting.material;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

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
import jakarta.persistence.Table;

import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

import io.infodesk.search.SearchDocumentBinder;
import io.infodesk.search.SearchDocument;
import io.infodesk.shared.jpa.Stamped;

/**
 * A clipping of the material library (素材库, S3.1-b): from a newspaper, a web page, a report or a speech, with
 * its source (outlet, address or speaker), day, free tags and text (sanitized like item bodies; the plain text
 * kept beside it). Bureau-wide reference: everyone who reads information reads the library.
 */
@Entity
@Table(name = "rpt_material")
@Indexed(index = "material")
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, params = @Param(name = SearchDocumentBinder.DEPENDENCIES, value = "title,bodyText,source,kind,tags,publishedOn,createdAt")))
public class Material extends Stamped implements SearchDocument {

	/** The search type of materials. */
	public static final String SEARCH_TYPE = "MATERIAL";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private MaterialKind kind;

	private String title;

	private String source;

	private String url;

	@Column(name = "published_on")
	private LocalDate publishedOn;

	private String body;

	@Column(name = "body_text")
	private String bodyText;

	@Column(name = "unit_id")
	private Long unitId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_material_tag", joinColumns = @JoinColumn(name = "material_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	@Column(name = "created_by_user_id")
	private Long createdByUserId;

	@Column(name = "created_by_name")
	private String createdByName;

	protected Material() {
	}

	Material(Long createdByUserId, String createdByName, Long unitId, Instant now) {
		this.createdByUserId = createdByUserId;
		this.createdByName = createdByName;
		this.unitId = unitId;
		created(now);
	}

	void write(MaterialKind kind, String title, String source, String url, LocalDate publishedOn, Set<String> tags,
			String body, String bodyText, Instant now) {
		this.kind = kind;
		this.title = title;
		this.source = source;
		this.url = url;
		this.publishedOn = publishedOn;
		this.tags.clear();
		this.tags.addAll(tags);
		this.body = body;
		this.bodyText = bodyText;
		touch(now);
	}

	public Long getId() {
		return id;
	}

	public MaterialKind getKind() {
		return kind;
	}

	public String getTitle() {
		return title;
	}

	/** The outlet, the issuing body or the speaker. */
	public String getSource() {
		return source;
	}

	/** The web address, if any (http or https only). */
	public String getUrl() {
		return url;
	}

	public LocalDate getPublishedOn() {
		return publishedOn;
	}

	public String getBody() {
		return body;
	}

	public String getBodyText() {
		return bodyText;
	}

	/** The unit of whoever added it (for information; the library is bureau-wide). */
	public Long getUnitId() {
		return unitId;
	}

	public Set<String> getTags() {
		return new TreeSet<>(tags);
	}

	public Long getCreatedByUserId() {
		return createdByUserId;
	}

	public String getCreatedByName() {
		return createdByName;
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
		return bodyText + "\n" + source;
	}

	@Override
	public Long searchUnitId() {
		return null;
	}

	@Override
	public Set<String> searchOwners() {
		return Set.of();
	}

	@Override
	public String searchKind() {
		return kind == null ? null : kind.name();
	}

	@Override
	public Set<String> searchTags() {
		return getTags();
	}

	@Override
	public String searchStatus() {
		return null;
	}

	@Override
	public String searchLevel() {
		return null;
	}

	@Override
	public LocalDate searchDate() {
		return publishedOn != null ? publishedOn
				: getCreatedAt().atZone(io.infodesk.shared.time.TimeConfiguration.ZONE).toLocalDate();
	}

}
