package io.infodesk.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.research.AwardRank;
import io.infodesk.research.ScoringEngine;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Skills competitions (技能竞赛) and planning practice (专题策划实践, S4-b), judged with the same scoring engine as the
 * paper competition: the organiser opens one (skill area, day, criteria with weights, the judges — people with a
 * login —, award counts) and enters the entries; each judge logs in and scores each entry on every criterion (0 to its
 * weight; never an entry of the own unit); research's {@link ScoringEngine} normalises the complete sheets to 100 and
 * proposes the awards (trimmed mean from five judges, the spread flagged, ties sharing the level); the organiser
 * publishes them — one {@link CompetitionAwarded} per award, for assessment. Audited; a refused action saves nothing.
 * <p>
 * Over ~350 lines because opening, entering, scoring, proposing and publishing share the competition's state and
 * the judges' checks (who scores which entry, a complete sheet); the scoring arithmetic is {@link ScoringEngine}.
 */
@Service
@Transactional
public class SkillCompetitions {

	static final String ENTITY = "SkillCompetition";

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	SkillCompetitions(JdbcTemplate jdbc, Organization organization, ApplicationEventPublisher events, AuditTrail audit,
			Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** The default criteria of a skills competition: 内容质量 40, 专业技巧 40, 创意表现 20. */
	public static final List<String> DEFAULT_CRITERIA = List.of("内容质量", "专业技巧", "创意表现");

	public static final List<Integer> DEFAULT_WEIGHTS = List.of(40, 40, 20);

	/** What the organiser enters for a competition: criteria as parallel lists (name, weight), judges as person ids. */
	public record Form(String title, SkillCompetition.Kind kind, SkillArea skillArea,
			@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate heldOn,
			String description, List<String> criterionNames, List<Integer> criterionWeights, List<Long> judgePersonIds,
			Integer firstCount, Integer secondCount, Integer thirdCount, BigDecimal disagreementThreshold) {

		public Form {
			criterionNames = criterionNames == null ? new ArrayList<>() : new ArrayList<>(criterionNames);
			criterionWeights = criterionWeights == null ? new ArrayList<>() : new ArrayList<>(criterionWeights);
			judgePersonIds = judgePersonIds == null ? new ArrayList<>() : new ArrayList<>(judgePersonIds);
		}

		public static Form blank(LocalDate today) {
			return new Form("", SkillCompetition.Kind.SKILLS, SkillArea.WRITING, today, "", DEFAULT_CRITERIA,
					DEFAULT_WEIGHTS, List.of(), 1, 2, 3, BigDecimal.valueOf(20));
		}

	}

	public SkillCompetition open(Form form, AuthenticatedUser actor) {
		requireManager(actor);
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			throw new TrainingException("title", "training.competition.title.required");
		}
		if (form.kind() == null) {
			throw new TrainingException("kind", "training.competition.kind.required");
		}
		if (form.skillArea() == null) {
			throw new TrainingException("skillArea", "training.skill.required");
		}
		if (form.heldOn() == null) {
			throw new TrainingException("heldOn", "training.competition.heldOn.required");
		}
		if (form.description() != null && form.description().strip().length() > 1000) {
			throw new TrainingException("description", "training.competition.description.size");
		}
		List<String> names = new ArrayList<>();
		List<Integer> weights = new ArrayList<>();
		for (int i = 0; i < Math.max(form.criterionNames().size(), form.criterionWeights().size()); i++) {
			String name = i < form.criterionNames().size() && form.criterionNames().get(i) != null
					? form.criterionNames().get(i).strip() : "";
			Integer weight = i < form.criterionWeights().size() ? form.criterionWeights().get(i) : null;
			if (name.isEmpty() && weight == null) {
				continue;
			}
			if (name.isEmpty() || name.length() > 60 || weight == null || weight < 1 || weight > 100) {
				throw new TrainingException("criterionNames", "training.competition.criteria.invalid");
			}
			names.add(name);
			weights.add(weight);
		}
		if (names.isEmpty() || names.size() > 10 || names.stream().distinct().count() != names.size()) {
			throw new TrainingException("criterionNames", "training.competition.criteria.invalid");
		}
		List<Long> judgeIds = form.judgePersonIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, Person> found = new HashMap<>();
		organization.people(judgeIds).forEach(p -> found.put(p.getId(), p));
		if (judgeIds.size() < 3 || judgeIds.size() > 15 || found.size() != judgeIds.size()) {
			throw new TrainingException("judgePersonIds", "training.competition.judges.count");
		}
		List<Person> judgePeople = judgeIds.stream().map(found::get).toList();
		List<String> judges = judgePeople.stream().map(Person::getName).toList();
		if (String.join("\n", judges).length() > 500) {
			throw new TrainingException("judgePersonIds", "training.competition.judges.count");
		}
		int[] counts = { nz(form.firstCount()), nz(form.secondCount()), nz(form.thirdCount()) };
		if (Arrays.stream(counts).anyMatch(c -> c < 0 || c > 100) || Arrays.stream(counts).sum() == 0) {
			throw new TrainingException("firstCount", "training.competition.counts.invalid");
		}
		BigDecimal threshold = form.disagreementThreshold() == null ? BigDecimal.valueOf(20) : form.disagreementThreshold();
		if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new TrainingException("disagreementThreshold", "training.competition.threshold.range");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into trn_competition (title, kind, skill_area, held_on, description, "
					+ "judges, first_count, second_count, third_count, disagreement_threshold, status, created_at, created_by) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, title);
			ps.setString(2, form.kind().name());
			ps.setString(3, form.skillArea().name());
			ps.setObject(4, form.heldOn());
			ps.setString(5, form.description() == null || form.description().isBlank() ? null : form.description().strip());
			ps.setString(6, String.join("\n", judges));
			ps.setInt(7, counts[0]);
			ps.setInt(8, counts[1]);
			ps.setInt(9, counts[2]);
			ps.setBigDecimal(10, threshold);
			ps.setString(11, SkillCompetition.Status.OPEN.name());
			ps.setObject(12, JdbcTime.utc(Instant.now(clock)));
			ps.setString(13, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		for (int i = 0; i < names.size(); i++) {
			jdbc.update("insert into trn_criterion (competition_id, position, name, weight) values (?, ?, ?, ?)", id, i,
					names.get(i), weights.get(i));
		}
		for (int i = 0; i < judgePeople.size(); i++) {
			jdbc.update("insert into trn_judge (competition_id, person_id, unit_id, position) values (?, ?, ?, ?)", id,
					judgePeople.get(i).getId(), judgePeople.get(i).getUnitId(), i);
		}
		audit.record("SKILL_COMPETITION_OPENED", ENTITY, id, texts.get("training.audit.competitionOpened", title,
				texts.label("training.skill.", form.skillArea()), form.heldOn(), judges.size()));
		return get(id);
	}

	/** Enters a person's entry (once per competition), while the competition is open. */
	public SkillCompetition.Entry enter(long competitionId, Long personId, String title, AuthenticatedUser actor) {
		requireManager(actor);
		SkillCompetition competition = get(competitionId);
		if (competition.status() != SkillCompetition.Status.OPEN) {
			throw new TrainingException(null, "training.competition.notOpen");
		}
		Person person = personId == null ? null : organization.person(personId).orElse(null);
		if (person == null) {
			throw new TrainingException("personId", "training.entry.person.required");
		}
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new TrainingException("title", "training.entry.title.required");
		}
		if (jdbc.queryForObject("select count(*) from trn_entry where competition_id = ? and person_id = ?", Long.class,
				competitionId, person.getId()) > 0) {
			throw new TrainingException("personId", "training.entry.duplicate", person.getName());
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into trn_entry (competition_id, person_id, unit_id, title) "
					+ "values (?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, competitionId);
			ps.setLong(2, person.getId());
			ps.setLong(3, person.getUnitId());
			ps.setString(4, name);
			return ps;
		}, key);
		long id = key.getKey().longValue();
		audit.record("SKILL_ENTRY_ADDED", ENTITY, competitionId, texts.get("training.audit.entry", competition.title(),
				person.getName(), name));
		return entry(id);
	}

	/**
	 * A judge's sheet for an entry: every criterion between 0 and its weight (one decimal at most), while the competition
	 * is open, never an entry of the judge's own unit. Replaces the judge's earlier sheet for the entry.
	 */
	public SkillCompetition.Entry score(long entryId, Map<Long, BigDecimal> points, AuthenticatedUser actor) {
		SkillCompetition.Entry entry = entry(entryId);
		SkillCompetition competition = get(entry.competitionId());
		List<Long> judgeUnit = actor.personId() == null ? List.of()
				: jdbc.queryForList("select unit_id from trn_judge where competition_id = ? and person_id = ?", Long.class,
						competition.id(), actor.personId());
		if (judgeUnit.isEmpty()) {
			throw new AccessDeniedException("training:judge");
		}
		if (competition.status() != SkillCompetition.Status.OPEN) {
			throw new TrainingException(null, "training.competition.notOpen");
		}
		if (judgeUnit.get(0) == entry.unitId()) {
			throw new TrainingException(null, "training.score.ownUnit");
		}
		for (SkillCompetition.Criterion criterion : competition.criteria()) {
			BigDecimal value = points.get(criterion.id());
			if (value == null) {
				throw new TrainingException("c" + criterion.id(), "training.score.required", criterion.name());
			}
			if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(criterion.weight())) > 0
					|| value.stripTrailingZeros().scale() > 1) {
				throw new TrainingException("c" + criterion.id(), "training.score.range", criterion.name(),
						criterion.weight());
			}
		}
		jdbc.update("delete from trn_sheet where entry_id = ? and judge_person_id = ?", entryId, actor.personId());
		var now = JdbcTime.utc(Instant.now(clock));
		for (SkillCompetition.Criterion criterion : competition.criteria()) {
			jdbc.update("insert into trn_sheet (entry_id, judge_person_id, criterion_id, points, scored_at) "
					+ "values (?, ?, ?, ?, ?)", entryId, actor.personId(), criterion.id(), points.get(criterion.id()), now);
		}
		String name = organization.person(entry.personId()).map(Person::getName).orElse("");
		SkillCompetition.Entry scored = entry(entryId);
		BigDecimal total = scored.scores().get(competition.judgePersonIds().indexOf(actor.personId()));
		audit.record("SKILL_ENTRY_SCORED", ENTITY, competition.id(), texts.get("training.audit.scored", competition.title(),
				name, actor.displayName(), total));
		return scored;
	}

	/** The judge's own points for an entry, by criterion id (empty: not scored). */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> mySheet(long entryId, Long judgePersonId) {
		Map<Long, BigDecimal> points = new LinkedHashMap<>();
		if (judgePersonId != null) {
			jdbc.query("select criterion_id, points from trn_sheet where entry_id = ? and judge_person_id = ?",
					rs -> {
						points.put(rs.getLong(1), rs.getBigDecimal(2));
					}, entryId, judgePersonId);
		}
		return points;
	}

	/** The unit a judge of the competition belongs to (empty: the person does not judge it). */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> judgeUnit(long competitionId, Long personId) {
		if (personId == null) {
			return java.util.Optional.empty();
		}
		return jdbc.queryForList("select unit_id from trn_judge where competition_id = ? and person_id = ?", Long.class,
				competitionId, personId).stream().findFirst();
	}

	/** Proposes the awards by the scoring engine (may be repeated until publication; the scores stay open). */
	public List<SkillCompetition.Entry> propose(long competitionId, AuthenticatedUser actor) {
		requireManager(actor);
		SkillCompetition competition = get(competitionId);
		if (competition.published()) {
			throw new TrainingException(null, "training.competition.published");
		}
		List<SkillCompetition.Entry> entries = entries(competitionId);
		if (entries.stream().noneMatch(e -> e.scores().stream().anyMatch(java.util.Objects::nonNull))) {
			throw new TrainingException(null, "training.competition.noScores");
		}
		Map<Long, ScoringEngine.Result> results = new HashMap<>();
		List<ScoringEngine.Entry> placed = new ArrayList<>();
		for (SkillCompetition.Entry entry : entries) {
			ScoringEngine.Result result = ScoringEngine.result(
					entry.scores().stream().filter(java.util.Objects::nonNull).toList(), competition.disagreementThreshold());
			results.put(entry.id(), result);
			placed.add(new ScoringEngine.Entry(entry.id(), result.score()));
		}
		LinkedHashMap<String, Integer> levels = new LinkedHashMap<>();
		for (AwardRank rank : AwardRank.values()) {
			levels.put(rank.name(), competition.count(rank));
		}
		jdbc.update("update trn_entry set final_score = null, judge_count = null, spread = null, flagged = false, "
				+ "proposed_rank = null, award_place = null where competition_id = ?", competitionId);
		for (ScoringEngine.Placing placing : ScoringEngine.awards(placed, levels)) {
			ScoringEngine.Result result = results.get(placing.id());
			jdbc.update("update trn_entry set final_score = ?, judge_count = ?, spread = ?, flagged = ?, proposed_rank = ?, "
					+ "award_place = ? where id = ?", result.score(), result.judges(), result.spread(), result.flagged(),
					placing.level(), placing.place() == 0 ? null : placing.place(), placing.id());
		}
		jdbc.update("update trn_competition set status = ? where id = ?", SkillCompetition.Status.PROPOSED.name(),
				competitionId);
		audit.record("SKILL_AWARDS_PROPOSED", ENTITY, competitionId, texts.get("training.audit.proposed",
				competition.title(), entries.size()));
		return entries(competitionId);
	}

	/** Publishes the proposal: the levels become awards, one {@link CompetitionAwarded} each. */
	public SkillCompetition publish(long competitionId, AuthenticatedUser actor) {
		requireManager(actor);
		SkillCompetition competition = get(competitionId);
		if (competition.status() != SkillCompetition.Status.PROPOSED) {
			throw new TrainingException(null, "training.competition.notProposed");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update trn_entry set award_rank = proposed_rank where competition_id = ?", competitionId);
		jdbc.update("update trn_competition set status = ?, published_on = ? where id = ?",
				SkillCompetition.Status.PUBLISHED.name(), today, competitionId);
		int awards = 0;
		for (SkillCompetition.Entry entry : entries(competitionId)) {
			if (entry.awardRank() != null) {
				awards++;
				events.publishEvent(new CompetitionAwarded(entry.id(), competitionId, entry.awardRank(), today,
						entry.personId(), entry.unitId(), competition.title() + "：" + entry.title()));
			}
		}
		audit.record("SKILL_RESULTS_PUBLISHED", ENTITY, competitionId, texts.get("training.audit.published",
				competition.title(), awards));
		return get(competitionId);
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public SkillCompetition get(long id) {
		List<SkillCompetition> found = jdbc.query("select * from trn_competition where id = ?", this::row, id);
		if (found.isEmpty()) {
			throw new TrainingException(null, "training.competition.notFound", id);
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public List<SkillCompetition> list() {
		return jdbc.query("select * from trn_competition order by held_on desc, id desc", this::row);
	}

	/** The entries with their scores, by place once proposed. */
	@Transactional(readOnly = true)
	public List<SkillCompetition.Entry> entries(long competitionId) {
		SkillCompetition competition = get(competitionId);
		return jdbc.query("select * from trn_entry where competition_id = ? order by award_place nulls last, id",
				(rs, n) -> entryRow(rs, competition), competitionId);
	}

	@Transactional(readOnly = true)
	public SkillCompetition.Entry entry(long entryId) {
		List<Long> competition = jdbc.queryForList("select competition_id from trn_entry where id = ?", Long.class, entryId);
		if (competition.isEmpty()) {
			throw new TrainingException(null, "training.entry.notFound", entryId);
		}
		SkillCompetition found = get(competition.get(0));
		return jdbc.queryForObject("select * from trn_entry where id = ?", (rs, n) -> entryRow(rs, found), entryId);
	}

	/** A person's entries in every competition (for the profile). */
	@Transactional(readOnly = true)
	public List<SkillCompetition.Entry> entriesOf(long personId) {
		return jdbc.queryForList("select id from trn_entry where person_id = ? order by id desc", Long.class, personId)
			.stream()
			.map(this::entry)
			.toList();
	}

	/** The awards of competitions published in [from, to] (for assessment's recomputation). */
	@Transactional(readOnly = true)
	public List<CompetitionAwarded> awards(LocalDate from, LocalDate to) {
		return jdbc.query("select e.id, e.competition_id, e.award_rank, c.published_on, e.person_id, e.unit_id, c.title, e.title "
				+ "from trn_entry e join trn_competition c on c.id = e.competition_id where c.status = 'PUBLISHED' "
				+ "and e.award_rank is not null and c.published_on between ? and ? order by e.id",
				(rs, n) -> new CompetitionAwarded(rs.getLong(1), rs.getLong(2), AwardRank.valueOf(rs.getString(3)),
						rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6), rs.getString(7) + "：" + rs.getString(8)),
				from, to);
	}

	// ---------------------------------------------------------------- helpers

	private SkillCompetition row(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<SkillCompetition.Criterion> criteria = jdbc.query("select id, name, weight from trn_criterion "
				+ "where competition_id = ? order by position", (c, i) -> new SkillCompetition.Criterion(c.getLong(1),
						c.getString(2), c.getInt(3)), id);
		List<Long> judgeIds = jdbc.queryForList("select person_id from trn_judge where competition_id = ? order by position",
				Long.class, id);
		return new SkillCompetition(id, rs.getString("title"),
				SkillCompetition.Kind.valueOf(rs.getString("kind")), SkillArea.valueOf(rs.getString("skill_area")),
				rs.getObject("held_on", LocalDate.class), rs.getString("description"),
				List.of(rs.getString("judges").split("\n")), judgeIds, criteria, rs.getInt("first_count"),
				rs.getInt("second_count"), rs.getInt("third_count"), rs.getBigDecimal("disagreement_threshold"),
				SkillCompetition.Status.valueOf(rs.getString("status")), rs.getObject("published_on", LocalDate.class));
	}

	/** An entry with each judge's normalised total of a complete sheet (null: none yet), in the judges' order. */
	private SkillCompetition.Entry entryRow(ResultSet rs, SkillCompetition competition) throws SQLException {
		long id = rs.getLong("id");
		Map<Long, Integer> maxima = new LinkedHashMap<>();
		competition.criteria().forEach(c -> maxima.put(c.id(), c.weight()));
		Map<Long, Map<Long, BigDecimal>> sheets = new HashMap<>();
		jdbc.query("select judge_person_id, criterion_id, points from trn_sheet where entry_id = ?", r -> {
			sheets.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getLong(2), r.getBigDecimal(3));
		}, id);
		List<BigDecimal> scores = new ArrayList<>();
		for (Long judge : competition.judgePersonIds()) {
			Map<Long, BigDecimal> sheet = sheets.get(judge);
			scores.add(sheet != null && !maxima.isEmpty() && sheet.keySet().containsAll(maxima.keySet())
					? ScoringEngine.normalised(sheet, maxima) : null);
		}
		return new SkillCompetition.Entry(id, rs.getLong("competition_id"), rs.getLong("person_id"), rs.getLong("unit_id"),
				rs.getString("title"), scores, rs.getBigDecimal("final_score"), rs.getObject("judge_count", Integer.class),
				rs.getBigDecimal("spread"), rs.getBoolean("flagged"), rank(rs.getString("proposed_rank")),
				rank(rs.getString("award_rank")), rs.getObject("award_place", Integer.class));
	}

	private static AwardRank rank(String value) {
		return value == null ? null : AwardRank.valueOf(value);
	}

	private static int nz(Integer value) {
		return value == null ? 0 : value;
	}

	private static void requireManager(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.TRAINING_MANAGE);
	}

}
