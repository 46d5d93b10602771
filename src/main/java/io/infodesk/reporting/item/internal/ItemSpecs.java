package io.infodesk.reporting.item.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.reporting.item.Angle;
import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemAuthor;
import io.infodesk.reporting.item.ItemFilter;
import io.infodesk.reporting.item.SourceTag;
import io.infodesk.shared.security.DataScope;

/** Typed query pieces of the item list (never SQL strings). */
public final class ItemSpecs {

	private ItemSpecs() {
	}

	public static Specification<InformationItem> matching(ItemFilter filter, ZoneId zone) {
		Specification<InformationItem> spec = (root, query, cb) -> cb.conjunction();
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			// each word of the keyword, literally, in the title or the text: the words as the index takes them
			for (String term : terms(filter.keyword())) {
				String pattern = likePattern(term);
				spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
						cb.like(cb.lower(root.get("bodyText")), pattern, '\\')));
			}
		}
		if (filter.unitId() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("unitId"), filter.unitId()));
		}
		if (filter.kind() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), filter.kind()));
		}
		if (filter.status() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
		}
		Angle angle = filter.angle();
		if (angle != null) {
			spec = spec.and((root, query, cb) -> cb.isMember(angle, root.<java.util.Collection<Angle>>get("angles")));
		}
		SourceTag source = filter.source();
		if (source != null) {
			spec = spec
				.and((root, query, cb) -> cb.isMember(source, root.<java.util.Collection<SourceTag>>get("sources")));
		}
		LocalDate from = filter.from();
		if (from != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("createdAt"),
					from.atStartOfDay(zone).toInstant()));
		}
		LocalDate to = filter.to();
		if (to != null) {
			spec = spec.and((root, query, cb) -> cb.lessThan(root.get("createdAt"),
					to.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return spec;
	}

	/**
	 * What the user may see: the items of the units in their data scope, and the items they drafted or
	 * co-authored in another unit (a joint item of two sections).
	 */
	public static Specification<InformationItem> visible(DataScope scope, Long userId, Long personId) {
		if (scope instanceof DataScope.All) {
			return scope.on("unitId");
		}
		return (root, query, cb) -> {
			var inScope = scope.<InformationItem>on("unitId").toPredicate(root, query, cb);
			var drafted = userId == null ? cb.disjunction() : cb.equal(root.get("drafterUserId"), userId);
			if (personId == null) {
				return cb.or(inScope, drafted);
			}
			// "id in (items the person co-authored)": one index range (person, item) instead of a join per row
			Subquery<Long> authored = query.subquery(Long.class);
			Root<InformationItem> other = authored.from(InformationItem.class);
			Join<InformationItem, ItemAuthor> author = other.join("authors");
			authored.select(other.get("id")).where(cb.equal(author.get("personId"), personId));
			return cb.or(inScope, drafted, root.get("id").in(authored));
		};
	}

	/**
	 * {@link #visible(DataScope, Long, Long)} with the co-authored items outside the scope's units given as ids
	 * (usually none or a few joint items): every branch is then an indexed column, so PostgreSQL combines the
	 * indexes (bitmap OR) instead of reading the whole table for a count (docs/performance.md).
	 */
	public static Specification<InformationItem> visibleWith(DataScope scope, Long userId,
			java.util.Collection<Long> coAuthoredElsewhere) {
		if (scope instanceof DataScope.All) {
			return scope.on("unitId");
		}
		return (root, query, cb) -> {
			var inScope = scope.<InformationItem>on("unitId").toPredicate(root, query, cb);
			var drafted = userId == null ? cb.disjunction() : cb.equal(root.get("drafterUserId"), userId);
			if (coAuthoredElsewhere.isEmpty()) {
				return cb.or(inScope, drafted);
			}
			return cb.or(inScope, drafted, root.get("id").in(coAuthoredElsewhere));
		};
	}

	/** Items returned for revision that the user drafted or co-authored. */
	public static Specification<InformationItem> returnedTo(Long userId, Long personId) {
		return (root, query, cb) -> {
			var returned = cb.equal(root.get("status"), io.infodesk.reporting.item.ItemStatus.RETURNED);
			var drafted = userId == null ? cb.disjunction() : cb.equal(root.get("drafterUserId"), userId);
			if (personId == null) {
				return cb.and(returned, drafted);
			}
			Subquery<Long> authored = query.subquery(Long.class);
			Root<InformationItem> other = authored.from(InformationItem.class);
			Join<InformationItem, ItemAuthor> author = other.join("authors");
			authored.select(other.get("id"))
				.where(cb.equal(other.get("id"), root.get("id")), cb.equal(author.get("personId"), personId));
			return cb.and(returned, cb.or(drafted, cb.exists(authored)));
		};
	}

	/** The most words a keyword takes, as the full-text index (more are ignored). */
	static final int MAX_TERMS = 8;

	/** The words of a keyword: split at spaces (either width), each at most 50 characters, at most {@link #MAX_TERMS}. */
	public static java.util.List<String> terms(String keyword) {
		java.util.List<String> terms = new java.util.ArrayList<>();
		if (keyword == null) {
			return terms;
		}
		for (String part : keyword.strip().split("[\\s\\u3000]+")) {
			String term = part.length() > 50 ? part.substring(0, 50) : part;
			if (!term.isEmpty() && terms.size() < MAX_TERMS && !terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	public static String likePattern(String keyword) {
		return "%" + keyword.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
	}

}
