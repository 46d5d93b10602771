package io.infodesk.organization;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the audit trail the way an auditor would: the actions and summaries written for an entity. */
record AuditEntries(JdbcTemplate jdbc) {

	record Entry(String action, String actor, String summary) {

	}

	List<Entry> of(String entityType, Object entityId) {
		return jdbc.query("select action, actor, summary from audit_entry where entity_type = ? and entity_id = ? order by seq",
				(rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)), entityType,
				String.valueOf(entityId));
	}

	List<Entry> withAction(String action) {
		return jdbc.query("select action, actor, summary from audit_entry where action = ? order by seq",
				(rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)), action);
	}

	long count() {
		return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
	}

}
