package io.infodesk.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;

/**
 * Full-text search over information items, materials and every other {@link SearchDocument} type (S3.1 point 8),
 * with Hibernate Search on Lucene. Each keyword must match, in the title or the text: as a substring through the
 * CJK-bigram fields (a two-character word inside a longer compound is found), or as words through the smartcn
 * fields (relevance). Filters are exact. The data scope is part of the query itself — records of the units in
 * the user's scope, records the user drafted or co-authored, and bureau-wide records (materials) — so the hit
 * count and the pages never include what the user may not see. Highlights mark the matches; the snippet HTML is
 * escaped except for the {@code <mark>} tags.
 */
@Service
public class SearchIndex {

	/** The field names every searchable type's index has (written by {@code SearchDocumentBinder}). */
	public static final class Fields {

		public static final String TYPE = "type";

		public static final String TITLE = "title";

		public static final String TITLE_CJK = "title_cjk";

		public static final String TEXT = "text";

		public static final String TEXT_CJK = "text_cjk";

		public static final String UNIT = "unit";

		public static final String BUREAU_WIDE = "bureauWide";

		public static final String OWNERS = "owners";

		public static final String KIND = "kind";

		public static final String TAGS = "tags";

		public static final String STATUS = "status";

		public static final String LEVEL = "level";

		public static final String DATE = "date";

		/** The record's instant ({@link SearchDocument#searchTime()}), sortable: the item list's order. */
		public static final String TIME = "time";

		private Fields() {
		}

	}

	/** The most keywords one query takes (more are ignored). */
	static final int MAX_TERMS = 8;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@PersistenceContext
	private EntityManager entityManager;

	private final List<SearchTarget> targets;

	private final io.infodesk.search.internal.SearchIndexing indexing;

	private final io.infodesk.audit.AuditTrail audit;

	private final io.infodesk.shared.text.Texts texts;

	SearchIndex(List<SearchTarget> targets, io.infodesk.search.internal.SearchIndexing indexing,
			io.infodesk.audit.AuditTrail audit, io.infodesk.shared.text.Texts texts) {
		this.targets = targets.stream().sorted(Comparator.comparingInt(SearchTarget::order)).toList();
		this.indexing = indexing;
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * Rebuilds the whole index in the background (the office's button; audited). False when a rebuild is
	 * already running.
	 */
	@Transactional
	public boolean rebuildIndex() {
		if (!indexing.startRebuild()) {
			return false;
		}
		audit.record("SEARCH_INDEX_REBUILT", "SearchIndex", 0L, texts.get("reporting.audit.indexRebuilt"));
		return true;
	}

	public boolean isRebuilding() {
		return indexing.isRebuilding();
	}

	/** The searchable types, in page order. */
	public List<SearchTarget> targets() {
		return targets;
	}

	/** The types the user may search (a type's {@link SearchTarget#permission()}), in page order. */
	public List<SearchTarget> targets(AuthenticatedUser user) {
		return targets.stream().filter(target -> target.permission() == null || user.can(target.permission())).toList();
	}

	public SearchTarget target(String type) {
		return targets.stream().filter(target -> target.type().equals(type)).findFirst().orElse(null);
	}

	/** One found record: the record, its type, and title and snippet as safe HTML with {@code <mark>}s. */
	public record Hit(SearchDocument document, SearchTarget target, String titleHtml, String snippetHtml) {

		public String link() {
			return target.link(document);
		}

	}

	/** The keywords of a query: split at spaces, without pure punctuation, at most {@link #MAX_TERMS}. */
	static List<String> terms(String q) {
		if (q == null) {
			return List.of();
		}
		List<String> terms = new ArrayList<>();
		for (String part : q.strip().split("[\\s\\u3000]+")) {
			if (WORD.matcher(part).find() && terms.size() < MAX_TERMS && !terms.contains(part)) {
				terms.add(part.length() > 50 ? part.substring(0, 50) : part);
			}
		}
		return terms;
	}

	@Transactional(readOnly = true)
	public Page<Hit> search(SearchFilter filter, AuthenticatedUser user, DataScope scope, Pageable pageable) {
		List<SearchTarget> allowed = targets(user);
		List<SearchTarget> chosen = filter.type() == null || filter.type().isBlank() ? allowed
				: allowed.stream().filter(target -> target.type().equals(filter.type())).toList();
		if (chosen.isEmpty()) {
			return Page.empty(pageable);
		}
		SearchSession session = Search.session(entityManager);
		List<String> terms = terms(filter.q());
		SearchResult<List<?>> result = session
			.search(chosen.stream().map(SearchTarget::entityType).toList())
			.select(f -> f.composite().from(f.entity(), f.entityReference()).asList())
			.where(f -> predicate(f, filter, terms, user, scope))
			.sort(f -> terms.isEmpty() ? f.field(Fields.DATE).desc() : f.score().then().field(Fields.DATE).desc())
			// counting every match exactly scored all of them (a word in half the items: 100,000 documents);
			// above the limit Lucene may skip what cannot reach the page, and the page says "more than"
			.totalHitCountThreshold(COUNT_LIMIT + 1L)
			.fetch((int) pageable.getOffset(), pageable.getPageSize());
		List<EntityReference> page = result.hits().stream().map(row -> (EntityReference) row.get(1)).toList();
		Map<String, List<?>> marks = highlights(session, terms, page);
		List<Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			SearchDocument document = (SearchDocument) row.get(0);
			if (document == null) {
				continue; // deleted since it was indexed
			}
			SearchTarget target = target(document.searchType());
			List<?> marked = marks.get(key((EntityReference) row.get(1)));
			String title = marked == null ? null : first(marked.get(1), marked.get(2));
			String snippet = marked == null ? null : joined(marked.get(3), marked.get(4));
			hits.add(new Hit(document, target, title == null ? HtmlUtils.htmlEscape(document.searchTitle()) : html(title),
					snippet == null ? HtmlUtils.htmlEscape(start(document.searchText())) : html(snippet)));
		}
		long total = result.total().isHitCountExact() ? result.total().hitCount()
				: Math.max(COUNT_LIMIT + 1L, result.total().hitCountLowerBound());
		return new PageImpl<>(hits, pageable, Math.min(total, COUNT_LIMIT + 1L));
	}

	/**
	 * The highlights of a page's records (title and text, CJK bigrams and smartcn words), by a second query of the
	 * keywords alone over just these records. The highlighter matches its query against every hit and field again:
	 * with the search's own query that meant the filters and the data scope too — a date range or the unit terms
	 * read from the whole index for each hit and field (a quarter of a search's highlighting, docs/performance.md,
	 * issue 16). The records are the page's, already within the filters and the scope.
	 */
	private Map<String, List<?>> highlights(SearchSession session, List<String> terms, List<EntityReference> page) {
		if (terms.isEmpty() || page.isEmpty()) {
			return Map.of();
		}
		Map<SearchTarget, List<Object>> idsByType = new LinkedHashMap<>();
		page.forEach(ref -> idsByType.computeIfAbsent(targetOf(ref.type()), type -> new ArrayList<>()).add(ref.id()));
		List<List<?>> rows = session.search(idsByType.keySet().stream().map(SearchTarget::entityType).toList())
			.select(f -> f.composite()
				.from(f.entityReference(), f.highlight(Fields.TITLE_CJK), f.highlight(Fields.TITLE),
						f.highlight(Fields.TEXT_CJK), f.highlight(Fields.TEXT))
				.asList())
			.where(f -> {
				var bool = f.bool();
				for (String term : terms) {
					bool.must(keyword(f, term));
				}
				var records = f.bool();
				idsByType.forEach((target, ids) -> records.should(f.bool()
					.must(f.match().field(Fields.TYPE).matching(target.type()))
					.must(f.id().matchingAny(ids))));
				bool.filter(records);
				return bool;
			})
			.highlighter(h -> h.unified()
				.tag(SearchDocumentBinder.MARK_START, SearchDocumentBinder.MARK_END)
				.numberOfFragments(2)
				.noMatchSize(0))
			.fetchHits(page.size());
		Map<String, List<?>> marks = new HashMap<>();
		rows.forEach(row -> marks.put(key((EntityReference) row.get(0)), row));
		return marks;
	}

	private static String key(EntityReference ref) {
		return ref.name() + "#" + ref.id();
	}

	private SearchTarget targetOf(Class<?> entityType) {
		return targets.stream().filter(target -> target.entityType().equals(entityType)).findFirst().orElseThrow();
	}

	/** The most hits a search counts exactly; beyond, its page says "more than 1,000" (issue 16). */
	public static final int COUNT_LIMIT = 1_000;

	/**
	 * The predicate of a search: every keyword of {@link SearchFilter#q()} (as on the search page), the filters,
	 * and the user's data scope (their units, bureau-wide records, and records they own). For a module that
	 * answers one of its own lists by the index (reporting's item register).
	 */
	public org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep predicate(SearchPredicateFactory f,
			SearchFilter filter, AuthenticatedUser user, DataScope scope) {
		return predicate(f, filter, terms(filter.q()), user, scope);
	}

	private org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep predicate(SearchPredicateFactory f, SearchFilter filter, List<String> terms,
			AuthenticatedUser user, DataScope scope) {
		var bool = f.bool();
		bool.must(f.matchAll());
		for (String term : terms) {
			bool.must(keyword(f, term));
		}
		if (scope instanceof DataScope.Units units) {
			var visible = f.bool();
			visible.should(f.match().field(Fields.BUREAU_WIDE).matching(true));
			if (!units.unitIds().isEmpty()) {
				visible.should(f.terms().field(Fields.UNIT).matchingAny(units.unitIds()));
			}
			List<String> owners = new ArrayList<>();
			owners.add(SearchDocument.user(user.userId()));
			if (user.personId() != null) {
				owners.add(SearchDocument.person(user.personId()));
			}
			visible.should(f.terms().field(Fields.OWNERS).matchingAny(owners));
			bool.filter(visible);
		}
		if (filter.unitId() != null) {
			bool.filter(f.match().field(Fields.UNIT).matching(filter.unitId()));
		}
		filterOn(f, bool, Fields.KIND, filter.kind());
		filterOn(f, bool, Fields.TAGS, filter.tag());
		filterOn(f, bool, Fields.STATUS, filter.status());
		filterOn(f, bool, Fields.LEVEL, filter.level());
		if (filter.from() != null || filter.to() != null) {
			bool.filter(f.range().field(Fields.DATE).between(filter.from(), filter.to()));
		}
		return bool;
	}

	private static void filterOn(SearchPredicateFactory f,
			org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep<?, ?> bool, String field,
			String value) {
		if (value != null && !value.isBlank()) {
			bool.filter(f.match().field(field).matching(value.strip()));
		}
	}

	/**
	 * One keyword: a substring of the title or text (a phrase of bigrams; a single Chinese character as the start
	 * or end of a bigram), or all its smartcn words in the title or the text.
	 */
	private static SearchPredicate keyword(SearchPredicateFactory f, String term) {
		var any = f.bool();
		if (term.codePointCount(0, term.length()) == 1 && HAN.matcher(term).matches()) {
			any.should(f.wildcard().field(Fields.TITLE_CJK).boost(3f).field(Fields.TEXT_CJK).matching(term + "*"));
			any.should(f.wildcard().field(Fields.TITLE_CJK).boost(3f).field(Fields.TEXT_CJK).matching("*" + term));
		}
		else {
			any.should(f.phrase().field(Fields.TITLE_CJK).boost(3f).field(Fields.TEXT_CJK).matching(term));
		}
		any.should(f.match().field(Fields.TITLE).boost(2f).matching(term).minimumShouldMatchPercent(100));
		any.should(f.match().field(Fields.TEXT).matching(term).minimumShouldMatchPercent(100));
		return any.toPredicate();
	}

	/** The first highlight of the bigram field, else of the smartcn field. */
	private static String first(Object bigram, Object words) {
		List<?> a = (List<?>) bigram;
		List<?> b = (List<?>) words;
		if (a != null && !a.isEmpty()) {
			return (String) a.get(0);
		}
		return b != null && !b.isEmpty() ? (String) b.get(0) : null;
	}

	private static String joined(Object bigram, Object words) {
		List<?> a = (List<?>) bigram;
		List<?> fragments = a != null && !a.isEmpty() ? a : (List<?>) words;
		if (fragments == null || fragments.isEmpty()) {
			return null;
		}
		return String.join(" … ", fragments.stream().map(String.class::cast).toList());
	}

	/** Escapes everything, then turns the highlighter's private markers into {@code <mark>} tags. */
	static String html(String highlighted) {
		return HtmlUtils.htmlEscape(highlighted)
			.replace(SearchDocumentBinder.MARK_START, "<mark>")
			.replace(SearchDocumentBinder.MARK_END, "</mark>");
	}

	private static String start(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replace('\n', ' ');
		return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
	}

}
