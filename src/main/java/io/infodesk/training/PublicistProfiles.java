package io.infodesk.training;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.publicity.CoveragePublished;
import io.infodesk.publicity.CoverageRecords;
import io.infodesk.reporting.AuthorShare;
import io.infodesk.reporting.ScoringRecords;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * The publicist's profile beyond attendance (S4-b, issue 15 points 4 and 6): skills the person declares (beside those
 * earned through training), feedback on a session by those who attended it, a session's materials as files, and what
 * the person produced elsewhere — adopted items (reporting's {@link ScoringRecords}) and coverage records (publicity's
 * {@link CoverageRecords}), read through those modules' public APIs by person id. Bad input is refused in Chinese
 * and nothing is saved; every change audited.
 */
@Service("trainingPublicistProfiles")
@Transactional
public class PublicistProfiles {

	static final String ENTITY = "PublicistProfile";

	/** A skill the person declared, with a note (e.g. the tools used). */
	public record DeclaredSkill(SkillArea area, String note, Instant declaredAt) {

	}

	/** One attendee's feedback on a session: a rating 1–5 and a comment. */
	public record Feedback(long sessionId, long personId, int rating, String comment, Instant givenAt) {

	}

	/** A material of a session, kept in the file store. */
	public record Material(long id, long sessionId, String fileName, FileType type, long size, Instant uploadedAt,
			String uploadedBy) {

	}

	/** Something the person produced elsewhere: an adopted item or a coverage record, with the person's share. */
	public record Product(String kind, LocalDate on, String title, String detail, double percent) {

	}

	private final JdbcTemplate jdbc;

	private final TrainingSessions sessions;

	private final Organization organization;

	private final FileStore files;

	private final ScoringRecords reporting;

	private final CoverageRecords coverage;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	PublicistProfiles(JdbcTemplate jdbc, TrainingSessions sessions, Organization organization, FileStore files,
			ScoringRecords reporting, CoverageRecords coverage, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.organization = organization;
		this.files = files;
		this.reporting = reporting;
		this.coverage = coverage;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- declared skills

	/** Declares (or re-describes) a skill: the person themself or the organiser. */
	public void declareSkill(long personId, SkillArea area, String note, AuthenticatedUser actor) {
		Person person = selfOrManager(personId, actor);
		if (area == null) {
			throw new TrainingException("area", "training.skill.required");
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 300) {
			throw new TrainingException("note", "training.profile.skill.note.size");
		}
		jdbc.update("delete from trn_declared_skill where person_id = ? and skill_area = ?", personId, area.name());
		jdbc.update("insert into trn_declared_skill (person_id, skill_area, note, declared_at) values (?, ?, ?, ?)",
				personId, area.name(), text.isEmpty() ? null : text, JdbcTime.utc(Instant.now(clock)));
		audit.record("TRAINING_SKILL_DECLARED", ENTITY, personId,
				texts.get("training.audit.skillDeclared", person.getName(), texts.label("training.skill.", area)));
	}

	/** Withdraws a declared skill. */
	public void withdrawSkill(long personId, SkillArea area, AuthenticatedUser actor) {
		Person person = selfOrManager(personId, actor);
		if (area == null || jdbc.update("delete from trn_declared_skill where person_id = ? and skill_area = ?", personId,
				area.name()) == 0) {
			throw new TrainingException("area", "training.profile.skill.notDeclared");
		}
		audit.record("TRAINING_SKILL_WITHDRAWN", ENTITY, personId,
				texts.get("training.audit.skillWithdrawn", person.getName(), texts.label("training.skill.", area)));
	}

	@Transactional(readOnly = true)
	public List<DeclaredSkill> declaredSkills(long personId) {
		return jdbc.query("select skill_area, note, declared_at from trn_declared_skill where person_id = ? order by skill_area",
				(rs, n) -> new DeclaredSkill(SkillArea.valueOf(rs.getString(1)), rs.getString(2),
						rs.getObject(3, java.time.OffsetDateTime.class).toInstant()), personId)
			.stream()
			.sorted(Comparator.comparing(DeclaredSkill::area))
			.toList();
	}

	// ---------------------------------------------------------------- feedback

	/** Feedback on a session by a person who signed in to it (from the session's day on); a new one replaces the old. */
	public Feedback giveFeedback(long sessionId, Integer rating, String comment, AuthenticatedUser actor) {
		TrainingSession session = sessions.get(sessionId);
		Long personId = actor.personId();
		boolean attended = personId != null && sessions.attendance(sessionId)
			.stream()
			.anyMatch(a -> a.personId() == personId && a.status() == Attendance.Status.PRESENT);
		if (!attended) {
			throw new TrainingException(null, "training.feedback.notAttended");
		}
		if (rating == null || rating < 1 || rating > 5) {
			throw new TrainingException("rating", "training.feedback.rating.range");
		}
		String text = comment == null ? "" : comment.strip();
		if (text.length() > 1000) {
			throw new TrainingException("comment", "training.feedback.comment.size");
		}
		Instant now = Instant.now(clock);
		jdbc.update("delete from trn_feedback where session_id = ? and person_id = ?", sessionId, personId);
		jdbc.update("insert into trn_feedback (session_id, person_id, rating, comment, given_at) values (?, ?, ?, ?, ?)",
				sessionId, personId, rating, text.isEmpty() ? null : text, JdbcTime.utc(now));
		audit.record("TRAINING_FEEDBACK_GIVEN", TrainingSessions.ENTITY, sessionId,
				texts.get("training.audit.feedback", session.topic(), actor.displayName(), rating));
		return new Feedback(sessionId, personId, rating, text.isEmpty() ? null : text, now);
	}

	@Transactional(readOnly = true)
	public List<Feedback> feedback(long sessionId) {
		return jdbc.query("select session_id, person_id, rating, comment, given_at from trn_feedback where session_id = ? "
				+ "order by given_at", (rs, n) -> new Feedback(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
						rs.getObject(5, java.time.OffsetDateTime.class).toInstant()), sessionId);
	}

	// ---------------------------------------------------------------- materials

	/** Adds a material to a session (the organiser): DOCX, PDF, XLSX or an image, recognised by content. */
	public Material addMaterial(long sessionId, Upload upload, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.TRAINING_MANAGE);
		TrainingSession session = sessions.get(sessionId);
		if (upload == null) {
			throw new TrainingException("file", "training.material.required");
		}
		StoredContent stored;
		try {
			stored = files.store(upload.open(), upload.size());
		}
		catch (FileRefused refused) {
			throw new TrainingException("file", refused.messageKey(), refused.args());
		}
		if (stored.type() == null) {
			throw new TrainingException("file", "training.material.type");
		}
		String name = FileDownload.cleanName(upload.originalName(), texts.get("training.materials"));
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Instant now = Instant.now(clock);
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into trn_material (session_id, file_name, sha256, content_type, "
					+ "size_bytes, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, sessionId);
			ps.setString(2, name);
			ps.setString(3, stored.sha256());
			ps.setString(4, stored.type().name());
			ps.setLong(5, stored.size());
			ps.setObject(6, JdbcTime.utc(now));
			ps.setString(7, actor.displayName());
			return ps;
		}, key);
		audit.record("TRAINING_MATERIAL_ADDED", TrainingSessions.ENTITY, sessionId,
				texts.get("training.audit.material", session.topic(), name));
		return material(key.getKey().longValue());
	}

	@Transactional(readOnly = true)
	public List<Material> materials(long sessionId) {
		return jdbc.query("select * from trn_material where session_id = ? order by id", (rs, n) -> materialRow(rs),
				sessionId);
	}

	@Transactional(readOnly = true)
	public Material material(long materialId) {
		List<Material> found = jdbc.query("select * from trn_material where id = ?", (rs, n) -> materialRow(rs), materialId);
		if (found.isEmpty()) {
			throw new TrainingException(null, "training.material.notFound", materialId);
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public Resource materialFile(long materialId) {
		return files.open(jdbc.queryForObject("select sha256 from trn_material where id = ?", String.class, materialId));
	}

	// ---------------------------------------------------------------- what the person produced elsewhere

	/**
	 * The person's items of the year — adopted, or submitted and not adopted — and coverage records, newest first,
	 * with the person's share.
	 */
	@Transactional(readOnly = true)
	public List<Product> products(long personId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		List<Product> products = new ArrayList<>();
		for (ScoringRecords.AdoptionRecord adoption : reporting.adoptions(from, to)) {
			for (AuthorShare author : adoption.authors()) {
				if (author.personId() == personId) {
					products.add(new Product("ADOPTION", adoption.on(), adoption.title(),
							texts.get("training.profile.adopted", texts.label("reporting.level.", adoption.level())), author.percent()));
				}
			}
		}
		for (ScoringRecords.SubmittedRecord item : reporting.submittedNotAdopted(from, to)) {
			for (AuthorShare author : item.authors()) {
				if (author.personId() == personId) {
					products.add(new Product("SUBMITTED", item.on(), item.title(),
							texts.get("training.profile.submitted"), author.percent()));
				}
			}
		}
		for (CoveragePublished record : coverage.published(from, to)) {
			for (CoveragePublished.Share share : record.authors()) {
				if (share.personId() == personId) {
					products.add(new Product("COVERAGE", record.on(), record.title(),
							texts.label("publicity.tier.", record.tier()), share.percent()));
				}
			}
		}
		products.sort(Comparator.comparing(Product::on).reversed());
		return products;
	}

	private Material materialRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Material(rs.getLong("id"), rs.getLong("session_id"), rs.getString("file_name"),
				FileType.valueOf(rs.getString("content_type")), rs.getLong("size_bytes"),
				rs.getObject("uploaded_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("uploaded_by"));
	}

	private Person selfOrManager(long personId, AuthenticatedUser actor) {
		Person person = organization.person(personId)
			.orElseThrow(() -> new TrainingException(null, "training.person.notFound", personId));
		boolean self = actor.personId() != null && actor.personId() == personId;
		if (!self && !actor.can(Permissions.TRAINING_MANAGE)) {
			throw new AccessDeniedException(Permissions.TRAINING_MANAGE);
		}
		return person;
	}

}
