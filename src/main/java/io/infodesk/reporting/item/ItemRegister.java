package io.infodesk.reporting.item;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaPath;
import org.hibernate.query.criteria.JpaRoot;
import org.hibernate.query.criteria.JpaSubQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.reporting.item.internal.InformationItemRepository;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The item list and register (信息台账, S3.1-a) within the user's data scope: newest first, by the full-text index
 * when the filter has a keyword of letters and digits ({@link ReportingSearch}, {@link #byIndex}), else by the
 * database with a capped count.
 */
@Service
@Transactional(readOnly = true)
public class ItemRegister {

	static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final InformationItemRepository items;

	private final ReportingSearch index;

	@PersistenceContext
	private EntityManager entityManager;

	ItemRegister(InformationItemRepository items, ReportingSearch index) {
		this.items = items;
		this.index = index;
	}

	/**
	 * A page of the list, newest first. With a keyword the full-text index answers (a substring of title or text
	 * without reading 200,000 texts: docs/performance.md); without one the database does.
	 */
	@Transactional(readOnly = true)
	public Page<InformationItem> search(ItemFilter filter, DataScope scope, AuthenticatedUser user,
			Pageable pageable) {
		if (byIndex(filter)) {
			return index.items(filter, user, scope, pageable);
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

	public Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user, Pageable pageable,
			int countLimit) {
		return registerPage(filter, scope, user, pageable, countLimit, INDEX_OFFSET);
	}

	/**
	 * From this offset on the page's rows are chosen by the full-text index (newest first, the same filters and
	 * scope): a deep offset costs the database a walk over every row before it (page 200 of a one-unit user: 24 ms).
	 */
	static final int INDEX_OFFSET = 1_000;

	/**
	 * {@link #registerPage(ItemFilter, DataScope, AuthenticatedUser, Pageable)} with its limits: the total is
	 * counted by the full-text index (capped at {@code countLimit} + 1), and pages from {@code indexOffset} on are
	 * chosen by the index — unless the index is being rebuilt or the keyword holds a character the index cannot take
	 * literally ({@link #byIndex}), when the database counts up to {@code countLimit} + 1 and pages by offset as
	 * before. Otherwise the database never counts a page that does not show the end: even "at most 201
	 * rows" made PostgreSQL build the whole bitmap of a filter first (a status: 50,000 index entries ANDed with a
	 * unit's 13,000, 57 ms at load 25 for a one-unit user; docs/performance.md, issue 16), while the index counts
	 * 200,000 documents in a millisecond or two. The page's rows stay the database's: newest first through the
	 * created_at index, which stops after the page.
	 */
	Page<InformationItem> registerPage(ItemFilter filter, DataScope scope, AuthenticatedUser user, Pageable pageable,
			int countLimit, int indexOffset) {
		if (byIndex(filter)) {
			return index.items(filter, user, scope, pageable); // the index counts exactly and cheaply
		}
		// a keyword the index cannot take literally is the database's alone: its count and deep pages too
		boolean indexReady = !index.isRebuilding() && !hasKeyword(filter);
		if (indexReady && pageable.getOffset() >= indexOffset) {
			Page<InformationItem> deep = index.items(filter, user, scope, pageable);
			return new PageImpl<>(deep.getContent(), pageable, Math.min(deep.getTotalElements(), countLimit + 1L));
		}
		Specification<InformationItem> spec = specification(filter, scope, user);
		CriteriaBuilder cb = entityManager.getCriteriaBuilder();
		CriteriaQuery<InformationItem> query = cb.createQuery(InformationItem.class);
		Root<InformationItem> root = query.from(InformationItem.class);
		Predicate where = spec.toPredicate(root, query, cb);
		if (where != null) {
			query.where(where);
		}
		query.orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
		List<InformationItem> content = entityManager.createQuery(query)
			.setFirstResult((int) pageable.getOffset())
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		boolean end = content.size() < pageable.getPageSize() && (!content.isEmpty() || pageable.getOffset() == 0);
		long total = end ? pageable.getOffset() + content.size()
				: indexReady ? Math.min(countLimit + 1L, index.count(filter, user, scope)) : cappedCount(spec, countLimit);
		return new PageImpl<>(content, pageable, Math.max(total, pageable.getOffset() + content.size()));
	}

	/** How many items match, counting at most {@code limit} + 1: select count(*) from (select id … limit n). */
	private long cappedCount(Specification<InformationItem> spec, int limit) {
		HibernateCriteriaBuilder cb = entityManager.unwrap(Session.class)
			.getCriteriaBuilder();
		JpaCriteriaQuery<Long> count = cb.createQuery(Long.class);
		JpaSubQuery<Long> limited = count.subquery(Long.class);
		JpaRoot<InformationItem> root = limited.from(InformationItem.class);
		Predicate where = spec.toPredicate(root, count, cb);
		JpaPath<Long> id = root.get("id");
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
		if (byIndex(filter)) {
			return index.allItems(filter, user, scope);
		}
		return items.findAll(specification(filter, scope, user), ORDER);
	}

	private static boolean hasKeyword(ItemFilter filter) {
		return filter.keyword() != null && !filter.keyword().isBlank();
	}

	/**
	 * Whether the full-text index answers the filter: it has a keyword whose every word is letters and digits. The
	 * analysers drop every other character — '95%' is searched as 95 (and finds "95 分"), '9_%' as the word 9 (and
	 * finds every item with a lone 9 in its title or text), '%' as nothing at all (every item) — so a keyword with
	 * one is matched by the database, literally, as the list always promised ({@link ItemSpecs#matching}).
	 */
	static boolean byIndex(ItemFilter filter) {
		if (!hasKeyword(filter)) {
			return false;
		}
		return ItemSpecs.terms(filter.keyword())
			.stream()
			.allMatch(term -> term.codePoints().allMatch(Character::isLetterOrDigit));
	}

	private Specification<InformationItem> specification(ItemFilter filter,
			DataScope scope, AuthenticatedUser user) {
		return visible(scope, user).and(ItemSpecs.matching(filter, TimeConfiguration.ZONE));
	}

	/**
	 * What the user may see, with their joint items of other units looked up first (see ItemSpecs): every branch an
	 * indexed column, so that PostgreSQL combines indexes instead of a subplan per row. (The adoption and
	 * instruction registers filter by {@link #visibility} instead.)
	 */
	@Transactional(readOnly = true)
	public Specification<InformationItem> visible(DataScope scope, AuthenticatedUser user) {
		if (!(scope instanceof DataScope.Units units) || user.personId() == null) {
			return ItemSpecs.visibleWith(scope, user.userId(), List.of());
		}
		List<Long> elsewhere = units.unitIds().isEmpty() ? items.coAuthored(user.personId())
				: items.coAuthoredOutside(user.personId(), units.unitIds());
		return ItemSpecs.visibleWith(scope, user.userId(), elsewhere);
	}

	/**
	 * What a unit-scoped user may see of the items, for the adoption and instruction registers: the items of
	 * {@code unitIds}, and {@code elsewhere} — the items outside them the user drafted or co-authored (usually none
	 * or a few joint items), looked up first. The registers filter by "item in (items of these units) or item in
	 * (these ids)": PostgreSQL reads a unit's item ids from the (unit_id, id) index alone, where "unit or drafter"
	 * made it read every item of the unit from the table (13,350 rows for one unit, twice a page; issue 16).
	 */
	public record Visibility(java.util.Set<Long> unitIds, List<Long> elsewhere) {

	}

	/** {@link Visibility} of a unit-scoped user (the data scope's units, and what they drafted or co-authored). */
	@Transactional(readOnly = true)
	public Visibility visibility(DataScope.Units units, AuthenticatedUser user) {
		java.util.Set<Long> elsewhere = new java.util.LinkedHashSet<>();
		if (units.unitIds().isEmpty()) {
			elsewhere.addAll(items.drafted(user.userId()));
			if (user.personId() != null) {
				elsewhere.addAll(items.coAuthored(user.personId()));
			}
		}
		else {
			elsewhere.addAll(items.draftedOutside(user.userId(), units.unitIds()));
			if (user.personId() != null) {
				elsewhere.addAll(items.coAuthoredOutside(user.personId(), units.unitIds()));
			}
		}
		return new Visibility(units.unitIds(), List.copyOf(elsewhere));
	}

}
