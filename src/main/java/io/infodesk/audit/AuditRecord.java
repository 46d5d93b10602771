package io.infodesk.audit;

/**
 * What one audit entry says: the action (e.g. {@code PERSON_CREATED}), the entity it touched, a
 * short summary of what changed, and the outcome. Who, when and from where are added by the trail,
 * unless {@code actor} is given (e.g. the username typed into a failed login).
 */
public record AuditRecord(String action, String entityType, String entityId, String summary, Outcome outcome,
		String actor) {

	public enum Outcome {

		SUCCESS, FAILURE

	}

	public static AuditRecord success(String action, String entityType, Object entityId, String summary) {
		return new AuditRecord(action, entityType, entityId == null ? null : String.valueOf(entityId), summary,
				Outcome.SUCCESS, null);
	}

	public static AuditRecord failure(String action, String actor, String summary) {
		return new AuditRecord(action, null, null, summary, Outcome.FAILURE, actor);
	}

	public AuditRecord by(String actor) {
		return new AuditRecord(action, entityType, entityId, summary, outcome, actor);
	}

}
