package io.infodesk.reporting.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

import io.infodesk.search.SearchDocumentBinder;
import io.infodesk.shared.jpa.Stamped;
import io.infodesk.shared.time.TimeConfiguration;
import io.infodesk.review.DocumentRef;
import io.infodesk.review.ReviewChains;
import io.infodesk.search.SearchDocument;

/**
 * One issue of a {@link io.infodesk.reporting.bulletin.Periodical} (简报 / 信息专报, S3.1-d, issue 3 point 7): the items compiled by the office in
 * their order, an optional editor's note (编者按), the 报送 / 抄送 lines and print count of its 版记. It goes through
 * the review chain like an item ({@link #DOCUMENT_TYPE}); once signed off, the office issues it: it gets its number
 * (第N期 per periodical and year, 增刊 numbered separately, and 总第M期 when the periodical counts them), its date,
 * and its DOCX is archived. An issued bulletin never changes.
 */
@Entity
@Table(name = "rpt_bulletin")
@Indexed(index = "bulletin")
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, params = @Param(name = SearchDocumentBinder.DEPENDENCIES, value = "title,editorNote,entries,supplement,status,issuedOn,createdAt,drafterUserId,drafterPersonId")))
public class Bulletin extends Stamped implements SearchDocument {

	/** The type key of bulletins in the full-text index. */
	public static final String SEARCH_TYPE = "BULLETIN";

	/** The document type under which bulletins go through {@link ReviewChains}. */
	public static final String DOCUMENT_TYPE = "BULLETIN";

	/** This document in the review chain and its versions. */
	public static DocumentRef ref(long id) {
		return new DocumentRef(DOCUMENT_TYPE, id);
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "periodical_id")
	private Long periodicalId;

	private boolean supplement;

	private String title;

	@Column(name = "editor_note")
	private String editorNote;

	@Column(name = "report_to")
	private String reportTo;

	@Column(name = "copy_to")
	private String copyTo;

	private int copies;

	@Column(name = "unit_id")
	private Long unitId;

	@Enumerated(EnumType.STRING)
	private BulletinStatus status;

	@Column(name = "review_role")
	private String reviewRole;

	@Column(name = "drafter_user_id")
	private Long drafterUserId;

	@Column(name = "drafter_person_id")
	private Long drafterPersonId;

	@Column(name = "drafter_name")
	private String drafterName;

	private int revision;

	@Column(name = "issue_year")
	private int issueYear;

	@Column(name = "issue_no")
	private Integer issueNo;

	@Column(name = "total_no")
	private Integer totalNo;

	@Column(name = "issued_on")
	private LocalDate issuedOn;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "issued_by_name")
	private String issuedByName;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rpt_bulletin_entry", joinColumns = @JoinColumn(name = "bulletin_id"))
	@OrderColumn(name = "position")
	private List<BulletinEntry> entries = new ArrayList<>();

	protected Bulletin() {
	}

	Bulletin(Long drafterUserId, Long drafterPersonId, String drafterName, int year, Instant now) {
		this.drafterUserId = drafterUserId;
		this.drafterPersonId = drafterPersonId;
		this.drafterName = drafterName;
		this.status = BulletinStatus.DRAFT;
		this.issueYear = year;
		created(now);
	}

	void write(Periodical periodical, boolean supplement, String title, String editorNote, String reportTo,
			String copyTo, int copies, List<BulletinEntry> entries, Instant now) {
		this.periodicalId = periodical.getId();
		this.unitId = periodical.getUnitId();
		this.supplement = supplement;
		this.title = title;
		this.editorNote = editorNote;
		this.reportTo = reportTo;
		this.copyTo = copyTo;
		this.copies = copies;
		this.entries.clear();
		this.entries.addAll(entries);
		this.revision++;
		touch(now);
	}

	void changeStatus(BulletinStatus status, String reviewRole, Instant now) {
		this.status = status;
		this.reviewRole = reviewRole;
		touch(now);
	}

	void issue(int year, int number, Integer total, LocalDate on, String by, Instant now) {
		this.issueYear = year;
		this.issueNo = number;
		this.totalNo = total;
		this.issuedOn = on;
		this.issuedByName = by;
		this.issuedAt = now;
		changeStatus(BulletinStatus.ISSUED, null, now);
	}

	/** The compiler (drafter) of the issue: they do not review it. */
	public boolean isOwnedBy(Long userId, Long personId) {
		return (userId != null && userId.equals(drafterUserId))
				|| (personId != null && personId.equals(drafterPersonId));
	}

	public boolean isIssued() {
		return status == BulletinStatus.ISSUED;
	}

	public Long getId() {
		return id;
	}

	public Long getPeriodicalId() {
		return periodicalId;
	}

	/** A supplement (增刊): numbered in its own sequence, without a running number. */
	public boolean isSupplement() {
		return supplement;
	}

	/** The issue's own title (e.g. 冬季供暖保障专刊), if the office gave one. */
	public String getTitle() {
		return title;
	}

	/** 编者按, if any. */
	public String getEditorNote() {
		return editorNote;
	}

	public String getReportTo() {
		return reportTo;
	}

	public String getCopyTo() {
		return copyTo;
	}

	/** The print count (印数). */
	public int getCopies() {
		return copies;
	}

	/** The unit whose review chain applies (the periodical's). */
	public Long getUnitId() {
		return unitId;
	}

	public BulletinStatus getStatus() {
		return status;
	}

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

	/** The year of the issue: of its creation until it is issued, then of its date. */
	public int getIssueYear() {
		return issueYear;
	}

	/** 第N期 (per periodical, kind and year), given when issued. */
	public Integer getIssueNo() {
		return issueNo;
	}

	/** 总第M期, given when issued, for regular issues of periodicals that count them. */
	public Integer getTotalNo() {
		return totalNo;
	}

	public LocalDate getIssuedOn() {
		return issuedOn;
	}

	public Instant getIssuedAt() {
		return issuedAt;
	}

	public String getIssuedByName() {
		return issuedByName;
	}

	public List<BulletinEntry> getEntries() {
		return List.copyOf(entries);
	}

	// ---- search --------------------------------------------------------------------------------

	@Override
	public String searchType() {
		return SEARCH_TYPE;
	}

	@Override
	public String searchTitle() {
		return Bulletins.heading(this);
	}

	/** The editor's note and every compiled item, title then text. */
	@Override
	public String searchText() {
		return Stream.concat(Stream.ofNullable(editorNote),
				entries.stream().flatMap(entry -> Stream.of(entry.getTitle(), entry.getBodyText())))
			.filter(text -> text != null && !text.isBlank())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Null: bulletins are bureau-wide; who may find them is decided by the permission of their search target
	 * ({@code reporting:bulletin:view}), as for the bulletin list.
	 */
	@Override
	public Long searchUnitId() {
		return null;
	}

	@Override
	public Set<String> searchOwners() {
		Set<String> owners = new java.util.HashSet<>();
		if (drafterUserId != null) {
			owners.add(SearchDocument.user(drafterUserId));
		}
		if (drafterPersonId != null) {
			owners.add(SearchDocument.person(drafterPersonId));
		}
		return owners;
	}

	/** {@code REGULAR} or {@code SUPPLEMENT} (增刊). */
	@Override
	public String searchKind() {
		return supplement ? "SUPPLEMENT" : "REGULAR";
	}

	@Override
	public Set<String> searchTags() {
		return Set.of();
	}

	@Override
	public String searchStatus() {
		return status == null ? null : status.name();
	}

	@Override
	public String searchLevel() {
		return null;
	}

	/** The day of issue, or the day compiled before that. */
	@Override
	public LocalDate searchDate() {
		return issuedOn != null ? issuedOn : getCreatedAt().atZone(TimeConfiguration.ZONE).toLocalDate();
	}

}
