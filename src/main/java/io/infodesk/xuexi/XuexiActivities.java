package io.infodesk.xuexi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
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
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
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

	private final FileStore store;

	XuexiActivities(JdbcTemplate jdbc, Organization organization, AuditTrail audit, Texts texts, Clock clock,
			FileStore store) {
		this.store = store;
		this.jdbc = jdbc;
		this.organization = organization;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	public record Activity(long id, long unitId, String unitName, LocalDate heldOn, ActivityKind kind, String topic,
			int participants, String attendees, String materials, String createdBy, List<Material> files) {

	}

	/** A file of the activity's materials, kept in the file store (type recognised by content). */
	public record Material(long id, long activityId, String fileName, FileType type, long size, String sha256) {

	}

	/** At most this many files of materials per activity. */
	public static final int MAX_FILES = 10;

	public record ActivityForm(Long unitId, LocalDate heldOn, ActivityKind kind, String topic, Integer participants,
			String attendees, String materials) {

	}

	public Activity record(ActivityForm form, AuthenticatedUser actor, DataScope scope) {
		return record(form, List.of(), actor, scope);
	}

	/**
	 * Records the activity with the files of its materials: every field checked, then every file stored (empty, too
	 * large, of a type not accepted or a disguised package refused by content), and only then the rows written in one
	 * transaction — a refusal saves nothing.
	 */
	public Activity record(ActivityForm form, List<Upload> files, AuthenticatedUser actor, DataScope scope) {
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
		List<Upload> uploads = files == null ? List.of() : files.stream().filter(java.util.Objects::nonNull).toList();
		if (uploads.size() > MAX_FILES) {
			throw new XuexiException("files", "xuexi.activity.error.files", MAX_FILES);
		}
		List<StoredContent> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			try (java.io.InputStream in = upload.open()) {
				stored.add(store.store(in, upload.size()));
			}
			catch (FileRefused refused) {
				throw new XuexiException("files", "xuexi.activity.error.file", FileDownload.cleanName(upload.originalName(),
						"file"), texts.get(refused.messageKey(), refused.args()));
			}
			catch (java.io.IOException ex) {
				throw new XuexiException("files", "xuexi.activity.error.file", FileDownload.cleanName(upload.originalName(),
						"file"), ex.getMessage());
			}
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
		Instant now = Instant.now(clock);
		for (int i = 0; i < stored.size(); i++) {
			StoredContent content = stored.get(i);
			jdbc.update("""
					insert into xuexi_activity_file (activity_id, file_name, file_type, size_bytes, sha256, uploaded_by,
					uploaded_at) values (?, ?, ?, ?, ?, ?, ?)""", id,
					content.type().fileName(FileDownload.cleanName(uploads.get(i).originalName(), "file")),
					content.type().name(), content.size(), content.sha256(), actor.displayName(), Timestamp.from(now));
		}
		audit.record("XUEXI_ACTIVITY_RECORDED", "XuexiActivity", id, texts.get("xuexi.audit.activity", unit.getName(),
				form.heldOn(), texts.label("xuexi.activity.kind.", form.kind()), topic, form.participants())
				+ (stored.isEmpty() ? "" : texts.get("xuexi.audit.activityFiles", stored.size())));
		return list(scope, null, null).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** The activities of the units in scope, newest first; optionally of one unit and one year. */
	@Transactional(readOnly = true)
	public List<Activity> list(DataScope scope, Long unitId, Integer year) {
		Map<Long, String> units = new LinkedHashMap<>();
		organization.activeUnits().forEach(u -> units.put(u.getId(), u.getName()));
		Map<Long, List<Material>> materials = new HashMap<>();
		jdbc.query("select id, activity_id, file_name, file_type, size_bytes, sha256 from xuexi_activity_file order by id",
				rs -> {
					Material file = material(rs);
					materials.computeIfAbsent(file.activityId(), a -> new ArrayList<>()).add(file);
				});
		return jdbc.query("""
				select id, unit_id, held_on, kind, topic, participants, attendees, materials, created_by
				from xuexi_activity order by held_on desc, id desc""",
				(rs, n) -> new Activity(rs.getLong(1), rs.getLong(2), units.getOrDefault(rs.getLong(2), ""),
						rs.getObject(3, LocalDate.class), ActivityKind.valueOf(rs.getString(4)), rs.getString(5),
						rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
						materials.getOrDefault(rs.getLong(1), List.of())))
			.stream()
			.filter(a -> scope.includes(a.unitId()))
			.filter(a -> unitId == null || a.unitId() == unitId)
			.filter(a -> year == null || a.heldOn().getYear() == year)
			.toList();
	}

	private static Material material(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Material(rs.getLong(1), rs.getLong(2), rs.getString(3), FileType.valueOf(rs.getString(4)),
				rs.getLong(5), rs.getString(6));
	}

	/** A file of an activity's materials, if the activity is in scope. */
	@Transactional(readOnly = true)
	public Optional<Material> material(long activityId, long fileId, DataScope scope) {
		return jdbc.query("""
				select f.id, f.activity_id, f.file_name, f.file_type, f.size_bytes, f.sha256, a.unit_id
				from xuexi_activity_file f join xuexi_activity a on a.id = f.activity_id
				where f.id = ? and f.activity_id = ?""", (rs, n) -> scope.includes(rs.getLong(7)) ? material(rs) : null,
				fileId, activityId).stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/** The stored content of a material. */
	public org.springframework.core.io.Resource open(Material material) {
		return store.open(material.sha256());
	}

	@Transactional(readOnly = true)
	public long count() {
		return jdbc.queryForObject("select count(*) from xuexi_activity", Long.class);
	}

}
