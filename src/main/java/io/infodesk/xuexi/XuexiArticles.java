package io.infodesk.xuexi;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.infodesk.audit.AuditTrail;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.review.ReviewChains;
import io.infodesk.review.ReviewProcess;
import io.infodesk.review.ReviewProgress;
import io.infodesk.review.ReviewTrack;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;

/**
 * Article supply (组稿、投稿, S3.4-d): the quotas handed down per period and level and distributed to units, the
 * articles drafted by the units and signed off through the review chain ({@link ReviewChains}, document type
 * {@link Article#DOCUMENT_TYPE}), their submission (date, channel) and adoption by a level (date, link), which
 * publishes {@link ArticleAdopted} for assessment's {@code XUEXI_ARTICLE} points; quota progress per unit; the guidance
 * beside the form (editable). Every change audited; bad input refused in Chinese before anything is written.
 */
@Service
@Transactional
public class XuexiArticles {

	static final String GUIDANCE = "article-guidance";

	static final int MAX_QUOTA = 1000;

	private final JdbcTemplate jdbc;

	private final Organization organization;

	private final ReviewChains reviewChains;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Texts texts;

	private final Clock clock;

	XuexiArticles(JdbcTemplate jdbc, Organization organization, ReviewChains reviewChains, AuditTrail audit,
			ApplicationEventPublisher events, Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.reviewChains = reviewChains;
		this.audit = audit;
		this.events = events;
		this.texts = texts;
		this.clock = clock;
	}

	// ---- quotas --------------------------------------------------------------------------------

	/** A quota of a unit: so many articles adopted at the level within the period (a year or one of its quarters). */
	public record Quota(long id, long unitId, String unitName, PlatformLevel level, LocalDate from, LocalDate to,
			int quota) {

		public int quarter() {
			return from.getMonthValue() == 1 && to.getMonthValue() == 12 ? 0 : (from.getMonthValue() - 1) / 3 + 1;
		}

	}

	/** Quota form: unit, level, year, quarter (0 = the whole year), number of articles. */
	public record QuotaForm(Long unitId, PlatformLevel level, Integer year, Integer quarter, Integer quota) {

	}

	/** A unit's progress against one quota: articles submitted and adopted at the level within the period. */
	public record Progress(Quota quota, int submitted, int adopted) {

		public boolean met() {
			return adopted >= quota.quota();
		}

		public int percent() {
			return quota.quota() == 0 ? 100 : Math.min(100, adopted * 100 / quota.quota());
		}

	}

	/** Sets (or changes) the quota of a unit for a level and period; 0 removes nothing but asks for none. */
	public Quota setQuota(QuotaForm form, AuthenticatedUser actor) {
		require(actor, Permissions.XUEXI_MANAGE);
		Unit unit = form.unitId() == null ? null : organization.unit(form.unitId()).filter(Unit::isActive).orElse(null);
		if (unit == null) {
			throw new XuexiException("unitId", "xuexi.quota.error.unit");
		}
		if (form.level() == null) {
			throw new XuexiException("level", "xuexi.quota.error.level");
		}
		int thisYear = LocalDate.now(clock).getYear();
		if (form.year() == null || form.year() < thisYear - 1 || form.year() > thisYear + 1) {
			throw new XuexiException("year", "xuexi.quota.error.year", thisYear - 1, thisYear + 1);
		}
		int quarter = form.quarter() == null ? 0 : form.quarter();
		if (quarter < 0 || quarter > 4) {
			throw new XuexiException("quarter", "xuexi.quota.error.quarter");
		}
		if (form.quota() == null || form.quota() < 0 || form.quota() > MAX_QUOTA) {
			throw new XuexiException("quota", "xuexi.quota.error.quota", MAX_QUOTA);
		}
		LocalDate from = quarter == 0 ? LocalDate.of(form.year(), 1, 1) : LocalDate.of(form.year(), quarter * 3 - 2, 1);
		LocalDate to = quarter == 0 ? LocalDate.of(form.year(), 12, 31)
				: from.plusMonths(3).minusDays(1);
		Timestamp now = Timestamp.from(Instant.now(clock));
		int updated = jdbc.update(
				"update xuexi_quota set quota = ?, period_to = ?, updated_at = ? where unit_id = ? and level = ? and period_from = ?",
				form.quota(), Date.valueOf(to), now, unit.getId(), form.level().name(), Date.valueOf(from));
		if (updated == 0) {
			jdbc.update("""
					insert into xuexi_quota (unit_id, level, period_from, period_to, quota, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?)""", unit.getId(), form.level().name(), Date.valueOf(from),
					Date.valueOf(to), form.quota(), now, now);
		}
		Quota quota = quotas(form.year(), DataScope.all()).stream()
			.filter(q -> q.unitId() == unit.getId() && q.level() == form.level() && q.from().equals(from))
			.findFirst()
			.orElseThrow();
		audit.record("XUEXI_QUOTA_SET", "XuexiQuota", quota.id(), texts.get("xuexi.audit.quotaSet", unit.getName(),
				texts.label("xuexi.level.", form.level()), periodLabel(quota), form.quota()));
		return quota;
	}

	public String periodLabel(Quota quota) {
		return quota.quarter() == 0 ? texts.get("xuexi.quota.period.year", quota.from().getYear())
				: texts.get("xuexi.quota.period.quarter", quota.from().getYear(), quota.quarter());
	}

	@Transactional(readOnly = true)
	public List<Quota> quotas(int year, DataScope scope) {
		Map<Long, String> units = unitNames();
		return jdbc.query("""
				select id, unit_id, level, period_from, period_to, quota from xuexi_quota
				where period_from between ? and ? order by period_from, level, unit_id""",
				(rs, n) -> new Quota(rs.getLong(1), rs.getLong(2), units.getOrDefault(rs.getLong(2), ""),
						PlatformLevel.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
						rs.getObject(5, LocalDate.class), rs.getInt(6)),
				Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
			.stream()
			.filter(q -> scope.includes(q.unitId()))
			.toList();
	}

	/** Every quota of the year in scope with the unit's articles submitted and adopted at its level in its period. */
	@Transactional(readOnly = true)
	public List<Progress> progress(int year, DataScope scope) {
		List<Quota> quotas = quotas(year, scope);
		if (quotas.isEmpty()) {
			return List.of();
		}
		record Done(long unitId, PlatformLevel level, LocalDate on) {
		}
		List<Done> submitted = jdbc.query(
				"select unit_id, target_level, submitted_on from xuexi_article where submitted_on between ? and ?",
				(rs, n) -> new Done(rs.getLong(1), PlatformLevel.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)),
				Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
		List<Done> adopted = jdbc.query("""
				select a.unit_id, d.level, d.adopted_on from xuexi_adoption d join xuexi_article a on a.id = d.article_id
				where d.adopted_on between ? and ?""",
				(rs, n) -> new Done(rs.getLong(1), PlatformLevel.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)),
				Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
		List<Progress> progress = new ArrayList<>();
		for (Quota quota : quotas) {
			java.util.function.Predicate<Done> inQuota = d -> d.unitId() == quota.unitId() && d.level() == quota.level()
					&& !d.on().isBefore(quota.from()) && !d.on().isAfter(quota.to());
			progress.add(new Progress(quota, (int) submitted.stream().filter(inQuota).count(),
					(int) adopted.stream().filter(inQuota).count()));
		}
		return progress;
	}

	// ---- guidance ------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public String guidance() {
		List<String> values = jdbc.queryForList("select setting_value from xuexi_setting where setting_key = ?",
				String.class, GUIDANCE);
		return values.isEmpty() ? texts.get("xuexi.article.defaultGuidance") : values.get(0);
	}

	public void saveGuidance(String text, AuthenticatedUser actor) {
		require(actor, Permissions.XUEXI_MANAGE);
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			throw new XuexiException("guidance", "xuexi.article.error.guidanceRequired");
		}
		if (value.length() > 2000) {
			throw new XuexiException("guidance", "xuexi.article.error.guidanceSize");
		}
		if (jdbc.update("update xuexi_setting set setting_value = ? where setting_key = ?", value, GUIDANCE) == 0) {
			jdbc.update("insert into xuexi_setting (setting_key, setting_value) values (?, ?)", GUIDANCE, value);
		}
		audit.record("XUEXI_GUIDANCE_UPDATED", "XuexiSetting", GUIDANCE, texts.get("xuexi.audit.guidance"));
	}

	// ---- articles ------------------------------------------------------------------------------

	public Article create(ArticleForm form, AuthenticatedUser actor, DataScope scope) {
		require(actor, Permissions.XUEXI_CONTRIBUTE);
		Checked checked = check(form, scope);
		Timestamp now = Timestamp.from(Instant.now(clock));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("""
					insert into xuexi_article (unit_id, title, body, photos, target_level, status, drafter_user_id,
					drafter_person_id, revision, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
					new String[] { "id" });
			statement.setLong(1, checked.unitId());
			statement.setString(2, checked.title());
			statement.setString(3, checked.body());
			statement.setInt(4, checked.photos());
			statement.setString(5, form.targetLevel().name());
			statement.setString(6, Article.Status.DRAFT.name());
			statement.setLong(7, actor.userId());
			if (actor.personId() == null) {
				statement.setNull(8, java.sql.Types.BIGINT);
			}
			else {
				statement.setLong(8, actor.personId());
			}
			statement.setTimestamp(9, now);
			statement.setTimestamp(10, now);
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		writeAuthors(id, checked.authors());
		audit.record("XUEXI_ARTICLE_CREATED", "XuexiArticle", id, texts.get("xuexi.audit.articleCreated", checked.title()));
		return get(id, scope);
	}

	public Article update(long id, ArticleForm form, AuthenticatedUser actor, DataScope scope) {
		require(actor, Permissions.XUEXI_CONTRIBUTE);
		Article article = get(id, scope);
		if (!article.status().editable()) {
			throw XuexiException.of("xuexi.article.error.notEditable", texts.label("xuexi.article.status.", article.status()));
		}
		Checked checked = check(form, scope);
		jdbc.update("""
				update xuexi_article set unit_id = ?, title = ?, body = ?, photos = ?, target_level = ?,
				revision = revision + 1, updated_at = ? where id = ?""", checked.unitId(), checked.title(), checked.body(),
				checked.photos(), form.targetLevel().name(), Timestamp.from(Instant.now(clock)), id);
		jdbc.update("delete from xuexi_article_author where article_id = ?", id);
		writeAuthors(id, checked.authors());
		audit.record("XUEXI_ARTICLE_UPDATED", "XuexiArticle", id, texts.get("xuexi.audit.articleUpdated", checked.title()));
		return get(id, scope);
	}

	private void writeAuthors(long id, List<Long> authors) {
		jdbc.batchUpdate("insert into xuexi_article_author (article_id, person_id) values (?, ?)",
				authors.stream().map(p -> new Object[] { id, p }).toList());
	}

	private record Checked(long unitId, String title, String body, int photos, List<Long> authors) {
	}

	private Checked check(ArticleForm form, DataScope scope) {
		Unit unit = form.unitId() == null ? null : organization.unit(form.unitId()).filter(Unit::isActive).orElse(null);
		if (unit == null) {
			throw new XuexiException("unitId", "xuexi.article.error.unit");
		}
		if (!scope.includes(unit.getId())) {
			throw new XuexiException("unitId", "xuexi.article.error.unitOutOfScope");
		}
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty()) {
			throw new XuexiException("title", "xuexi.article.error.title");
		}
		if (title.length() > 200) {
			throw new XuexiException("title", "xuexi.article.error.titleSize");
		}
		String body = form.body() == null ? "" : form.body().strip();
		if (body.isEmpty()) {
			throw new XuexiException("body", "xuexi.article.error.body");
		}
		if (body.length() > 20000) {
			throw new XuexiException("body", "xuexi.article.error.bodySize");
		}
		int photos = form.photos() == null ? 0 : form.photos();
		if (photos < 0 || photos > 100) {
			throw new XuexiException("photos", "xuexi.article.error.photos");
		}
		if (form.targetLevel() == null) {
			throw new XuexiException("targetLevel", "xuexi.article.error.level");
		}
		List<Long> authors = new ArrayList<>(new LinkedHashSet<>(form.authorIds().stream().filter(java.util.Objects::nonNull).toList()));
		if (authors.isEmpty()) {
			throw new XuexiException("authorIds", "xuexi.article.error.authors");
		}
		for (Person person : organization.people(authors)) {
			if (!person.isActive() || person.getUnitId() != unit.getId()) {
				throw new XuexiException("authorIds", "xuexi.article.error.authorUnit", person.getName(), unit.getName());
			}
		}
		if (organization.people(authors).size() != authors.size()) {
			throw new XuexiException("authorIds", "xuexi.article.error.authors");
		}
		return new Checked(unit.getId(), title, body, photos, authors);
	}

	/** Submits the draft (or the returned article) into the review chain of its unit. */
	public Article submitForReview(long id, AuthenticatedUser actor, DataScope scope) {
		require(actor, Permissions.XUEXI_CONTRIBUTE);
		Article article = get(id, scope);
		if (!article.status().editable()) {
			throw XuexiException.of("xuexi.article.error.notEditable", texts.label("xuexi.article.status.", article.status()));
		}
		reviewChains.start(article.ref(), ReviewTrack.NORMAL, actor);
		return get(id, scope);
	}

	/** The review chain moved (called by the chain inside its transaction): the article follows. */
	public void reviewChanged(long id, ReviewProgress progress) {
		Article.Status status = switch (progress.status()) {
			case IN_REVIEW -> Article.Status.IN_REVIEW;
			case RETURNED -> Article.Status.RETURNED;
			case APPROVED -> Article.Status.SIGNED_OFF;
		};
		jdbc.update("update xuexi_article set status = ?, updated_at = ? where id = ?", status.name(),
				Timestamp.from(Instant.now(clock)), id);
	}

	/** The current reviewer approves the step the article waits at (round and step as the page showed them). */
	public Article approve(long id, int round, int step, String comment, AuthenticatedUser actor, DataScope scope) {
		get(id, scope);
		reviewChains.approve(Article.ref(id), round, step, comment, actor);
		return get(id, scope);
	}

	/** The current reviewer returns the article to its drafter with a comment. */
	public Article returnToDrafter(long id, int round, int step, String comment, AuthenticatedUser actor,
			DataScope scope) {
		get(id, scope);
		reviewChains.returnToDrafter(Article.ref(id), round, step, comment, actor);
		return get(id, scope);
	}

	/** Records that the signed-off article was submitted to the platform (投稿). */
	public Article recordSubmission(long id, LocalDate on, String channel, AuthenticatedUser actor, DataScope scope) {
		require(actor, Permissions.XUEXI_CONTRIBUTE);
		Article article = get(id, scope);
		if (article.status() != Article.Status.SIGNED_OFF && article.status() != Article.Status.SUBMITTED) {
			throw XuexiException.of("xuexi.article.error.notSignedOff");
		}
		LocalDate today = LocalDate.now(clock);
		if (on == null) {
			throw new XuexiException("submittedOn", "xuexi.article.error.submittedOn");
		}
		if (on.isAfter(today)) {
			throw new XuexiException("submittedOn", "xuexi.article.error.future", on);
		}
		String value = channel == null ? "" : channel.strip();
		if (value.isEmpty() || value.length() > 200) {
			throw new XuexiException("channel", "xuexi.article.error.channel");
		}
		jdbc.update("update xuexi_article set status = ?, submitted_on = ?, channel = ?, updated_at = ? where id = ?",
				Article.Status.SUBMITTED.name(), Date.valueOf(on), value, Timestamp.from(Instant.now(clock)), id);
		audit.record("XUEXI_ARTICLE_SUBMITTED", "XuexiArticle", id,
				texts.get("xuexi.audit.articleSubmitted", article.title(), on, value));
		return get(id, scope);
	}

	/** Records the adoption by a level (date, link): once per level; publishes {@link ArticleAdopted}. */
	public Article recordAdoption(long id, PlatformLevel level, LocalDate on, String link, AuthenticatedUser actor,
			DataScope scope) {
		require(actor, Permissions.XUEXI_CONTRIBUTE);
		Article article = get(id, scope);
		if (article.status() != Article.Status.SUBMITTED && article.status() != Article.Status.ADOPTED) {
			throw XuexiException.of("xuexi.article.error.notSubmitted");
		}
		if (level == null) {
			throw new XuexiException("level", "xuexi.article.error.level");
		}
		if (article.adoptedAt(level)) {
			throw new XuexiException("level", "xuexi.article.error.adoptedTwice", texts.label("xuexi.level.", level));
		}
		if (on == null) {
			throw new XuexiException("adoptedOn", "xuexi.article.error.adoptedOn");
		}
		if (on.isAfter(LocalDate.now(clock))) {
			throw new XuexiException("adoptedOn", "xuexi.article.error.future", on);
		}
		if (on.isBefore(article.submittedOn())) {
			throw new XuexiException("adoptedOn", "xuexi.article.error.beforeSubmission", on, article.submittedOn());
		}
		String value = link == null || link.isBlank() ? null : link.strip();
		if (value != null && (value.length() > 500 || !webLink(value))) {
			throw new XuexiException("link", "xuexi.article.error.link");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now(clock));
		jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"insert into xuexi_adoption (article_id, level, adopted_on, link, created_at) values (?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(1, id);
			statement.setString(2, level.name());
			statement.setDate(3, Date.valueOf(on));
			statement.setString(4, value);
			statement.setTimestamp(5, now);
			return statement;
		}, keys);
		long adoptionId = keys.getKey().longValue();
		jdbc.update("update xuexi_article set status = ?, updated_at = ? where id = ?", Article.Status.ADOPTED.name(), now,
				id);
		audit.record("XUEXI_ARTICLE_ADOPTED", "XuexiArticle", id,
				texts.get("xuexi.audit.articleAdopted", article.title(), texts.label("xuexi.level.", level), on));
		events.publishEvent(new ArticleAdopted(adoptionId, id, level, on, article.unitId(),
				article.authors().stream().map(Article.Author::personId).toList(), article.title()));
		return get(id, scope);
	}

	private static boolean webLink(String value) {
		try {
			URI uri = URI.create(value);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	// ---- reading -------------------------------------------------------------------------------

	/** The article if its unit is in scope (else: not found, as if it did not exist). */
	@Transactional(readOnly = true)
	public Article get(long id, DataScope scope) {
		return find(id).filter(a -> scope.includes(a.unitId()))
			.orElseThrow(() -> XuexiException.of("xuexi.article.error.notFound", id));
	}

	@Transactional(readOnly = true)
	public Optional<Article> find(long id) {
		List<Article> found = load("where a.id = ?", id);
		return found.stream().findFirst();
	}

	/** The article register of the units in scope, newest first; optionally of one year (by creation or adoption). */
	@Transactional(readOnly = true)
	public List<Article> register(DataScope scope, Long unitId, Article.Status status) {
		return load("order by a.id desc").stream()
			.filter(a -> scope.includes(a.unitId()))
			.filter(a -> unitId == null || a.unitId() == unitId)
			.filter(a -> status == null || a.status() == status)
			.toList();
	}

	/** Every adoption in [from, to] as the event it published (for the recomputation of the ledger). */
	@Transactional(readOnly = true)
	public List<ArticleAdopted> adoptions(LocalDate from, LocalDate to) {
		Map<Long, List<Long>> authors = authorsByArticle(null);
		return jdbc.query("""
				select d.id, d.article_id, d.level, d.adopted_on, a.unit_id, a.title from xuexi_adoption d
				join xuexi_article a on a.id = d.article_id where d.adopted_on between ? and ? order by d.id""",
				(rs, n) -> new ArticleAdopted(rs.getLong(1), rs.getLong(2), PlatformLevel.valueOf(rs.getString(3)),
						rs.getObject(4, LocalDate.class), rs.getLong(5), authors.getOrDefault(rs.getLong(2), List.of()),
						rs.getString(6)),
				Date.valueOf(from), Date.valueOf(to));
	}

	@Transactional(readOnly = true)
	public long count() {
		return jdbc.queryForObject("select count(*) from xuexi_article", Long.class);
	}

	private Map<Long, List<Long>> authorsByArticle(Long articleId) {
		Map<Long, List<Long>> authors = new HashMap<>();
		jdbc.query("select article_id, person_id from xuexi_article_author"
				+ (articleId == null ? "" : " where article_id = " + articleId.longValue()) + " order by article_id, person_id",
				rs -> {
					authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		return authors;
	}

	private List<Article> load(String where, Object... args) {
		Map<Long, String> units = unitNames();
		List<Row> rows = jdbc.query("""
				select a.id, a.unit_id, a.title, a.body, a.photos, a.target_level, a.status, a.drafter_user_id,
				a.drafter_person_id, a.revision, a.submitted_on, a.channel from xuexi_article a """ + " " + where,
				(rs, n) -> row(rs), args);
		if (rows.isEmpty()) {
			return List.of();
		}
		Long only = rows.size() == 1 ? rows.get(0).id() : null;
		Map<Long, List<Long>> authors = authorsByArticle(only);
		Set<Long> personIds = new LinkedHashSet<>();
		authors.values().forEach(personIds::addAll);
		Map<Long, String> names = new HashMap<>();
		organization.people(personIds).forEach(p -> names.put(p.getId(), p.getName()));
		Map<Long, List<Article.Adoption>> adoptions = new HashMap<>();
		jdbc.query("select id, article_id, level, adopted_on, link from xuexi_adoption"
				+ (only == null ? "" : " where article_id = " + only.longValue()) + " order by adopted_on, id", rs -> {
					adoptions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
						.add(new Article.Adoption(rs.getLong(1), PlatformLevel.valueOf(rs.getString(3)),
								rs.getObject(4, LocalDate.class), rs.getString(5)));
				});
		return rows.stream()
			.map(r -> new Article(r.id(), r.unitId(), units.getOrDefault(r.unitId(), ""), r.title(), r.body(), r.photos(),
					r.level(), r.status(), r.drafterUserId(), r.drafterPersonId(), r.revision(), r.submittedOn(),
					r.channel(),
					authors.getOrDefault(r.id(), List.of())
						.stream()
						.map(p -> new Article.Author(p, names.getOrDefault(p, "")))
						.toList(),
					adoptions.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private record Row(long id, long unitId, String title, String body, int photos, PlatformLevel level,
			Article.Status status, Long drafterUserId, Long drafterPersonId, int revision, LocalDate submittedOn,
			String channel) {
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				PlatformLevel.valueOf(rs.getString(6)), Article.Status.valueOf(rs.getString(7)),
				rs.getObject(8) == null ? null : rs.getLong(8), rs.getObject(9) == null ? null : rs.getLong(9),
				rs.getInt(10), rs.getObject(11, LocalDate.class), rs.getString(12));
	}

	private Map<Long, String> unitNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		organization.activeUnits().forEach(u -> names.put(u.getId(), u.getName()));
		return names;
	}

	/** The review of the article: where it stands and whether the user may act now. */
	@Transactional(readOnly = true)
	public Optional<ReviewProcess> review(long id) {
		return reviewChains.process(Article.ref(id));
	}

	@Transactional(readOnly = true)
	public List<io.infodesk.review.ReviewAction> reviewHistory(long id) {
		return reviewChains.history(Article.ref(id));
	}

	@Transactional(readOnly = true)
	public boolean isCurrentReviewer(long id, AuthenticatedUser user) {
		return reviewChains.isCurrentReviewer(Article.ref(id), user);
	}

	/** The number of adoptions per level of the units in scope in a year (for the register's summary). */
	@Transactional(readOnly = true)
	public Map<PlatformLevel, Integer> adoptedPerLevel(int year, DataScope scope) {
		Map<PlatformLevel, Integer> counts = new EnumMap<>(PlatformLevel.class);
		for (PlatformLevel level : PlatformLevel.values()) {
			counts.put(level, 0);
		}
		adoptions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
			.filter(a -> scope.includes(a.unitId()))
			.forEach(a -> counts.merge(a.level(), 1, Integer::sum));
		return counts;
	}

	private static void require(AuthenticatedUser actor, String permission) {
		if (actor == null || !actor.can(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
