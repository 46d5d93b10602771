package io.infodesk.xuexi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Learning activities that used the platform's content (S3.4-c): theme learning, party day, team building — date,
 * unit, topic, participants, the materials used. Recorded by the unit (or the personnel section), audited, listed
 * for the units in scope and exported to Excel.
 */
@Service
@Transactional
public class XuexiActivities {

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	XuexiActivities(JdbcTemplate jdbc, Organization organization, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public record Activity(long id, long unitId, String unitName, LocalDate heldOn, ActivityKind kind, String topic,
			int participants, String attendees, String materials, String createdBy) {

	}

	public record ActivityForm(Long unitId, LocalDate heldOn, ActivityKind kind, String topic, Integer participants,
			String attendees, String materials) {

	}

	public Activity record(ActivityForm form, AuthenticatedUser actor, DataScope scope) {
		if (actor == null || !actor.can(Permissions.XUEXI_CONTRIBUTE)) {
			throw new AccessDeniedException(Permissions.XUEXI_CONTRIBUTE);
		}
		Unit unit = form.unitId() == null ? null : organization.unit(form.unitId()).filter(Unit::isActive).orElse(null);
		if (unit == null) {
			throw new XuexiException("unitId", "xuexi.activity.error.unit");
		}
		if (!scope.includes(unit.getId())) {
			throw new XuexiException("unitId", "xuexi.activity.error.unitOutOfScope");
		}
		LocalDate today = LocalDate.now(clock);
		if (form.heldOn() == null) {
			throw new XuexiException("heldOn", "xuexi.activity.error.heldOn");
		}
		if (form.heldOn().isAfter(today) || form.heldOn().isBefore(today.minusYears(1).withDayOfYear(1))) {
			throw new XuexiException("heldOn", "xuexi.activity.error.heldOnRange", form.heldOn(),
					today.minusYears(1).withDayOfYear(1), today);
		}
		if (form.kind() == null) {
			throw new XuexiException("kind", "xuexi.activity.error.kind");
		}
		String topic = form.topic() == null ? "" : form.topic().strip();
		if (topic.isEmpty() || topic.length() > 200) {
			throw new XuexiException("topic", "xuexi.activity.error.topic");
		}
		if (form.participants() == null || form.participants() < 1 || form.participants() > 10_000) {
			throw new XuexiException("participants", "xuexi.activity.error.participants");
		}
		String attendees = form.attendees() == null || form.attendees().isBlank() ? null : form.attendees().strip();
		if (attendees != null && attendees.length() > 2000) {
			throw new XuexiException("attendees", "xuexi.activity.error.attendees");
		}
		String materials = form.materials() == null ? "" : form.materials().strip();
		if (materials.isEmpty() || materials.length() > 2000) {
			throw new XuexiException("materials", "xuexi.activity.error.materials");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("""
					insert into xuexi_activity (unit_id, held_on, kind, topic, participants, attendees, materials,
					created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			statement.setLong(1, unit.getId());
			statement.setDate(2, Date.valueOf(form.heldOn()));
			statement.setString(3, form.kind().name());
			statement.setString(4, topic);
			statement.setInt(5, form.participants());
			statement.setString(6, attendees);
			statement.setString(7, materials);
			statement.setString(8, actor.displayName());
			statement.setTimestamp(9, Timestamp.from(Instant.now(clock)));
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		audit.record("XUEXI_ACTIVITY_RECORDED", "XuexiActivity", id, texts.get("xuexi.audit.activity", unit.getName(),
				form.heldOn(), texts.label("xuexi.activity.kind.", form.kind()), topic, form.participants()));
		return list(scope, null, null).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** The activities of the units in scope, newest first; optionally of one unit and one year. */
	@Transactional(readOnly = true)
	public List<Activity> list(DataScope scope, Long unitId, Integer year) {
		Map<Long, String> units = new LinkedHashMap<>();
		organization.activeUnits().forEach(u -> units.put(u.getId(), u.getName()));
		return jdbc.query("""
				select id, unit_id, held_on, kind, topic, participants, attendees, materials, created_by
				from xuexi_activity order by held_on desc, id desc""",
				(rs, n) -> new Activity(rs.getLong(1), rs.getLong(2), units.getOrDefault(rs.getLong(2), ""),
						rs.getObject(3, LocalDate.class), ActivityKind.valueOf(rs.getString(4)), rs.getString(5),
						rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.stream()
			.filter(a -> scope.includes(a.unitId()))
			.filter(a -> unitId == null || a.unitId() == unitId)
			.filter(a -> year == null || a.heldOn().getYear() == year)
			.toList();
	}

	@Transactional(readOnly = true)
	public long count() {
		return jdbc.queryForObject("select count(*) from xuexi_activity", Long.class);
	}

}
