package io.infodesk.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Practical training sessions (实务培训, S4-b): the organiser (组织人事科 or the office) records a session with the
 * people invited, then their attendance — signed in, or absent with a reason (required) — once the day has come.
 * The per-person records and the units whose publicists missed a session (absent, or never signed in after the
 * day) are read from the attendance. Audited; a refused action saves nothing.
 */
@Service
@Validated
@Transactional
public class TrainingSessions {

	static final String ENTITY = "TrainingSession";

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	TrainingSessions(JdbcTemplate jdbc, Organization organization, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public TrainingSession create(@Valid TrainingForm form, AuthenticatedUser actor) {
		requireManager(actor);
		List<Long> ids = form.invitedPersonIds().stream().distinct().toList();
		List<Person> invited = organization.people(ids);
		if (invited.isEmpty() || invited.size() != ids.size()) {
			throw new TrainingException("invitedPersonIds", "training.invited.required");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into trn_session (topic, skill_area, trainer, held_on, place, "
					+ "materials, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, form.topic().strip());
			ps.setString(2, form.skillArea().name());
			ps.setString(3, form.trainer().strip());
			ps.setObject(4, form.heldOn());
			ps.setString(5, form.place().strip());
			ps.setString(6, form.materials() == null || form.materials().isBlank() ? null : form.materials().strip());
			ps.setObject(7, JdbcTime.utc(Instant.now(clock)));
			ps.setString(8, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		for (Person person : invited) {
			jdbc.update("insert into trn_attendance (session_id, person_id, unit_id, status) values (?, ?, ?, ?)", id,
					person.getId(), person.getUnitId(), Attendance.Status.INVITED.name());
		}
		audit.record("TRAINING_SESSION_CREATED", ENTITY, id, texts.get("training.audit.created", form.topic().strip(),
				form.heldOn(), invited.size()));
		return get(id);
	}

	/** Records one invited person's attendance: present, or absent with a reason; not before the session's day. */
	public Attendance record(long sessionId, long personId, Attendance.Status status, String reason,
			AuthenticatedUser actor) {
		requireManager(actor);
		TrainingSession session = get(sessionId);
		if (session.heldOn().isAfter(LocalDate.now(clock))) {
			throw new TrainingException(null, "training.attendance.future");
		}
		if (status == null || status == Attendance.Status.INVITED) {
			throw new TrainingException("status", "training.attendance.status.required");
		}
		String why = reason == null ? "" : reason.strip();
		if (status == Attendance.Status.ABSENT && why.isEmpty()) {
			throw new TrainingException("reason", "training.attendance.reason.required");
		}
		if (why.length() > 300) {
			throw new TrainingException("reason", "training.attendance.reason.size");
		}
		int updated = jdbc.update("update trn_attendance set status = ?, reason = ? where session_id = ? and person_id = ?",
				status.name(), status == Attendance.Status.ABSENT ? why : null, sessionId, personId);
		if (updated == 0) {
			throw new TrainingException(null, "training.attendance.notInvited");
		}
		String name = organization.person(personId).map(Person::getName).orElse("");
		audit.record("TRAINING_ATTENDANCE_RECORDED", ENTITY, sessionId, texts.get("training.audit.attendance",
				session.topic(), name, texts.label("training.attendance.", status), why));
		return attendance(sessionId).stream().filter(a -> a.personId() == personId).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public TrainingSession get(long id) {
		List<TrainingSession> found = jdbc.query("select * from trn_session where id = ?", TrainingSessions::row, id);
		if (found.isEmpty()) {
			throw new TrainingException(null, "training.notFound", id);
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public List<TrainingSession> list() {
		return jdbc.query("select * from trn_session order by held_on desc, id desc", TrainingSessions::row);
	}

	/** The invited people of a session within the data scope. */
	@Transactional(readOnly = true)
	public List<Attendance> attendance(long sessionId) {
		return jdbc.query("select * from trn_attendance where session_id = ? order by unit_id, person_id",
				TrainingSessions::attendanceRow, sessionId);
	}

	/** A person's record: every session they were invited to, with the attendance. */
	@Transactional(readOnly = true)
	public List<Record> records(long personId) {
		return jdbc.query("select s.*, a.status, a.reason, a.unit_id, a.person_id from trn_session s join trn_attendance a "
				+ "on a.session_id = s.id where a.person_id = ? order by s.held_on desc", (rs, n) -> new Record(row(rs, n),
						Attendance.Status.valueOf(rs.getString("status")), rs.getString("reason")), personId);
	}

	/** A session and one person's attendance at it. */
	public record Record(TrainingSession session, Attendance.Status status, String reason) {

	}

	/** A missed session of a unit's publicist: absent, or never signed in after the day. */
	public record Missed(long unitId, long personId, TrainingSession session, Attendance.Status status, String reason) {

	}

	/**
	 * The sessions held in [from, to] that a unit's current publicist missed (absent, or still only invited after the
	 * day), for the units in scope.
	 */
	@Transactional(readOnly = true)
	public List<Missed> missedByPublicists(LocalDate from, LocalDate to, DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.query("select s.*, a.status, a.reason, a.unit_id, a.person_id from trn_session s join trn_attendance a "
				+ "on a.session_id = s.id where s.held_on between ? and ? and s.held_on <= ? and a.status <> 'PRESENT' "
				+ "order by a.unit_id, s.held_on", (rs, n) -> new Missed(rs.getLong("unit_id"), rs.getLong("person_id"),
						row(rs, n), Attendance.Status.valueOf(rs.getString("status")), rs.getString("reason")),
				from, to, today)
			.stream()
			.filter(m -> scope.includes(m.unitId()))
			.filter(m -> organization.currentPublicistsOf(m.unitId()).contains(m.personId()))
			.toList();
	}

	private static TrainingSession row(ResultSet rs, int n) throws SQLException {
		return new TrainingSession(rs.getLong("id"), rs.getString("topic"), SkillArea.valueOf(rs.getString("skill_area")),
				rs.getString("trainer"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
				rs.getString("materials"));
	}

	private static Attendance attendanceRow(ResultSet rs, int n) throws SQLException {
		return new Attendance(rs.getLong("session_id"), rs.getLong("person_id"), rs.getLong("unit_id"),
				Attendance.Status.valueOf(rs.getString("status")), rs.getString("reason"));
	}

	private static void requireManager(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.TRAINING_MANAGE);
	}

}
