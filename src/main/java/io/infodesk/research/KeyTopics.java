package io.infodesk.research;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * The district's annual key research topics (S3.3-c) and the periodic topic analysis sessions (S3.3-b) with their
 * candidate topics: the office records both; a chosen candidate or a key topic becomes a research topic through
 * {@link Topics#create}, which links it. Audited; a refused action saves nothing.
 */
@Service
@Transactional
public class KeyTopics {

	static final String ENTITY = "ResearchKeyTopic";

	static final String ANALYSIS = "ResearchTopicAnalysis";

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	KeyTopics(JdbcTemplate jdbc, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- annual key topics

	public KeyTopic add(Integer year, Topic.Source body, String title, String description, AuthenticatedUser actor) {
		requireManager(actor);
		int thisYear = LocalDate.now(clock).getYear();
		if (year == null || year < thisYear - 5 || year > thisYear + 1) {
			throw new ResearchException("year", "research.keyTopic.year.invalid");
		}
		if (body == null || !body.districtKeyTopic()) {
			throw new ResearchException("body", "research.keyTopic.body.required");
		}
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new ResearchException("title", "research.keyTopic.title.required");
		}
		if (description != null && description.strip().length() > 1000) {
			throw new ResearchException("description", "research.keyTopic.description.size");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_key_topic (topic_year, body, title, description, created_at, "
					+ "created_by) values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setInt(1, year);
			ps.setString(2, body.name());
			ps.setString(3, name);
			ps.setString(4, description == null || description.isBlank() ? null : description.strip());
			ps.setObject(5, JdbcTime.utc(Instant.now(clock)));
			ps.setString(6, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		audit.record("RESEARCH_KEY_TOPIC_ADDED", ENTITY, id, texts.get("research.audit.keyTopic", year,
				texts.label("research.topic.source.", body), name));
		return get(id);
	}

	@Transactional(readOnly = true)
	public KeyTopic get(long id) {
		List<KeyTopic> found = jdbc.query("select * from rsh_key_topic where id = ?", (rs, n) -> keyTopic(rs), id);
		if (found.isEmpty()) {
			throw ResearchException.of("research.keyTopic.notFound");
		}
		return found.get(0);
	}

	/** The key topics of a year (null: every year), the newest year first, by body. */
	@Transactional(readOnly = true)
	public List<KeyTopic> list(Integer year) {
		return jdbc.query("select * from rsh_key_topic order by topic_year desc, body, id", (rs, n) -> keyTopic(rs))
			.stream()
			.filter(k -> year == null || k.year() == year)
			.toList();
	}

	// ---------------------------------------------------------------- topic analysis sessions

	public TopicAnalysis analyse(TopicAnalysis.Form form, AuthenticatedUser actor) {
		requireManager(actor);
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			throw new ResearchException("title", "research.analysis.title.required");
		}
		if (form.heldOn() == null || form.heldOn().isAfter(LocalDate.now(clock))) {
			throw new ResearchException("heldOn", "research.analysis.heldOn.invalid");
		}
		if (form.participants() != null && form.participants().strip().length() > 500) {
			throw new ResearchException("participants", "research.analysis.participants.size");
		}
		if (form.summary() != null && form.summary().strip().length() > 2000) {
			throw new ResearchException("summary", "research.analysis.summary.size");
		}
		List<TopicAnalysis.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < form.candidateTitles().size(); i++) {
			String name = form.candidateTitles().get(i) == null ? "" : form.candidateTitles().get(i).strip();
			if (name.isEmpty()) {
				continue;
			}
			TopicAnalysis.Problem problem = at(form.candidateProblems(), i);
			Topic.Aim aim = at(form.candidateAims(), i);
			String rationale = at(form.candidateRationales(), i);
			if (name.length() > 200 || problem == null || aim == null || rationale != null && rationale.strip().length() > 1000) {
				throw new ResearchException("candidateTitles", "research.analysis.candidate.invalid", i + 1);
			}
			candidates.add(new TopicAnalysis.Candidate(0, 0, name, problem, aim,
					rationale == null || rationale.isBlank() ? null : rationale.strip(), false, null));
		}
		if (candidates.isEmpty()) {
			throw new ResearchException("candidateTitles", "research.analysis.candidate.required");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_analysis (title, held_on, participants, summary, created_at, "
					+ "created_by) values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, title);
			ps.setObject(2, form.heldOn());
			ps.setString(3, form.participants() == null || form.participants().isBlank() ? null : form.participants().strip());
			ps.setString(4, form.summary() == null || form.summary().isBlank() ? null : form.summary().strip());
			ps.setObject(5, JdbcTime.utc(Instant.now(clock)));
			ps.setString(6, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		for (int i = 0; i < candidates.size(); i++) {
			TopicAnalysis.Candidate c = candidates.get(i);
			jdbc.update("insert into rsh_candidate (analysis_id, position, title, problem, aim, rationale) values (?, ?, ?, ?, ?, ?)",
					id, i, c.title(), c.problem().name(), c.aim().name(), c.rationale());
		}
		audit.record("RESEARCH_ANALYSIS_HELD", ANALYSIS, id, texts.get("research.audit.analysis", title, form.heldOn(),
				candidates.size()));
		return analysis(id);
	}

	/** Chooses a candidate (or takes the choice back while no topic was registered from it). */
	public TopicAnalysis.Candidate choose(long candidateId, boolean chosen, AuthenticatedUser actor) {
		requireManager(actor);
		TopicAnalysis.Candidate candidate = candidate(candidateId);
		if (!chosen && candidate.topicId() != null) {
			throw ResearchException.of("research.topic.candidate.taken");
		}
		jdbc.update("update rsh_candidate set chosen = ? where id = ?", chosen, candidateId);
		audit.record(chosen ? "RESEARCH_CANDIDATE_CHOSEN" : "RESEARCH_CANDIDATE_DROPPED", ANALYSIS, candidate.analysisId(),
				texts.get("research.audit.candidate", candidate.title()));
		return candidate(candidateId);
	}

	@Transactional(readOnly = true)
	public TopicAnalysis analysis(long id) {
		List<TopicAnalysis> found = jdbc.query("select * from rsh_analysis where id = ?", (rs, n) -> analysisRow(rs), id);
		if (found.isEmpty()) {
			throw ResearchException.of("research.analysis.notFound");
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public List<TopicAnalysis> analyses() {
		return jdbc.query("select * from rsh_analysis order by held_on desc, id desc", (rs, n) -> analysisRow(rs));
	}

	@Transactional(readOnly = true)
	public TopicAnalysis.Candidate candidate(long id) {
		List<TopicAnalysis.Candidate> found = jdbc.query("select * from rsh_candidate where id = ?", KeyTopics::candidateRow, id);
		if (found.isEmpty()) {
			throw ResearchException.of("research.analysis.candidate.notFound");
		}
		return found.get(0);
	}

	// ---------------------------------------------------------------- helpers

	private KeyTopic keyTopic(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new KeyTopic(id, rs.getInt("topic_year"), Topic.Source.valueOf(rs.getString("body")), rs.getString("title"),
				rs.getString("description"),
				jdbc.queryForList("select id from rsh_topic where key_topic_id = ? order by id", Long.class, id));
	}

	private TopicAnalysis analysisRow(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new TopicAnalysis(id, rs.getString("title"), rs.getObject("held_on", LocalDate.class),
				rs.getString("participants"), rs.getString("summary"),
				jdbc.query("select * from rsh_candidate where analysis_id = ? order by position", KeyTopics::candidateRow, id));
	}

	private static TopicAnalysis.Candidate candidateRow(ResultSet rs, int n) throws SQLException {
		return new TopicAnalysis.Candidate(rs.getLong("id"), rs.getLong("analysis_id"), rs.getString("title"),
				TopicAnalysis.Problem.valueOf(rs.getString("problem")), Topic.Aim.valueOf(rs.getString("aim")),
				rs.getString("rationale"), rs.getBoolean("chosen"), rs.getObject("topic_id", Long.class));
	}

	private static <T> T at(List<T> values, int i) {
		return i < values.size() ? values.get(i) : null;
	}

	private static void requireManager(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.RESEARCH_MANAGE);
	}

}
