package io.infodesk.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Skills competitions (技能竞赛) and planning practice (专题策划实践, S4-b): the organiser opens one (skill area, day,
 * the judges on site, award counts), enters the entries and each judge's total (0–100) per entry, has the awards
 * proposed by research's {@link ScoringEngine} (trimmed mean from five judges, the spread flagged, ties sharing the
 * level) and publishes them — one {@link CompetitionAwarded} per award, for assessment. Audited; a refused action
 * saves nothing.
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

	/** What the organiser enters for a competition; judges one name a line (or separated by 、 , ，). */
	public record Form(String title, SkillCompetition.Kind kind, SkillArea skillArea,
			@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate heldOn,
			String description, String judges, Integer firstCount, Integer secondCount, Integer thirdCount,
			BigDecimal disagreementThreshold) {

		public static Form blank(LocalDate today) {
			return new Form("", SkillCompetition.Kind.SKILLS, SkillArea.WRITING, today, "", "", 1, 2, 3, BigDecimal.valueOf(20));
		}

		List<String> judgeNames() {
			return judges == null ? List.of()
					: Arrays.stream(judges.split("[\\r\\n,，、;；]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
		List<String> judges = form.judgeNames();
		if (judges.size() < 3 || judges.size() > 15 || String.join("、", judges).length() > 500) {
			throw new TrainingException("judges", "training.competition.judges.count");
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
			ps.setObject(12, Instant.now(clock).atOffset(ZoneOffset.UTC));
			ps.setString(13, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
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

	/** Each judge's total (0–100, one decimal) for an entry, in the order of the judges; blanks: not scored yet. */
	public SkillCompetition.Entry score(long entryId, List<BigDecimal> totals, AuthenticatedUser actor) {
		requireManager(actor);
		SkillCompetition.Entry entry = entry(entryId);
		SkillCompetition competition = get(entry.competitionId());
		if (competition.status() != SkillCompetition.Status.OPEN) {
			throw new TrainingException(null, "training.competition.notOpen");
		}
		if (totals.size() > competition.judges().size()) {
			throw new TrainingException(null, "training.score.tooMany");
		}
		for (int i = 0; i < totals.size(); i++) {
			BigDecimal value = totals.get(i);
			if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
					|| value.stripTrailingZeros().scale() > 1)) {
				throw new TrainingException("s" + i, "training.score.range", competition.judges().get(i));
			}
		}
		jdbc.update("delete from trn_entry_score where entry_id = ?", entryId);
		for (int i = 0; i < totals.size(); i++) {
			if (totals.get(i) != null) {
				jdbc.update("insert into trn_entry_score (entry_id, judge_no, points) values (?, ?, ?)", entryId, i,
						totals.get(i));
			}
		}
		String name = organization.person(entry.personId()).map(Person::getName).orElse("");
		audit.record("SKILL_ENTRY_SCORED", ENTITY, competition.id(), texts.get("training.audit.scored", competition.title(),
				name, totals.stream().filter(java.util.Objects::nonNull).count()));
		return entry(entryId);
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
		List<SkillCompetition> found = jdbc.query("select * from trn_competition where id = ?", SkillCompetitions::row, id);
		if (found.isEmpty()) {
			throw new TrainingException(null, "training.competition.notFound", id);
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public List<SkillCompetition> list() {
		return jdbc.query("select * from trn_competition order by held_on desc, id desc", SkillCompetitions::row);
	}

	/** The entries with their scores, by place once proposed. */
	@Transactional(readOnly = true)
	public List<SkillCompetition.Entry> entries(long competitionId) {
		int judges = get(competitionId).judges().size();
		return jdbc.query("select * from trn_entry where competition_id = ? order by award_place nulls last, id",
				(rs, n) -> entryRow(rs, judges), competitionId);
	}

	@Transactional(readOnly = true)
	public SkillCompetition.Entry entry(long entryId) {
		List<Long> competition = jdbc.queryForList("select competition_id from trn_entry where id = ?", Long.class, entryId);
		if (competition.isEmpty()) {
			throw new TrainingException(null, "training.entry.notFound", entryId);
		}
		int judges = get(competition.get(0)).judges().size();
		return jdbc.queryForObject("select * from trn_entry where id = ?", (rs, n) -> entryRow(rs, judges), entryId);
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

	private static SkillCompetition row(ResultSet rs, int n) throws SQLException {
		return new SkillCompetition(rs.getLong("id"), rs.getString("title"),
				SkillCompetition.Kind.valueOf(rs.getString("kind")), SkillArea.valueOf(rs.getString("skill_area")),
				rs.getObject("held_on", LocalDate.class), rs.getString("description"),
				List.of(rs.getString("judges").split("\n")), rs.getInt("first_count"), rs.getInt("second_count"),
				rs.getInt("third_count"), rs.getBigDecimal("disagreement_threshold"),
				SkillCompetition.Status.valueOf(rs.getString("status")), rs.getObject("published_on", LocalDate.class));
	}

	private SkillCompetition.Entry entryRow(ResultSet rs, int judges) throws SQLException {
		long id = rs.getLong("id");
		List<BigDecimal> scores = new ArrayList<>(java.util.Collections.nCopies(judges, (BigDecimal) null));
		jdbc.query("select judge_no, points from trn_entry_score where entry_id = ?", r -> {
			int no = r.getInt(1);
			if (no < judges) {
				scores.set(no, r.getBigDecimal(2));
			}
		}, id);
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
		if (!actor.can(Permissions.TRAINING_MANAGE)) {
			throw new AccessDeniedException(Permissions.TRAINING_MANAGE);
		}
	}

}
