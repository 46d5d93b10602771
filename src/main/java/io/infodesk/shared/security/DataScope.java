package io.infodesk.shared.security;

import java.util.Collection;
import java.util.Set;

import jakarta.persistence.criteria.Path;

import org.springframework.data.jpa.domain.Specification;

/**
 * Which units' records a user may see (数据权限): all units, or a fixed set. A typed value, applied
 * to queries as a JPA {@link Specification} on the record's unit attribute; never an SQL string.
 */
public sealed interface DataScope {

	/** The office, bureau leaders and administrators see every unit. */
	static DataScope all() {
		return All.INSTANCE;
	}

	static DataScope units(Collection<Long> unitIds) {
		return new Units(Set.copyOf(unitIds));
	}

	boolean includes(Long unitId);

	/** A filter for entities whose unit id is at {@code attribute} (e.g. "unitId"). */
	<T> Specification<T> on(String attribute);

	record All() implements DataScope {

		static final All INSTANCE = new All();

		@Override
		public boolean includes(Long unitId) {
			return true;
		}

		@Override
		public <T> Specification<T> on(String attribute) {
			return (root, query, cb) -> cb.conjunction();
		}

	}

	record Units(Set<Long> unitIds) implements DataScope {

		@Override
		public boolean includes(Long unitId) {
			return unitId != null && unitIds.contains(unitId);
		}

		@Override
		public <T> Specification<T> on(String attribute) {
			return (root, query, cb) -> {
				if (unitIds.isEmpty()) {
					return cb.disjunction();
				}
				Path<Long> path = root.get(attribute);
				return path.in(unitIds);
			};
		}

	}

}
