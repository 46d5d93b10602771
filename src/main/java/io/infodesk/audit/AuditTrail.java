package io.infodesk.audit;

/**
 * The one mechanism through which every module records a change of state. Call it inside the
 * transaction that makes the change, so that the change and its audit entry commit together.
 */
public interface AuditTrail {

	/** Records a successful action of the current user on an entity. */
	default void record(String action, String entityType, Object entityId, String summary) {
		record(AuditRecord.success(action, entityType, entityId, summary));
	}

	void record(AuditRecord record);

}
