package io.infodesk.audit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import io.infodesk.shared.time.TimeConfiguration;

/**
 * A search of the audit trail; every criterion may be empty. Days are Asia/Shanghai days, both
 * ends included; actor, action, entity type and id match exactly, the keyword anywhere in the summary.
 * {@code excludedActor}: entries of this actor are left out (三员分立, GB/T 22239 8.1.4.2 d: the audit page never
 * shows the reader their own trail).
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String action, String entityType,
		String entityId, String outcome, String keyword, String excludedActor) {

	public AuditQuery(LocalDate from, LocalDate to, String actor, String action, String entityType, String entityId,
			String outcome, String keyword) {
		this(from, to, actor, action, entityType, entityId, outcome, keyword, null);
	}

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, null, null);
	}

	/** The same search without the entries of this actor (the reader's own actions). */
	public AuditQuery excluding(String readerActor) {
		return new AuditQuery(from, to, actor, action, entityType, entityId, outcome, keyword, readerActor);
	}

	Specification<AuditEntry> toSpecification() {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (from != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"),
						from.atStartOfDay(TimeConfiguration.ZONE).toInstant()));
			}
			if (to != null) {
				where.add(cb.lessThan(root.get("occurredAt"),
						to.plusDays(1).atStartOfDay(TimeConfiguration.ZONE).toInstant()));
			}
			if (present(actor)) {
				where.add(cb.equal(root.get("actor"), actor.trim()));
			}
			if (present(action)) {
				where.add(cb.equal(root.get("action"), action.trim()));
			}
			if (present(entityType)) {
				where.add(cb.equal(root.get("entityType"), entityType.trim()));
			}
			if (present(entityId)) {
				where.add(cb.equal(root.get("entityId"), entityId.trim()));
			}
			if (present(outcome)) {
				where.add(cb.equal(root.get("outcome"), outcome.trim().toUpperCase(Locale.ROOT)));
			}
			if (present(excludedActor)) {
				where.add(cb.or(cb.isNull(root.get("actor")), cb.notEqual(root.get("actor"), excludedActor)));
			}
			if (present(keyword)) {
				String like = "%" + keyword.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				where.add(cb.like(root.get("summary"), like, '\\'));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
