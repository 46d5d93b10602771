package io.infodesk.reporting.item;

import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.engine.search.query.SearchQuery;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.search.SearchFilter;
import io.infodesk.search.SearchIndex;
import io.infodesk.search.SearchIndex.Fields;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * The item register (信息台账) answered by the full-text index of the search module when its filter has a
 * keyword of letters and digits ({@link ItemRegister#byIndex}): the same filters and data scope as the list, newest
 * first like the list. A keyword matches as on the
 * search page ({@link SearchIndex#predicate}): each space-separated word, as a substring of the title or the text.
 */
@Service
public class ReportingSearch {

	@PersistenceContext
	private EntityManager entityManager;

	private final SearchIndex index;

	ReportingSearch(SearchIndex index) {
		this.index = index;
	}

	@Transactional(readOnly = true)
	public Page<InformationItem> items(ItemFilter filter, AuthenticatedUser user, DataScope scope, Pageable pageable) {
		SearchResult<InformationItem> result = itemQuery(filter, user, scope).fetch((int) pageable.getOffset(),
				pageable.getPageSize());
		return new PageImpl<>(result.hits().stream().filter(Objects::nonNull).toList(), pageable,
				result.total().hitCount());
	}

	/** How many items match {@link #items}' query: the register's total above the database's probe. */
	@Transactional(readOnly = true)
	public long count(ItemFilter filter, AuthenticatedUser user, DataScope scope) {
		return itemQuery(filter, user, scope).fetchTotalHitCount();
	}

	/** Whether the office's rebuild of the index is running (the index is then incomplete). */
	public boolean isRebuilding() {
		return index.isRebuilding();
	}

	/** Every item of {@link #items}, for the register export. */
	@Transactional(readOnly = true)
	public List<InformationItem> allItems(ItemFilter filter, AuthenticatedUser user, DataScope scope) {
		return itemQuery(filter, user, scope).fetchAllHits().stream().filter(Objects::nonNull).toList();
	}

	private SearchQuery<InformationItem> itemQuery(ItemFilter filter, AuthenticatedUser user, DataScope scope) {
		String tag = filter.angle() != null || filter.source() != null ? filter.tag() : null;
		SearchFilter search = new SearchFilter(filter.keyword(), InformationItem.SEARCH_TYPE, filter.unitId(),
				filter.kind() == null ? null : filter.kind().name(), tag, filter.from(), filter.to(),
				filter.status() == null ? null : filter.status().name(), null);
		return Search.session(entityManager)
			.search(InformationItem.class)
			.where(f -> index.predicate(f, search, user, scope))
			.sort(f -> f.field(Fields.TIME).desc().missing().last())
			.toQuery();
	}

}
