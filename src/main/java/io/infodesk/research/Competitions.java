package io.infodesk.research;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.research.internal.BlindCopies;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.files.FileRefused;
import io.infodesk.shared.files.FileStore;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.StoredContent;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.PermissionChecks;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Strings;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.time.JdbcTime;

/**
 * Paper competitions (调研论文评比, S3.3-a) with blind review: the office opens a competition (window, criteria and
 * weights, judges, award levels with counts), publicists submit DOCX or PDF papers (recognised by content) within the
 * window, judges score the blind copies of the papers of other units per criterion, the office has awards proposed
 * by {@link ScoringEngine}, confirms and publishes them ({@link PaperAwarded} per award, for assessment) and prints
 * certificates. Every change of state is audited in its transaction; a refused action saves nothing.
 * <p>
 * Blind review: the methods a judge reaches ({@link #papersToJudge}, {@link #blindPaper}, {@link #blindFile},
 * {@link #score}) return {@link BlindPaper} and the blind copy only; the author and unit are read only by
 * {@link #papers} (the office) and {@link #myPapers} (the author) until the results are published.
 * <p>
 * Over ~350 lines because the blind review is a property of this one class: the methods a judge reaches and the
 * two that name authors stand side by side, so that one reading shows what each returns; the scoring arithmetic
 * is {@link ScoringEngine}.
 */
@Service
@Validated
@Transactional
public class Competitions {

	static final String ENTITY = "PaperCompetition";

	static final String PAPER = "ResearchPaper";

	private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcTemplate jdbc;

	private final FileStore files;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Texts texts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Competitions(JdbcTemplate jdbc, FileStore files, Organization organization, ApplicationEventPublisher events,
			AuditTrail audit, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.organization = organization;
		this.events = events;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- competitions (the office)

	public Competition open(@Valid CompetitionForm form, AuthenticatedUser actor) {
		requireManager(actor);
		if (form.closes().isBefore(form.opens())) {
			throw new ResearchException("closes", "research.competition.closes.beforeOpens");
		}
		if (form.judgingCloses().isBefore(form.closes())) {
			throw new ResearchException("judgingCloses", "research.competition.judgingCloses.beforeCloses");
		}
		List<String> names = new ArrayList<>();
		List<Integer> weights = new ArrayList<>();
		for (int i = 0; i < form.criterionNames().size(); i++) {
			String name = form.criterionNames().get(i) == null ? "" : form.criterionNames().get(i).strip();
			Integer weight = i < form.criterionWeights().size() ? form.criterionWeights().get(i) : null;
			if (name.isEmpty() && weight == null) {
				continue;
			}
			if (name.isEmpty() || name.length() > 60 || weight == null || weight < 1 || weight > 100) {
				throw new ResearchException("criterionNames", "research.competition.criterion.invalid", i + 1);
			}
			names.add(name);
			weights.add(weight);
		}
		if (names.isEmpty()) {
			throw new ResearchException("criterionNames", "research.competition.criterion.required");
		}
		int[] counts = { nz(form.firstCount()), nz(form.secondCount()), nz(form.thirdCount()) };
		for (int count : counts) {
			if (count < 0 || count > 100) {
				throw new ResearchException("firstCount", "research.competition.count.range");
			}
		}
		if (counts[0] + counts[1] + counts[2] == 0) {
			throw new ResearchException("firstCount", "research.competition.count.required");
		}
		List<Person> judges = organization.people(form.judgePersonIds().stream().distinct().toList());
		if (judges.size() < 3 || judges.size() != form.judgePersonIds().stream().distinct().count()) {
			throw new ResearchException("judgePersonIds", "research.competition.judges.tooFew", 3);
		}
		Instant now = Instant.now(clock);
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into rsh_competition (title, description, eligibility, "
					+ "submission_opens, submission_closes, judging_closes, disagreement_threshold, status, created_at, "
					+ "created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, form.title().strip());
			ps.setString(2, Strings.blankToNull(form.description()));
			ps.setString(3, Strings.blankToNull(form.eligibility()));
			ps.setObject(4, form.opens());
			ps.setObject(5, form.closes());
			ps.setObject(6, form.judgingCloses());
			ps.setBigDecimal(7, form.disagreementThreshold());
			ps.setString(8, CompetitionStatus.OPEN.name());
			ps.setObject(9, JdbcTime.utc(now));
			ps.setString(10, actor.displayName());
			return ps;
		}, key);
		long id = key.getKey().longValue();
		for (int i = 0; i < names.size(); i++) {
			jdbc.update("insert into rsh_criterion (competition_id, position, name, weight) values (?, ?, ?, ?)", id, i,
					names.get(i), weights.get(i));
		}
		AwardRank[] ranks = AwardRank.values();
		for (int i = 0; i < ranks.length; i++) {
			jdbc.update("insert into rsh_award_level (competition_id, award_rank, award_count) values (?, ?, ?)", id,
					ranks[i].name(), counts[i]);
		}
		for (Person judge : judges) {
			jdbc.update("insert into rsh_judge (competition_id, person_id, unit_id) values (?, ?, ?)", id, judge.getId(),
					judge.getUnitId());
		}
		audit.record("PAPER_COMPETITION_OPENED", ENTITY, id, texts.get("research.audit.opened", form.title().strip(),
				form.opens(), form.closes(), judges.size()));
		return get(id);
	}

	/** Submissions close, judges may score. */
	public Competition startJudging(long id, AuthenticatedUser actor) {
		requireManager(actor);
		Competition competition = get(id);
		if (competition.status() != CompetitionStatus.OPEN) {
			throw ResearchException.of("research.competition.notOpen");
		}
		if (paperCount(id) == 0) {
			throw ResearchException.of("research.competition.noPapers");
		}
		setStatus(id, CompetitionStatus.JUDGING);
		audit.record("PAPER_COMPETITION_JUDGING", ENTITY, id, texts.get("research.audit.judging", competition.title()));
		return get(id);
	}

	/** The office reopens submissions after the window until a day, with a reason (audited). */
	public Competition reopen(long id, LocalDate until, String reason, AuthenticatedUser actor) {
		requireManager(actor);
		Competition competition = get(id);
		if (competition.status() != CompetitionStatus.OPEN) {
			throw ResearchException.of("research.competition.notOpen");
		}
		if (until == null || until.isBefore(LocalDate.now(clock))) {
			throw new ResearchException("until", "research.competition.reopen.untilInvalid");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new ResearchException("reason", "research.competition.reopen.reason");
		}
		jdbc.update("update rsh_competition set reopened_until = ? where id = ?", until, id);
		audit.record("PAPER_COMPETITION_REOPENED", ENTITY, id,
				texts.get("research.audit.reopened", competition.title(), until, reason.strip()));
		return get(id);
	}

	/** Excludes a paper (ineligible, plagiarised …) with a reason: it is not scored nor awarded. */
	public void exclude(long paperId, String reason, AuthenticatedUser actor) {
		requireManager(actor);
		Paper paper = paper(paperId);
		Competition competition = get(paper.competitionId());
		if (competition.published() || competition.status() == CompetitionStatus.PROPOSED) {
			throw ResearchException.of("research.paper.exclude.tooLate");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new ResearchException("reason", "research.paper.exclude.reason");
		}
		jdbc.update("update rsh_paper set excluded = true, exclude_reason = ? where id = ?", reason.strip(), paperId);
		audit.record("RESEARCH_PAPER_EXCLUDED", PAPER, paperId,
				texts.get("research.audit.excluded", paper.code(), paper.title(), reason.strip()));
	}

	/**
	 * Closes scoring and proposes the awards: each judge's complete sheet normalised, the trimmed mean per paper, the
	 * disagreement flag, the levels by count (ties share a level). May be repeated until publication.
	 */
	public List<Paper> propose(long id, AuthenticatedUser actor) {
		requireManager(actor);
		Competition competition = get(id);
		if (competition.status() != CompetitionStatus.JUDGING && competition.status() != CompetitionStatus.PROPOSED) {
			throw ResearchException.of("research.competition.notJudging");
		}
		Map<Long, Integer> maxima = new LinkedHashMap<>();
		competition.criteria().forEach(c -> maxima.put(c.id(), c.weight()));
		// paper → judge → criterion → points
		Map<Long, Map<Long, Map<Long, BigDecimal>>> sheets = new HashMap<>();
		jdbc.query("select s.paper_id, s.judge_person_id, s.criterion_id, s.points from rsh_score s join rsh_paper p "
				+ "on p.id = s.paper_id where p.competition_id = ? and p.excluded = false", rs -> {
					sheets.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
						.computeIfAbsent(rs.getLong(2), k -> new HashMap<>())
						.put(rs.getLong(3), rs.getBigDecimal(4));
				}, id);
		List<ScoringEngine.Entry> entries = new ArrayList<>();
		Map<Long, ScoringEngine.Result> results = new HashMap<>();
		for (Paper paper : papers(id)) {
			if (paper.excluded()) {
				continue;
			}
			List<BigDecimal> totals = sheets.getOrDefault(paper.id(), Map.of())
				.values()
				.stream()
				.filter(sheet -> sheet.keySet().containsAll(maxima.keySet()))
				.map(sheet -> ScoringEngine.normalised(sheet, maxima))
				.toList();
			ScoringEngine.Result result = ScoringEngine.result(totals, competition.disagreementThreshold());
			results.put(paper.id(), result);
			entries.add(new ScoringEngine.Entry(paper.id(), result.score()));
		}
		LinkedHashMap<String, Integer> levels = new LinkedHashMap<>();
		competition.levels().forEach((rank, count) -> levels.put(rank.name(), count));
		jdbc.update("update rsh_paper set final_score = null, judge_count = null, spread = null, flagged = false, "
				+ "proposed_rank = null, award_place = null where competition_id = ?", id);
		for (ScoringEngine.Placing placing : ScoringEngine.awards(entries, levels)) {
			ScoringEngine.Result result = results.get(placing.id());
			jdbc.update("update rsh_paper set final_score = ?, judge_count = ?, spread = ?, flagged = ?, proposed_rank = ?, "
					+ "award_place = ? where id = ?", result.score(), result.judges(), result.spread(), result.flagged(),
					placing.level(), placing.place() == 0 ? null : placing.place(), placing.id());
		}
		setStatus(id, CompetitionStatus.PROPOSED);
		audit.record("PAPER_AWARDS_PROPOSED", ENTITY, id, texts.get("research.audit.proposed", competition.title(),
				entries.size()));
		return papers(id);
	}

	/** The office changes a proposed level before publication (none: no award), audited. */
	public void changeProposal(long paperId, AwardRank rank, AuthenticatedUser actor) {
		requireManager(actor);
		Paper paper = paper(paperId);
		if (get(paper.competitionId()).status() != CompetitionStatus.PROPOSED || paper.excluded()) {
			throw ResearchException.of("research.competition.notProposed");
		}
		jdbc.update("update rsh_paper set proposed_rank = ? where id = ?", rank == null ? null : rank.name(), paperId);
		audit.record("PAPER_AWARD_CHANGED", PAPER, paperId, texts.get("research.audit.changed", paper.code(),
				rank == null ? texts.get("research.rank.none") : texts.label("research.rank.", rank)));
	}

	/** Confirms the proposal and publishes the results: one {@link PaperAwarded} per award. */
	public Competition publish(long id, AuthenticatedUser actor) {
		requireManager(actor);
		Competition competition = get(id);
		if (competition.status() != CompetitionStatus.PROPOSED) {
			throw ResearchException.of("research.competition.notProposed");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.update("update rsh_paper set award_rank = proposed_rank where competition_id = ?", id);
		jdbc.update("update rsh_competition set status = ?, published_on = ? where id = ?",
				CompetitionStatus.PUBLISHED.name(), today, id);
		int awards = 0;
		for (Paper paper : papers(id)) {
			if (paper.awardRank() != null) {
				awards++;
				events.publishEvent(new PaperAwarded(paper.id(), id, paper.awardRank(), today, paper.authorPersonId(),
						paper.unitId(), paper.title()));
			}
		}
		audit.record("PAPER_RESULTS_PUBLISHED", ENTITY, id, texts.get("research.audit.published", competition.title(),
				awards));
		return get(id);
	}

	// ---------------------------------------------------------------- submissions (publicists)

	/** Submits a paper of the actor (the author; the unit is the author's) to an open competition. */
	public Paper submit(long competitionId, String title, Upload upload, AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.RESEARCH_VIEW);
		Competition competition = get(competitionId);
		if (!competition.acceptsSubmissions(LocalDate.now(clock))) {
			throw ResearchException.of("research.paper.windowClosed");
		}
		if (actor.personId() == null) {
			throw ResearchException.of("research.paper.noPerson");
		}
		Person author = organization.person(actor.personId()).orElseThrow(() -> ResearchException.of("research.paper.noPerson"));
		if (title == null || title.isBlank()) {
			throw new ResearchException("title", "research.paper.title.required");
		}
		if (title.strip().length() > 200) {
			throw new ResearchException("title", "research.paper.title.size");
		}
		if (upload == null) {
			throw new ResearchException("file", "research.paper.file.required");
		}
		StoredContent original;
		try {
			original = files.store(upload.open(), upload.size());
		}
		catch (FileRefused refused) {
			throw new ResearchException("file", refused.messageKey(), refused.args());
		}
		if (original.type() != FileType.DOCX && original.type() != FileType.PDF) {
			throw new ResearchException("file", "research.paper.file.type");
		}
		byte[] blind = BlindCopies.of(readAll(files.open(original.sha256())), original.type());
		StoredContent blindCopy = files.store(new java.io.ByteArrayInputStream(blind), blind.length);
		String code = newCode(competitionId);
		String fileName = io.infodesk.shared.files.FileDownload.cleanName(upload.originalName(), "paper");
		jdbc.update("insert into rsh_paper (competition_id, code, title, author_person_id, unit_id, file_name, file_type, "
				+ "file_sha256, file_size, blind_sha256, blind_size, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				competitionId, code, title.strip(), author.getId(), author.getUnitId(), fileName, original.type().name(),
				original.sha256(), original.size(), blindCopy.sha256(), blindCopy.size(),
				JdbcTime.utc(Instant.now(clock)));
		Paper paper = jdbc.queryForObject(PAPER_SELECT + " where competition_id = ? and code = ?", this::paperRow,
				competitionId, code);
		audit.record("RESEARCH_PAPER_SUBMITTED", PAPER, paper.id(),
				texts.get("research.audit.submitted", competition.title(), code, paper.title()));
		return paper;
	}

	/** The actor's own papers (any competition). */
	@Transactional(readOnly = true)
	public List<Paper> myPapers(AuthenticatedUser actor) {
		if (actor.personId() == null) {
			return List.of();
		}
		return jdbc.query(PAPER_SELECT + " where author_person_id = ? order by submitted_at desc", this::paperRow,
				actor.personId());
	}

	/** The original file, for the office or the author. */
	@Transactional(readOnly = true)
	public Resource originalFile(long paperId, AuthenticatedUser actor) {
		Paper paper = paper(paperId);
		if (!actor.can(Permissions.RESEARCH_MANAGE) && !isAuthor(paper, actor)) {
			throw new AccessDeniedException(Permissions.RESEARCH_MANAGE);
		}
		return files.open(jdbc.queryForObject("select file_sha256 from rsh_paper where id = ?", String.class, paperId));
	}

	// ---------------------------------------------------------------- judging (blind)

	/** The competitions the actor judges. */
	@Transactional(readOnly = true)
	public List<Competition> judgedBy(AuthenticatedUser actor) {
		if (actor.personId() == null) {
			return List.of();
		}
		return jdbc.queryForList("select competition_id from rsh_judge where person_id = ? order by competition_id desc",
				Long.class, actor.personId()).stream().map(this::get).toList();
	}

	/**
	 * The papers the actor may score in a competition they judge: not excluded, not of their own unit; blind.
	 */
	@Transactional(readOnly = true)
	public List<BlindPaper> papersToJudge(long competitionId, AuthenticatedUser actor) {
		long unitId = judgeUnit(competitionId, actor);
		Competition competition = get(competitionId);
		Map<Long, Integer> maxima = new LinkedHashMap<>();
		competition.criteria().forEach(c -> maxima.put(c.id(), c.weight()));
		return jdbc.query("select id, competition_id, code, title, file_type, blind_size from rsh_paper "
				+ "where competition_id = ? and excluded = false and unit_id <> ? order by code", (rs, n) -> {
					long paperId = rs.getLong(1);
					Map<Long, BigDecimal> mine = myScores(paperId, actor.personId());
					return new BlindPaper(paperId, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getLong(6), mine.keySet().containsAll(maxima.keySet()) && !mine.isEmpty()
									? ScoringEngine.normalised(mine, maxima) : null);
				}, competitionId, unitId);
	}

	/** One paper for the judge (refused for a paper of the judge's own unit or outside the competitions judged). */
	@Transactional(readOnly = true)
	public BlindPaper blindPaper(long paperId, AuthenticatedUser actor) {
		long competitionId = competitionOf(paperId);
		return papersToJudge(competitionId, actor).stream()
			.filter(p -> p.id() == paperId)
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("research:judge"));
	}

	/** The judge's own points for a paper, by criterion id. */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> myScores(long paperId, Long judgePersonId) {
		Map<Long, BigDecimal> points = new LinkedHashMap<>();
		if (judgePersonId == null) {
			return points;
		}
		jdbc.query("select criterion_id, points from rsh_score where paper_id = ? and judge_person_id = ?",
				rs -> {
					points.put(rs.getLong(1), rs.getBigDecimal(2));
				}, paperId, judgePersonId);
		return points;
	}

	/** The blind copy (document metadata stripped) of a paper the actor may judge. */
	@Transactional(readOnly = true)
	public Resource blindFile(long paperId, AuthenticatedUser actor) {
		BlindPaper paper = blindPaper(paperId, actor);
		return files.open(jdbc.queryForObject("select blind_sha256 from rsh_paper where id = ?", String.class, paper.id()));
	}

	/**
	 * A judge's sheet for a paper: every criterion between 0 and its weight, within the judging period, not on an
	 * excluded paper nor one of the judge's unit. Replaces the judge's earlier sheet.
	 */
	public BlindPaper score(long paperId, Map<Long, BigDecimal> points, AuthenticatedUser actor) {
		long competitionId = competitionOf(paperId);
		long unitId = judgeUnit(competitionId, actor);
		Competition competition = get(competitionId);
		if (!competition.acceptsScores(LocalDate.now(clock))) {
			throw ResearchException.of("research.score.closed");
		}
		Map<String, Object> row = jdbc.queryForMap("select excluded, unit_id from rsh_paper where id = ?", paperId);
		if (Boolean.TRUE.equals(row.get("excluded"))) {
			throw ResearchException.of("research.score.excluded");
		}
		if (((Number) row.get("unit_id")).longValue() == unitId) {
			throw ResearchException.of("research.score.ownUnit");
		}
		for (Competition.Criterion criterion : competition.criteria()) {
			BigDecimal value = points.get(criterion.id());
			if (value == null) {
				throw new ResearchException("c" + criterion.id(), "research.score.required", criterion.name());
			}
			if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(criterion.weight())) > 0 || value.scale() > 1
					&& value.stripTrailingZeros().scale() > 1) {
				throw new ResearchException("c" + criterion.id(), "research.score.range", criterion.name(),
						criterion.weight());
			}
		}
		jdbc.update("delete from rsh_score where paper_id = ? and judge_person_id = ?", paperId, actor.personId());
		Instant now = Instant.now(clock);
		for (Competition.Criterion criterion : competition.criteria()) {
			jdbc.update("insert into rsh_score (paper_id, judge_person_id, criterion_id, points, scored_at) values (?, ?, ?, ?, ?)",
					paperId, actor.personId(), criterion.id(), points.get(criterion.id()), JdbcTime.utc(now));
		}
		BlindPaper scored = blindPaper(paperId, actor);
		audit.record("RESEARCH_PAPER_SCORED", PAPER, paperId, texts.get("research.audit.scored", scored.code(),
				scored.myTotal()));
		return scored;
	}

	/** Whether the actor judges the competition. */
	@Transactional(readOnly = true)
	public boolean judges(long competitionId, AuthenticatedUser actor) {
		return actor.personId() != null && !jdbc.queryForList(
				"select unit_id from rsh_judge where competition_id = ? and person_id = ?", Long.class, competitionId,
				actor.personId()).isEmpty();
	}

	/** How many complete sheets each judge has given in the competition (person id → count), for the office. */
	@Transactional(readOnly = true)
	public Map<Long, Long> sheetsPerJudge(long competitionId) {
		Map<Long, Long> counts = new LinkedHashMap<>();
		get(competitionId).judgePersonIds().forEach(id -> counts.put(id, 0L));
		jdbc.query("select s.judge_person_id, count(distinct s.paper_id) from rsh_score s join rsh_paper p on p.id = s.paper_id "
				+ "where p.competition_id = ? group by s.judge_person_id", rs -> {
					counts.put(rs.getLong(1), rs.getLong(2));
				}, competitionId);
		return counts;
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Competition get(long id) {
		List<Competition> found = jdbc.query("select * from rsh_competition where id = ?", (rs, n) -> competitionRow(rs), id);
		if (found.isEmpty()) {
			throw ResearchException.of("research.competition.notFound", id);
		}
		return found.get(0);
	}

	@Transactional(readOnly = true)
	public List<Competition> list() {
		return jdbc.query("select * from rsh_competition order by submission_opens desc, id desc", (rs, n) -> competitionRow(rs));
	}

	/** Every paper with author and unit: for the office (and everybody once the results are published). */
	@Transactional(readOnly = true)
	public List<Paper> papers(long competitionId) {
		return jdbc.query(PAPER_SELECT + " where competition_id = ? order by award_place nulls last, code", this::paperRow,
				competitionId);
	}

	/** The published results (awarded and placed papers), for everybody; empty before publication. */
	@Transactional(readOnly = true)
	public List<Paper> results(long competitionId) {
		return get(competitionId).published() ? papers(competitionId).stream().filter(p -> !p.excluded()).toList() : List.of();
	}

	@Transactional(readOnly = true)
	public Paper paper(long paperId) {
		List<Paper> found = jdbc.query(PAPER_SELECT + " where id = ?", this::paperRow, paperId);
		if (found.isEmpty()) {
			throw ResearchException.of("research.paper.notFound", paperId);
		}
		return found.get(0);
	}

	/** The awards of published competitions whose day falls in [from, to] (for assessment's recomputation). */
	@Transactional(readOnly = true)
	public List<PaperAwarded> awards(LocalDate from, LocalDate to) {
		return jdbc.query("select p.id, p.competition_id, p.award_rank, c.published_on, p.author_person_id, p.unit_id, p.title "
				+ "from rsh_paper p join rsh_competition c on c.id = p.competition_id where c.status = 'PUBLISHED' "
				+ "and p.award_rank is not null and c.published_on between ? and ? order by p.id",
				(rs, n) -> new PaperAwarded(rs.getLong(1), rs.getLong(2), AwardRank.valueOf(rs.getString(3)),
						rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6), rs.getString(7)),
				from, to);
	}

	/** The certificate (荣誉证书) of an awarded paper of a published competition, as DOCX. */
	@Transactional(readOnly = true)
	public byte[] certificate(long paperId, AuthenticatedUser actor) {
		Paper paper = paper(paperId);
		Competition competition = get(paper.competitionId());
		if (!competition.published() || paper.awardRank() == null) {
			throw ResearchException.of("research.certificate.notAwarded");
		}
		if (!actor.can(Permissions.RESEARCH_MANAGE) && !isAuthor(paper, actor)) {
			throw new AccessDeniedException(Permissions.RESEARCH_MANAGE);
		}
		String author = organization.person(paper.authorPersonId()).map(Person::getName).orElse("");
		String unit = organization.unit(paper.unitId()).map(Unit::getName).orElse("");
		return OfficialDocument.builder()
			.title(texts.get("research.certificate.title"))
			.paragraph(texts.get("research.certificate.addressee", author, unit))
			.paragraph(texts.get("research.certificate.body", paper.title(), competition.title(),
					texts.label("research.rank.", paper.awardRank())))
			.paragraph(texts.get("research.certificate.closing"))
			.unsealedSignature(texts.get("research.certificate.issuer"), competition.publishedOn())
			.build()
			.toBytes();
	}

	// ---------------------------------------------------------------- helpers

	private static final String PAPER_SELECT = "select id, competition_id, code, title, author_person_id, unit_id, "
			+ "file_name, file_type, file_size, submitted_at, excluded, exclude_reason, final_score, judge_count, spread, "
			+ "flagged, proposed_rank, award_rank, award_place from rsh_paper";

	private Paper paperRow(ResultSet rs, int n) throws SQLException {
		return new Paper(rs.getLong("id"), rs.getLong("competition_id"), rs.getString("code"), rs.getString("title"),
				rs.getLong("author_person_id"), rs.getLong("unit_id"), rs.getString("file_name"), rs.getString("file_type"),
				rs.getLong("file_size"), rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("excluded"),
				rs.getString("exclude_reason"), rs.getBigDecimal("final_score"), (Integer) rs.getObject("judge_count", Integer.class),
				rs.getBigDecimal("spread"), rs.getBoolean("flagged"), rank(rs.getString("proposed_rank")),
				rank(rs.getString("award_rank")), rs.getObject("award_place", Integer.class));
	}

	private Competition competitionRow(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<Competition.Criterion> criteria = jdbc.query(
				"select id, name, weight from rsh_criterion where competition_id = ? order by position",
				(r, n) -> new Competition.Criterion(r.getLong(1), r.getString(2), r.getInt(3)), id);
		LinkedHashMap<AwardRank, Integer> levels = new LinkedHashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		jdbc.query("select award_rank, award_count from rsh_award_level where competition_id = ?", r -> {
			counts.put(r.getString(1), r.getInt(2));
		}, id);
		for (AwardRank rank : AwardRank.values()) {
			levels.put(rank, counts.getOrDefault(rank.name(), 0));
		}
		List<Long> judges = jdbc.queryForList("select person_id from rsh_judge where competition_id = ? order by person_id",
				Long.class, id);
		return new Competition(id, rs.getString("title"), rs.getString("description"), rs.getString("eligibility"),
				rs.getObject("submission_opens", LocalDate.class), rs.getObject("submission_closes", LocalDate.class),
				rs.getObject("judging_closes", LocalDate.class), rs.getObject("reopened_until", LocalDate.class),
				rs.getBigDecimal("disagreement_threshold"), CompetitionStatus.valueOf(rs.getString("status")),
				rs.getObject("published_on", LocalDate.class), criteria, levels, judges);
	}

	private static AwardRank rank(String value) {
		return value == null ? null : AwardRank.valueOf(value);
	}

	private long judgeUnit(long competitionId, AuthenticatedUser actor) {
		if (actor.personId() == null) {
			throw new AccessDeniedException("research:judge");
		}
		List<Long> unit = jdbc.queryForList("select unit_id from rsh_judge where competition_id = ? and person_id = ?",
				Long.class, competitionId, actor.personId());
		if (unit.isEmpty()) {
			throw new AccessDeniedException("research:judge");
		}
		return unit.get(0);
	}

	private long competitionOf(long paperId) {
		List<Long> found = jdbc.queryForList("select competition_id from rsh_paper where id = ?", Long.class, paperId);
		if (found.isEmpty()) {
			throw ResearchException.of("research.paper.notFound", paperId);
		}
		return found.get(0);
	}

	private long paperCount(long competitionId) {
		return jdbc.queryForObject("select count(*) from rsh_paper where competition_id = ? and excluded = false",
				Long.class, competitionId);
	}

	private void setStatus(long id, CompetitionStatus status) {
		jdbc.update("update rsh_competition set status = ? where id = ?", status.name(), id);
	}

	private String newCode(long competitionId) {
		for (;;) {
			StringBuilder code = new StringBuilder("LW-");
			for (int i = 0; i < 6; i++) {
				code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
			}
			if (jdbc.queryForObject("select count(*) from rsh_paper where competition_id = ? and code = ?", Integer.class,
					competitionId, code.toString()) == 0) {
				return code.toString();
			}
		}
	}

	private static boolean isAuthor(Paper paper, AuthenticatedUser actor) {
		return actor.personId() != null && actor.personId() == paper.authorPersonId();
	}

	private static void requireManager(AuthenticatedUser actor) {
		PermissionChecks.require(actor, Permissions.RESEARCH_MANAGE);
	}

	private static byte[] readAll(Resource resource) {
		try (var in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static int nz(Integer value) {
		return value == null ? 0 : value;
	}

}
