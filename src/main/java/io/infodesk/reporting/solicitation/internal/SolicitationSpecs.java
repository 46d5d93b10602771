package io.infodesk.reporting.solicitation.internal;

import java.time.Instant;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationFilter;
import io.infodesk.reporting.solicitation.SolicitationOwner;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.shared.security.DataScope;

/** Typed query pieces of the solicitation list; states follow from the clock. */
public final class SolicitationSpecs {

	private SolicitationSpecs() {
	}

	public static Specification<Solicitation> matching(SolicitationFilter filter, Instant now) {
		Specification<Solicitation> spec = (root, query, cb) -> cb.conjunction();
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String pattern = ItemSpecs.likePattern(filter.keyword());
			spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("topic")), pattern, '\\'),
					cb.like(cb.lower(cb.coalesce(root.get("requirements"), "")), pattern, '\\')));
		}
		if (filter.bodyId() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("bodyId"), filter.bodyId()));
		}
		if (filter.unitId() != null) {
			spec = spec.and(
					(root, query, cb) -> cb.isMember(filter.unitId(), root.<java.util.Collection<Long>>get("unitIds")));
		}
		return spec.and(state(filter.state(), now));
	}

	static Specification<Solicitation> state(String state, Instant now) {
		if (state == null || state.isBlank()) {
			return (root, query, cb) -> cb.conjunction();
		}
		if (SolicitationFilter.DUE_SOON.equals(state)) {
			return (root, query, cb) -> cb.and(cb.isNull(root.get("deliveredAt")),
					cb.greaterThanOrEqualTo(root.get("deadline"), now),
					cb.lessThanOrEqualTo(root.get("deadline"), now.plus(Solicitation.DUE_SOON)));
		}
		SolicitationStatus status;
		try {
			status = SolicitationStatus.valueOf(state);
		}
		catch (IllegalArgumentException unknown) {
			return (root, query, cb) -> cb.conjunction();
		}
		return switch (status) {
			case OPEN -> (root, query, cb) -> cb.and(cb.isNull(root.get("deliveredAt")),
					cb.greaterThanOrEqualTo(root.get("deadline"), now));
			case MISSED -> (root, query, cb) -> cb.and(cb.isNull(root.get("deliveredAt")),
					cb.lessThan(root.get("deadline"), now));
			case DELIVERED_ON_TIME -> (root, query, cb) -> cb.and(cb.isNotNull(root.get("deliveredAt")),
					cb.lessThanOrEqualTo(root.get("deliveredAt"), root.get("deadline")));
			case DELIVERED_LATE -> (root, query, cb) -> cb.and(cb.isNotNull(root.get("deliveredAt")),
					cb.greaterThan(root.get("deliveredAt"), root.get("deadline")));
		};
	}

	/** Solicitations of a unit in the user's scope, or naming the user as an owner. */
	public static Specification<Solicitation> visible(DataScope scope, Long personId) {
		if (scope instanceof DataScope.All) {
			return (root, query, cb) -> cb.conjunction();
		}
		java.util.Set<Long> units = scope instanceof DataScope.Units given ? given.unitIds() : java.util.Set.of();
		return (root, query, cb) -> {
			Subquery<Long> ofUnits = query.subquery(Long.class);
			Root<Solicitation> other = ofUnits.from(Solicitation.class);
			Join<Solicitation, Long> unit = other.join("unitIds");
			ofUnits.select(other.get("id"))
				.where(cb.equal(other.get("id"), root.get("id")), units.isEmpty() ? cb.disjunction() : unit.in(units));
			if (personId == null) {
				return cb.exists(ofUnits);
			}
			Subquery<Long> owned = query.subquery(Long.class);
			Root<Solicitation> third = owned.from(Solicitation.class);
			Join<Solicitation, SolicitationOwner> owner = third.join("owners");
			owned.select(third.get("id"))
				.where(cb.equal(third.get("id"), root.get("id")), cb.equal(owner.get("personId"), personId));
			return cb.or(cb.exists(ofUnits), cb.exists(owned));
		};
	}

}
