package io.infodesk.research;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.account.Accounts;
import io.infodesk.audit.AuditTrail;
import io.infodesk.notification.Deadlines;
import io.infodesk.notification.NotificationType;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * Research topics (调研课题, S3.3-a … c): the office registers a topic with its source (a district key topic, the
 * bureau's own, an analysis candidate), aim, responsible unit and lead, group and milestones — each milestone a
 * deadline reminded to the group through {@link Deadlines}; the group (or the office) records activities, meets the
 * milestones in order and adds outputs (DOCX / PDF by content); the office records the upward uses of the outcome,
 * each published as {@link TopicOutcomeUsed} for assessment. Every change audited, a refused action saves nothing.
 * <p>
 * Who sees a topic: the units of the reader's data scope (the responsible unit) and the group's members.
 */
@Service("researchTopics")
@Validated
@Transactional
public class Topics {

	static final String ENTITY = "ResearchTopic";

	/** Milestones are due at the end of the working day. */
	static final java.time.LocalTime DUE_AT = java.time.LocalTime.of(17, 30);

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final Accounts accounts;

	private final Deadlines deadlines;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	Topics(JdbcTemplate jdbc, Organization organization, Accounts accounts, Deadlines deadlines, FileStore files,
			ApplicationEventPublisher events, AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.accounts = accounts;
		this.deadlines = deadlines;
		this.files = files;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- the office registers a topic

	public Topic create(@Valid TopicForm form, AuthenticatedUser actor) {
		requireManager(actor);
		List<LocalDate> days = form.milestoneDays();
		checkOrder(days);
		Person lead = lead(form);
		List<Person> members = members(form, lead);
		Topic.Source source = form.source();
		Long keyTopicId = form.keyTopicId();
		if (keyTopicId != null) {
			List<String> body = jdbc.queryForList("select body from rsh_key_topic where id = ?", String.class, keyTopicId);
			if (body.isEmpty()) {
				throw new ResearchException("keyTopicId", "research.topic.keyTopic.notFound");
			}
			source = Topic.Source.valueOf(body.get(0));
		}
		else if (source.districtKeyTopic()) {
			throw new ResearchException("keyTopicId", "research.topic.keyTopic.required");
		}
		if (form.candidateId() != null) {
			List<Long> linked = jdbc.queryForList("select topic_id from rsh_candidate where id = ? and chosen = true",
					Long.class, form.candidateId());
			if (linked.isEmpty()) {
				throw new ResearchException("candidateId", "research.topic.candidate.notChosen");
			}
			if (linked.get(0) != null) {
				throw new ResearchException("candidateId", "research.topic.candidate.taken");
			}
			source = Topic.Source.ANALYSIS;
		}
		else if (source == Topic.Source.ANALYSIS) {
			throw new ResearchException("candidateId", "research.topic.candidate.required");
		}
		final Topic.Source finalSource = source;
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_topic (title, background, source, aim, unit_id, "
					+ "lead_person_id, topic_year, key_topic_id, status, created_at, created_by) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, form.title().strip());
			ps.setString(2, Strings.blankToNull(form.background()));
			ps.setString(3, finalSource.name());
			ps.setString(4, form.aim().name());
			ps.setLong(5, form.unitId());
			ps.setLong(6, lead.getId());
			ps.setInt(7, form.planOn().getYear());
			ps.setObject(8, keyTopicId);
			ps.setString(9, Topic.Status.PLANNED.name());
			ps.setObject(10, JdbcTime.utc(Instant.now(clock)));
			ps.setString(11, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		for (Person member : members) {
			jdbc.update("insert into rsh_topic_member (topic_id, person_id, unit_id) values (?, ?, ?)", id, member.getId(),
					member.getUnitId());
		}
		Topic.MilestoneKind[] kinds = Topic.MilestoneKind.values();
		for (int i = 0; i < kinds.length; i++) {
			jdbc.update("insert into rsh_milestone (topic_id, kind, due_on) values (?, ?, ?)", id, kinds[i].name(), days.get(i));
		}
		if (form.candidateId() != null) {
			jdbc.update("update rsh_candidate set topic_id = ? where id = ?", id, form.candidateId());
		}
		Topic topic = get(id);
		remind(topic);
		audit.record("RESEARCH_TOPIC_CREATED", ENTITY, id, texts.get("research.audit.topicCreated", topic.title(),
				texts.label("research.topic.source.", topic.source()), lead.getName(), members.size()));
		return topic;
	}

	private static final String[] FIELDS = { "planOn", "fieldOn", "draftOn", "finalOn" };

	/**
	 * Edits a registered topic (the office): title, background, aim, responsible unit and lead, the group's members and
	 * the days of the milestones not yet met, checked as on registration (days in order, the lead of the unit) with
	 * nothing saved when refused; source, key topic and candidate stay as registered, a concluded topic is not edited.
	 * The milestones' deadlines move with their days and follow the new group. Audited {@code RESEARCH_TOPIC_UPDATED}.
	 */
	public Topic update(long topicId, @Valid TopicForm form, AuthenticatedUser actor) {
		requireManager(actor);
		Topic topic = get(topicId);
		if (topic.status() == Topic.Status.CONCLUDED) {
			throw ResearchException.of("research.topic.concluded");
		}
		List<LocalDate> days = new ArrayList<>(form.milestoneDays());
		Topic.MilestoneKind[] kinds = Topic.MilestoneKind.values();
		for (Topic.Milestone milestone : topic.milestones()) {
			if (milestone.done()) {
				// a milestone met keeps its day
				days.set(milestone.kind().ordinal(), milestone.dueOn());
			}
		}
		checkOrder(days);
		Person lead = lead(form);
		List<Person> members = members(form, lead);
		jdbc.update("update rsh_topic set title = ?, background = ?, aim = ?, unit_id = ?, lead_person_id = ? where id = ?",
				form.title().strip(), Strings.blankToNull(form.background()), form.aim().name(), form.unitId(), lead.getId(),
				topicId);
		jdbc.update("delete from rsh_topic_member where topic_id = ?", topicId);
		for (Person member : members) {
			jdbc.update("insert into rsh_topic_member (topic_id, person_id, unit_id) values (?, ?, ?)", topicId,
					member.getId(), member.getUnitId());
		}
		for (int i = 0; i < kinds.length; i++) {
			jdbc.update("update rsh_milestone set due_on = ? where topic_id = ? and kind = ? and done_on is null", days.get(i),
					topicId, kinds[i].name());
		}
		Topic updated = get(topicId);
		remind(updated);
		audit.record("RESEARCH_TOPIC_UPDATED", ENTITY, topicId, texts.get("research.audit.topicUpdated", updated.title(),
				lead.getName(), members.size()));
		return updated;
	}

	private static void checkOrder(List<LocalDate> days) {
		for (int i = 1; i < days.size(); i++) {
			if (days.get(i).isBefore(days.get(i - 1))) {
				throw new ResearchException(FIELDS[i], "research.topic.milestones.order");
			}
		}
	}

	private Person lead(TopicForm form) {
		if (organization.unit(form.unitId()).isEmpty()) {
			throw new ResearchException("unitId", "research.topic.unit.required");
		}
		Person lead = organization.person(form.leadPersonId())
			.orElseThrow(() -> new ResearchException("leadPersonId", "research.topic.lead.required"));
		if (lead.getUnitId() == null || lead.getUnitId() != form.unitId().longValue()) {
			throw new ResearchException("leadPersonId", "research.topic.lead.unit");
		}
		return lead;
	}

	private List<Person> members(TopicForm form, Person lead) {
		List<Long> memberIds = form.memberPersonIds().stream().filter(id -> id != null && id != lead.getId()).distinct().toList();
		List<Person> members = organization.people(memberIds);
		if (members.size() != memberIds.size()) {
			throw new ResearchException("memberPersonIds", "research.topic.members.invalid");
		}
		return members;
	}

	// ---------------------------------------------------------------- the group works on it

	/** Meets a milestone today (in order; the final one needs a research report among the outputs). */
	public Topic completeMilestone(long topicId, long milestoneId, AuthenticatedUser actor) {
		Topic topic = get(topicId);
		requireGroup(topic, actor);
		Topic.Milestone milestone = topic.milestones().stream()
			.filter(m -> m.id() == milestoneId)
			.findFirst()
			.orElseThrow(() -> ResearchException.of("research.topic.milestone.notFound"));
		if (milestone.done()) {
			throw ResearchException.of("research.topic.milestone.done");
		}
		for (Topic.Milestone before : topic.milestones()) {
			if (before.kind().ordinal() < milestone.kind().ordinal() && !before.done()) {
				throw ResearchException.of("research.topic.milestone.order",
						texts.label("research.topic.milestone.", before.kind()));
			}
		}
		if (milestone.kind() == Topic.MilestoneKind.FINAL && outputs(topicId).stream()
			.noneMatch(o -> o.kind() == Topic.OutputKind.REPORT)) {
			throw ResearchException.of("research.topic.milestone.reportRequired");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update rsh_milestone set done_on = ? where id = ?", today, milestoneId);
		Topic.Status status = milestone.kind() == Topic.MilestoneKind.FINAL ? Topic.Status.CONCLUDED : Topic.Status.IN_PROGRESS;
		if (status.ordinal() > topic.status().ordinal()) {
			jdbc.update("update rsh_topic set status = ? where id = ?", status.name(), topicId);
		}
		deadlines.complete(milestoneKey(milestoneId));
		audit.record("RESEARCH_MILESTONE_MET", ENTITY, topicId, texts.get("research.audit.milestoneMet", topic.title(),
				texts.label("research.topic.milestone.", milestone.kind()), today));
		return get(topicId);
	}

	/** Records a research activity (visit, symposium, questionnaire …) held by today. */
	public Topic.Activity recordActivity(long topicId, Topic.ActivityKind kind, LocalDate heldOn, String place,
			String participants, String summary, AuthenticatedUser actor) {
		Topic topic = get(topicId);
		requireGroup(topic, actor);
		if (kind == null) {
			throw new ResearchException("kind", "research.topic.activity.kind.required");
		}
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))) {
			throw new ResearchException("heldOn", "research.topic.activity.heldOn.invalid");
		}
		String text = summary == null ? "" : summary.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw new ResearchException("summary", "research.topic.activity.summary.required");
		}
		if (place != null && place.strip().length() > 200 || participants != null && participants.strip().length() > 500) {
			throw new ResearchException("place", "research.topic.activity.size");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_topic_activity (topic_id, kind, held_on, place, "
					+ "participants, summary, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, topicId);
			ps.setString(2, kind.name());
			ps.setObject(3, heldOn);
			ps.setString(4, Strings.blankToNull(place));
			ps.setString(5, Strings.blankToNull(participants));
			ps.setString(6, text);
			ps.setObject(7, JdbcTime.utc(Instant.now(clock)));
			ps.setString(8, actor.displayName());
			return ps;
		}, key);
		if (topic.status() == Topic.Status.PLANNED) {
			jdbc.update("update rsh_topic set status = ? where id = ?", Topic.Status.IN_PROGRESS.name(), topicId);
		}
		audit.record("RESEARCH_ACTIVITY_RECORDED", ENTITY, topicId, texts.get("research.audit.activity", topic.title(),
				texts.label("research.topic.activity.", kind), heldOn));
		long id = key.getKey().longValue();
		return activities(topicId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** Adds an output (report, paper, proposal): DOCX or PDF recognised by content. */
	public Topic.Output addOutput(long topicId, Topic.OutputKind kind, String title, Upload upload, AuthenticatedUser actor) {
		Topic topic = get(topicId);
		requireGroup(topic, actor);
		if (kind == null) {
			throw new ResearchException("kind", "research.topic.output.kind.required");
		}
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw new ResearchException("title", "research.topic.output.title.required");
		}
		if (upload == null) {
			throw new ResearchException("file", "research.paper.file.required");
		}
		StoredContent stored;
		try {
			stored = files.store(upload.open(), upload.size());
		}
		catch (FileRefused refused) {
			throw new ResearchException("file", refused.messageKey(), refused.args());
		}
		if (stored.type() != FileType.DOCX && stored.type() != FileType.PDF) {
			throw new ResearchException("file", "research.paper.file.type");
		}
		String fileName = FileDownload.cleanName(upload.originalName(), "output");
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_topic_output (topic_id, kind, title, file_name, file_type, "
					+ "file_sha256, file_size, added_at, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, topicId);
			ps.setString(2, kind.name());
			ps.setString(3, title.strip());
			ps.setString(4, fileName);
			ps.setString(5, stored.type().name());
			ps.setString(6, stored.sha256());
			ps.setLong(7, stored.size());
			ps.setObject(8, JdbcTime.utc(Instant.now(clock)));
			ps.setString(9, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		audit.record("RESEARCH_OUTPUT_ADDED", ENTITY, topicId, texts.get("research.audit.output", topic.title(),
				texts.label("research.topic.output.", kind), title.strip()));
		return outputs(topicId).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
	}

	/** The file of an output, for whoever may see the topic. */
	@Transactional(readOnly = true)
	public Resource outputFile(long outputId, AuthenticatedUser actor, DataScope scope) {
		Topic.Output output = output(outputId);
		visible(output.topicId(), actor, scope);
		return files.open(jdbc.queryForObject("select file_sha256 from rsh_topic_output where id = ?", String.class, outputId));
	}

	@Transactional(readOnly = true)
	public Topic.Output output(long outputId) {
		List<Topic.Output> found = jdbc.query("select * from rsh_topic_output where id = ?", Topics::outputRow, outputId);
		if (found.isEmpty()) {
			throw ResearchException.of("research.topic.output.notFound");
		}
		return found.get(0);
	}

	// ---------------------------------------------------------------- the office records the upward use

	/**
	 * Records that the outcome was adopted by a body or instructed on by a leader (S3.3-c, 献计献策): needs an output;
	 * the day not in the future. Published as {@link TopicOutcomeUsed}.
	 */
	public Topic.Use recordUse(long topicId, Topic.UseKind kind, Topic.UseLevel level, String usedBy, String content,
			LocalDate usedOn, Long outputId, AuthenticatedUser actor) {
		requireManager(actor);
		Topic topic = get(topicId);
		List<Topic.Output> outputs = outputs(topicId);
		if (outputs.isEmpty()) {
			throw ResearchException.of("research.topic.use.noOutput");
		}
		if (kind == null) {
			throw new ResearchException("kind", "research.topic.use.kind.required");
		}
		if (level == null) {
			throw new ResearchException("level", "research.topic.use.level.required");
		}
		String by = usedBy == null ? "" : usedBy.strip();
		if (by.isEmpty() || by.length() > 200) {
			throw new ResearchException("usedBy", "research.topic.use.usedBy.required");
		}
		if (content != null && content.strip().length() > 1000) {
			throw new ResearchException("content", "research.topic.use.content.size");
		}
		if (usedOn == null || usedOn.isAfter(LocalDate.now(clock))) {
			throw new ResearchException("usedOn", "research.topic.use.usedOn.invalid");
		}
		if (outputId != null && outputs.stream().noneMatch(o -> o.id() == outputId)) {
			throw new ResearchException("outputId", "research.topic.output.notFound");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_topic_use (topic_id, output_id, kind, use_level, used_by, "
					+ "content, used_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, topicId);
			ps.setObject(2, outputId);
			ps.setString(3, kind.name());
			ps.setString(4, level.name());
			ps.setString(5, by);
			ps.setString(6, Strings.blankToNull(content));
			ps.setObject(7, usedOn);
			ps.setObject(8, JdbcTime.utc(Instant.now(clock)));
			ps.setString(9, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		events.publishEvent(event(topic, id, kind, level, usedOn));
		audit.record("RESEARCH_OUTCOME_USED", ENTITY, topicId, texts.get("research.audit.used", topic.title(),
				texts.label("research.topic.use.", kind), texts.label("research.topic.level.", level), by, usedOn));
		return uses(topicId).stream().filter(u -> u.id() == id).findFirst().orElseThrow();
	}

	/** The upward uses whose day falls in [from, to], as events (for assessment's recomputation). */
	@Transactional(readOnly = true)
	public List<TopicOutcomeUsed> usedBetween(LocalDate from, LocalDate to) {
		List<TopicOutcomeUsed> found = new ArrayList<>();
		jdbc.query("select id, topic_id, kind, use_level, used_on from rsh_topic_use where used_on between ? and ? order by id",
				rs -> {
					found.add(event(get(rs.getLong(2)), rs.getLong(1), Topic.UseKind.valueOf(rs.getString(3)),
							Topic.UseLevel.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)));
				}, from, to);
		return found;
	}

	private TopicOutcomeUsed event(Topic topic, long useId, Topic.UseKind kind, Topic.UseLevel level, LocalDate on) {
		List<TopicOutcomeUsed.Author> authors = new ArrayList<>();
		authors.add(new TopicOutcomeUsed.Author(topic.leadPersonId(), topic.unitId()));
		jdbc.query("select person_id, unit_id from rsh_topic_member where topic_id = ? order by person_id", rs -> {
			authors.add(new TopicOutcomeUsed.Author(rs.getLong(1), rs.getLong(2)));
		}, topic.id());
		return new TopicOutcomeUsed(useId, topic.id(), kind, level, on, topic.unitId(), authors, topic.title());
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Topic get(long id) {
		List<Topic> found = jdbc.query("select * from rsh_topic where id = ?", (rs, n) -> row(rs), id);
		if (found.isEmpty()) {
			throw ResearchException.of("research.topic.notFound", id);
		}
		return found.get(0);
	}

	/** A topic the reader may see (responsible unit in scope, or a member of the group), else access denied. */
	@Transactional(readOnly = true)
	public Topic visible(long id, AuthenticatedUser actor, DataScope scope) {
		Topic topic = get(id);
		if (!canSee(topic, actor, scope)) {
			throw new AccessDeniedException("research:topic");
		}
		return topic;
	}

	/** The topics the reader may see, newest first; null filters mean any. */
	@Transactional(readOnly = true)
	public List<Topic> list(Integer year, Topic.Source source, Topic.Status status, String keyword,
			AuthenticatedUser actor, DataScope scope) {
		String word = keyword == null ? "" : keyword.strip();
		return jdbc.query("select * from rsh_topic order by topic_year desc, id desc", (rs, n) -> row(rs))
			.stream()
			.filter(t -> year == null || t.year() == year)
			.filter(t -> source == null || t.source() == source)
			.filter(t -> status == null || t.status() == status)
			.filter(t -> word.isEmpty() || t.title().contains(word))
			.filter(t -> canSee(t, actor, scope))
			.toList();
	}

	public static boolean canSee(Topic topic, AuthenticatedUser actor, DataScope scope) {
		return actor.can(Permissions.RESEARCH_MANAGE) || scope.includes(topic.unitId()) || inGroup(topic, actor);
	}

	/** The lead or a member of the group. */
	public static boolean inGroup(Topic topic, AuthenticatedUser actor) {
		Long me = actor.personId();
		return me != null && (me == topic.leadPersonId() || topic.memberPersonIds().contains(me));
	}

	/** Whether the actor may work on the topic (the group or the office). */
	public static boolean canWork(Topic topic, AuthenticatedUser actor) {
		return actor.can(Permissions.RESEARCH_MANAGE) || inGroup(topic, actor);
	}

	@Transactional(readOnly = true)
	public List<Topic.Activity> activities(long topicId) {
		return jdbc.query("select * from rsh_topic_activity where topic_id = ? order by held_on desc, id desc",
				(rs, n) -> new Topic.Activity(rs.getLong("id"), rs.getLong("topic_id"),
						Topic.ActivityKind.valueOf(rs.getString("kind")), rs.getObject("held_on", LocalDate.class),
						rs.getString("place"), rs.getString("participants"), rs.getString("summary"),
						rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")),
				topicId);
	}

	@Transactional(readOnly = true)
	public List<Topic.Output> outputs(long topicId) {
		return jdbc.query("select * from rsh_topic_output where topic_id = ? order by id", Topics::outputRow, topicId);
	}

	@Transactional(readOnly = true)
	public List<Topic.Use> uses(long topicId) {
		return jdbc.query("select * from rsh_topic_use where topic_id = ? order by used_on desc, id desc",
				(rs, n) -> new Topic.Use(rs.getLong("id"), rs.getLong("topic_id"), rs.getObject("output_id", Long.class),
						Topic.UseKind.valueOf(rs.getString("kind")), Topic.UseLevel.valueOf(rs.getString("use_level")),
						rs.getString("used_by"), rs.getString("content"), rs.getObject("used_on", LocalDate.class),
						rs.getString("recorded_by")),
				topicId);
	}

	/** How many upward uses each topic has (topic id → count). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Integer> useCounts() {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		jdbc.query("select topic_id, count(*) from rsh_topic_use group by topic_id", rs -> {
			counts.put(rs.getLong(1), rs.getInt(2));
		});
		return counts;
	}

	/** The deadline key of a milestone in notification's deadlines. */
	public static String milestoneKey(long milestoneId) {
		return "research:milestone:" + milestoneId;
	}

	// ---------------------------------------------------------------- helpers

	private void remind(Topic topic) {
		Set<Long> people = new LinkedHashSet<>();
		people.add(topic.leadPersonId());
		people.addAll(topic.memberPersonIds());
		List<Long> owners = accounts.userIdsOfPersons(people);
		for (Topic.Milestone milestone : topic.milestones()) {
			if (milestone.done()) {
				continue;
			}
			deadlines.register(milestoneKey(milestone.id()), owners,
					milestone.dueOn().atTime(DUE_AT).atZone(TimeConfiguration.ZONE).toInstant(), NotificationType.SYSTEM,
					texts.get("research.topic.notify.milestone", topic.title(),
							texts.label("research.topic.milestone.", milestone.kind()), milestone.dueOn()),
					"/research/topics/" + topic.id());
		}
	}

	private Topic row(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<Long> members = jdbc.queryForList("select person_id from rsh_topic_member where topic_id = ? order by person_id",
				Long.class, id);
		List<Topic.Milestone> milestones = jdbc.query("select * from rsh_milestone where topic_id = ?",
				(r, n) -> new Topic.Milestone(r.getLong("id"), Topic.MilestoneKind.valueOf(r.getString("kind")),
						r.getObject("due_on", LocalDate.class), r.getObject("done_on", LocalDate.class)),
				id)
			.stream()
			.sorted(java.util.Comparator.comparing(Topic.Milestone::kind))
			.toList();
		return new Topic(id, rs.getString("title"), rs.getString("background"), Topic.Source.valueOf(rs.getString("source")),
				Topic.Aim.valueOf(rs.getString("aim")), rs.getLong("unit_id"), rs.getLong("lead_person_id"),
				rs.getInt("topic_year"), Topic.Status.valueOf(rs.getString("status")), members, milestones,
				rs.getObject("key_topic_id", Long.class));
	}

	private static Topic.Output outputRow(ResultSet rs, int n) throws SQLException {
		return new Topic.Output(rs.getLong("id"), rs.getLong("topic_id"), Topic.OutputKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("file_name"), rs.getString("file_type"), rs.getLong("file_size"),
				rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"));
	}

	private static void requireGroup(Topic topic, AuthenticatedUser actor) {
		if (!canWork(topic, actor)) {
			throw new AccessDeniedException("research:topic");
		}
	}

	private static void requireManager(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.RESEARCH_MANAGE);
	}

}
