package io.infodesk.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a record gives the full-text index (S3.1 point 8). Every searchable type implements it and carries
 * {@code @Indexed @TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, params = @Param(name =
 * SearchDocumentBinder.DEPENDENCIES, value = "<the properties these methods read>")))}, so that every index
 * has the same fields ({@link SearchIndex.Fields}) and one query searches them all; a {@link SearchTarget}
 * bean tells the search page how to show the type. Information items and materials do; bulletins plug in the
 * same way.
 */
public interface SearchDocument {

	/** The type key ({@code ITEM}, {@code MATERIAL} …), as the {@link SearchTarget} of the type names it. */
	String searchType();

	String searchTitle();

	/** The plain text (no markup). */
	String searchText();

	/** The unit whose data scope covers the record; null when everyone who may search may see it (bureau-wide). */
	Long searchUnitId();

	/** Who sees the record whatever their scope: {@link #user(Long)} and {@link #person(Long)} keys. */
	Set<String> searchOwners();

	String searchKind();

	Set<String> searchTags();

	String searchStatus();

	/** The (highest) level of adoption, for items. */
	String searchLevel();

	/** The day the date filter compares: drafted, published, issued. */
	LocalDate searchDate();

	/** The instant the record's lists sort by (an item's creation); null when none. */
	default java.time.Instant searchTime() {
		return null;
	}

	static String user(Long userId) {
		return "user:" + userId;
	}

	static String person(Long personId) {
		return "person:" + personId;
	}

}
