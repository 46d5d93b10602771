package io.infodesk.organization.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.organization.PeriodStatus;

/** Small typed query pieces shared by the organisation's lists (never SQL strings). */
public final class Specs {

	private Specs() {
	}

	public static <T> Specification<T> all() {
		return (root, query, cb) -> cb.conjunction();
	}

	public static <T> Specification<T> equal(String attribute, Object value) {
		return value == null ? all() : (root, query, cb) -> cb.equal(root.get(attribute), value);
	}

	/** Case-insensitive "contains" on any of the attributes; % and _ in the keyword match literally. */
	public static <T> Specification<T> containing(String keyword, String... attributes) {
		if (keyword == null || keyword.isBlank()) {
			return all();
		}
		String pattern = "%" + keyword.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return (root, query, cb) -> cb.or(java.util.Arrays.stream(attributes)
			.map(attribute -> cb.like(cb.lower(root.get(attribute)), pattern, '\\'))
			.toArray(jakarta.persistence.criteria.Predicate[]::new));
	}

	/** Assignments with startDate/endDate attributes filtered by where they stand on the day. */
	public static <T> Specification<T> period(PeriodStatus status, LocalDate day) {
		return switch (status) {
			case ALL -> all();
			case CURRENT -> (root, query, cb) -> cb.or(cb.isNull(root.get("endDate")),
					cb.greaterThanOrEqualTo(root.get("endDate"), day));
			case ENDED -> (root, query, cb) -> cb.lessThan(root.get("endDate"), day);
			case UPCOMING -> (root, query, cb) -> cb.greaterThan(root.get("startDate"), day);
		};
	}

}
