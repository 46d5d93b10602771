package io.infodesk.reporting.outcome.internal;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.reporting.item.InformationItem;
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
	 * @param visible the items the user may see ({@code ItemRegister.visible}); {@code null} for a user who sees
	 *            every unit: then only a unit filter needs the item table, and the register's count and page read
	 *            the outcome table alone (with 30,000 adoptions the subquery over every item cost about 400 ms of
	 *            PostgreSQL a page, docs/performance.md)
	 */
	public static <T> Specification<T> matching(OutcomeFilter filter, Specification<InformationItem> visible,
			String dayAttribute, String textAttribute) {
		return (root, query, cb) -> {
			var predicate = cb.conjunction();
			if (visible != null || filter.unitId() != null) {
				Subquery<Long> visibleItems = query.subquery(Long.class);
				Root<InformationItem> item = visibleItems.from(InformationItem.class);
				var itemPredicate = visible == null ? cb.conjunction() : visible.toPredicate(item, query, cb);
				if (filter.unitId() != null) {
					itemPredicate = cb.and(itemPredicate, cb.equal(item.get("unitId"), filter.unitId()));
				}
				visibleItems.select(item.get("id")).where(itemPredicate);
				predicate = root.get("itemId").in(visibleItems);
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

}
