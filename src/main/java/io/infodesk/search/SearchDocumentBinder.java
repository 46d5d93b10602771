package io.infodesk.search;

import java.util.List;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import io.infodesk.search.SearchIndex.Fields;
import io.infodesk.search.internal.ChineseAnalysis;

/**
 * The one index layout of every searchable type: title and text twice — analysed by smartcn (words, for
 * relevance) and by CJK bigrams (every two adjacent characters, so that any two-character word inside a longer
 * compound is found: the smartcn pitfall) — and the keyword, number and date fields the filters and the data
 * scope use. A change of a property named in {@link #DEPENDENCIES} re-indexes the record on commit.
 */
public class SearchDocumentBinder implements TypeBinder {

	/**
	 * The binder's parameter: the entity properties its {@code SearchDocument} methods read, comma-separated
	 * ({@code @Param(name = "dependencies", value = "title,bodyText,…")}); a change of any of them re-indexes it.
	 */
	public static final String DEPENDENCIES = "dependencies";

	/** Private-use characters the highlighter puts around matches; removed from indexed text. */
	public static final String MARK_START = "\uE000";

	public static final String MARK_END = "\uE001";

	@Override
	public void bind(TypeBindingContext context) {
		// re-index when one of the properties the record's SearchDocument methods read changes
		for (String property : context.param(DEPENDENCIES, String.class).split(",")) {
			context.dependencies().use(property.strip());
		}
		IndexSchemaElement schema = context.indexSchemaElement();
		IndexFieldTypeFactory types = context.typeFactory();
		List<Highlightable> highlight = List.of(Highlightable.UNIFIED);
		Bridge bridge = new Bridge(
				schema.field(Fields.TYPE, types.asString()).toReference(),
				schema.field(Fields.TITLE, types.asString().analyzer(ChineseAnalysis.SMARTCN).projectable(Projectable.YES)
					.highlightable(highlight).termVector(TermVector.NO)).toReference(),
				schema.field(Fields.TITLE_CJK, types.asString().analyzer(ChineseAnalysis.BIGRAM).projectable(Projectable.YES)
					.highlightable(highlight)).toReference(),
				// the texts keep their term offsets: the highlighter reads them instead of analysing each hit's
				// text again with smartcn (43 % of a search's CPU, docs/performance.md, issue 16)
				schema.field(Fields.TEXT, types.asString().analyzer(ChineseAnalysis.SMARTCN).projectable(Projectable.YES)
					.highlightable(highlight).termVector(TermVector.WITH_POSITIONS_OFFSETS)).toReference(),
				schema.field(Fields.TEXT_CJK, types.asString().analyzer(ChineseAnalysis.BIGRAM).projectable(Projectable.YES)
					.highlightable(highlight).termVector(TermVector.WITH_POSITIONS_OFFSETS)).toReference(),
				schema.field(Fields.UNIT, types.asLong()).toReference(),
				schema.field(Fields.BUREAU_WIDE, types.asBoolean()).toReference(),
				schema.field(Fields.OWNERS, types.asString()).multiValued().toReference(),
				schema.field(Fields.KIND, types.asString()).toReference(),
				schema.field(Fields.TAGS, types.asString()).multiValued().toReference(),
				schema.field(Fields.STATUS, types.asString()).toReference(),
				schema.field(Fields.LEVEL, types.asString()).toReference(),
				schema.field(Fields.DATE, types.asLocalDate().sortable(Sortable.YES)).toReference(),
				schema.field(Fields.TIME, types.asInstant().sortable(Sortable.YES)).toReference());
		context.bridge(SearchDocument.class, bridge);
	}

	static String clean(String text) {
		return text == null ? null : text.replace(MARK_START, "").replace(MARK_END, "");
	}

	private record Bridge(IndexFieldReference<String> type, IndexFieldReference<String> title,
			IndexFieldReference<String> titleCjk, IndexFieldReference<String> text,
			IndexFieldReference<String> textCjk, IndexFieldReference<Long> unit,
			IndexFieldReference<Boolean> bureauWide, IndexFieldReference<String> owners,
			IndexFieldReference<String> kind, IndexFieldReference<String> tags, IndexFieldReference<String> status,
			IndexFieldReference<String> level, IndexFieldReference<java.time.LocalDate> date,
			IndexFieldReference<java.time.Instant> time)
			implements TypeBridge<SearchDocument> {

		@Override
		public void write(DocumentElement target, SearchDocument document, TypeBridgeWriteContext context) {
			target.addValue(type, document.searchType());
			String titleText = clean(document.searchTitle());
			String plain = clean(document.searchText());
			target.addValue(title, titleText);
			target.addValue(titleCjk, titleText);
			target.addValue(text, plain);
			target.addValue(textCjk, plain);
			target.addValue(unit, document.searchUnitId());
			target.addValue(bureauWide, document.searchUnitId() == null);
			document.searchOwners().forEach(owner -> target.addValue(owners, owner));
			target.addValue(kind, document.searchKind());
			document.searchTags().forEach(tag -> target.addValue(tags, tag));
			target.addValue(status, document.searchStatus());
			target.addValue(level, document.searchLevel());
			target.addValue(date, document.searchDate());
			target.addValue(time, document.searchTime());
		}

	}

}
