package io.infodesk.reporting.outcome.internal;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemRegister;
import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.outcome.OutcomeFilter;

/**
 * Adoptions and instructions (entities with {@code itemId}, a {@code level} and a day attribute) of the items
 * the user may see, filtered: typed criteria, the item's visibility as a subquery (none for the all-units scope).
 */
public final class OutcomeSpecs {

	private OutcomeSpecs() {
	}

	/**
	 * @param visible the items a unit-scoped user may see ({@code ItemRegister.visibility}); {@code null} for a user
	 *            who sees every unit: then only a unit filter needs the item table, and the register's count and page
	 *            read the outcome table alone (with 30,000 adoptions the subquery over every item cost about 400 ms of
	 *            PostgreSQL a page, docs/performance.md)
	 */
	public static <T> Specification<T> matching(OutcomeFilter filter, ItemRegister.Visibility visible,
			String dayAttribute, String textAttribute) {
		return (root, query, cb) -> {
			var predicate = cb.conjunction();
			if (visible != null || filter.unitId() != null) {
				predicate = visibleItems(root, query, cb, visible, filter.unitId());
			}
			if (filter.keyword() != null && !filter.keyword().isBlank()) {
				String pattern = ItemSpecs.likePattern(filter.keyword());
				Subquery<Long> titled = query.subquery(Long.class);
				Root<InformationItem> other = titled.from(InformationItem.class);
				titled.select(other.get("id")).where(cb.like(cb.lower(other.get("title")), pattern, '\\'));
				predicate = cb.and(predicate, cb.or(root.get("itemId").in(titled),
						cb.like(cb.lower(root.get(textAttribute)), pattern, '\\')));
			}
			if (filter.level() != null) {
				predicate = cb.and(predicate, cb.equal(root.get("level"), filter.level()));
			}
			if (filter.from() != null) {
				predicate = cb.and(predicate, cb.greaterThanOrEqualTo(root.get(dayAttribute), filter.from()));
			}
			if (filter.to() != null) {
				predicate = cb.and(predicate, cb.lessThanOrEqualTo(root.get(dayAttribute), filter.to()));
			}
			return predicate;
		};
	}

	/**
	 * "The outcome's item is one the user may see (and of the filter's unit)": item in (ids of the units' items)
	 * or item in (the ids seen elsewhere) — each subquery on the unit alone, which the (unit_id, id) index answers
	 * without the table; never "unit or drafter" inside one subquery (a bitmap of the unit's whole table rows).
	 */
	private static <T> jakarta.persistence.criteria.Predicate visibleItems(Root<T> root,
			jakarta.persistence.criteria.CriteriaQuery<?> query, jakarta.persistence.criteria.CriteriaBuilder cb,
			ItemRegister.Visibility visible, Long unitId) {
		java.util.Set<Long> units = visible == null ? null : visible.unitIds();
		if (unitId != null) {
			if (visible == null || units.contains(unitId)) {
				return root.get("itemId").in(itemsOf(query, cb, java.util.Set.of(unitId), null));
			}
			// a unit outside the scope: only the user's own items there (the elsewhere ids are all outside it)
			return visible.elsewhere().isEmpty() ? cb.disjunction()
					: root.get("itemId").in(itemsOf(query, cb, java.util.Set.of(unitId), visible.elsewhere()));
		}
		var any = cb.disjunction();
		if (!units.isEmpty()) {
			any = cb.or(any, root.get("itemId").in(itemsOf(query, cb, units, null)));
		}
		if (!visible.elsewhere().isEmpty()) {
			any = cb.or(any, root.get("itemId").in(visible.elsewhere()));
		}
		return any;
	}

	/** select id from item where unitId in (units) [and id in (ids)]. */
	private static Subquery<Long> itemsOf(jakarta.persistence.criteria.CriteriaQuery<?> query,
			jakarta.persistence.criteria.CriteriaBuilder cb, java.util.Set<Long> units, java.util.List<Long> ids) {
		Subquery<Long> items = query.subquery(Long.class);
		Root<InformationItem> item = items.from(InformationItem.class);
		var where = item.<Long>get("unitId").in(units);
		if (ids != null) {
			where = cb.and(where, item.get("id").in(ids));
		}
		items.select(item.get("id")).where(where);
		return items;
	}

}
