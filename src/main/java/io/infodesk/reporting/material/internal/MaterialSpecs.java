package io.infodesk.reporting.material.internal;

import java.time.ZoneId;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.reporting.item.internal.ItemSpecs;
import io.infodesk.reporting.material.Material;
import io.infodesk.reporting.material.MaterialFilter;

/** Typed query pieces of the material library's filter bar. */
public final class MaterialSpecs {

	private MaterialSpecs() {
	}

	public static Specification<Material> matching(MaterialFilter filter, ZoneId zone) {
		Specification<Material> spec = (root, query, cb) -> cb.conjunction();
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String pattern = ItemSpecs.likePattern(filter.keyword());
			spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
					cb.like(cb.lower(root.get("source")), pattern, '\\'),
					cb.like(cb.lower(root.get("bodyText")), pattern, '\\')));
		}
		if (filter.kind() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), filter.kind()));
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			String tag = filter.tag().strip();
			spec = spec.and((root, query, cb) -> cb.isMember(tag, root.<java.util.Collection<String>>get("tags")));
		}
		if (filter.from() != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("publishedOn"), filter.from()));
		}
		if (filter.to() != null) {
			spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("publishedOn"), filter.to()));
		}
		return spec;
	}

}
