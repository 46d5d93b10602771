package io.infodesk.search;

import java.util.Map;

/**
 * How the search page offers and shows one searchable type (a Spring bean per type). The type's records
 * implement {@link SearchDocument} and are {@code @Indexed} with the {@code SearchDocumentBinder}; this bean
 * names the type, its filter options and how a found record is linked and labelled.
 */
public interface SearchTarget {

	/** The key the records give as {@link SearchDocument#searchType()}. */
	String type();

	Class<? extends SearchDocument> entityType();

	/** The message key of the type's name (信息, 素材, 简报 …). */
	String labelKey();

	/** The order among the types on the page. */
	int order();

	/** Kinds of the type: value → message key. */
	Map<String, String> kinds();

	/** Statuses of the type: value → message key (empty when the type has none). */
	Map<String, String> statuses();

	/**
	 * The tag filters the type offers, in groups: group label key → (tag value → message key). Empty when the type
	 * has no tags. Items offer their angles and sources.
	 */
	default Map<String, Map<String, String>> tagGroups() {
		return Map.of();
	}

	/** The adoption levels the type's records carry ({@link SearchDocument#searchLevel()}): value → message key. */
	default Map<String, String> levels() {
		return Map.of();
	}

	/** Where the page of a found record is. */
	String link(SearchDocument document);

	/** The message key of the record's status, or null. */
	default String statusKey(SearchDocument document) {
		String status = document.searchStatus();
		return status == null ? null : statuses().get(status);
	}

	/**
	 * The permission a user needs, beyond searching at all, to find records of this type (null: none). Bulletins
	 * need {@code reporting:bulletin:view}, as their list does.
	 */
	default String permission() {
		return null;
	}

	/** The badge class of the record's status. */
	default String statusClass(SearchDocument document) {
		return "text-bg-secondary";
	}

}
