package io.infodesk.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysers of {@link ChineseAnalysis} on OpenSearch (profile {@code cluster}, issue 18), under the same names so
 * that the index layout ({@code SearchDocumentBinder}) and the queries ({@code SearchIndex}) stay as they are. Both
 * are built from OpenSearch's bundled {@code analysis-common} module, nothing from the internet:
 * <ul>
 * <li>{@link ChineseAnalysis#BIGRAM}: the same chain as on Lucene — standard tokenizer, {@code cjk_width},
 * {@code lowercase}, {@code cjk_bigram} — so substring queries (分词 in 中文分词) match exactly as on one instance;</li>
 * <li>{@link ChineseAnalysis#SMARTCN}: OpenSearch's smartcn is a separate plugin ({@code analysis-smartcn}, not in the
 * distribution), so the fallback is the standard tokenizer with {@code cjk_width} and {@code lowercase}: one token per
 * Chinese character. A keyword then matches when all its characters are in the title or the text (the query asks
 * for every token), which is looser than smartcn's words; the bigram phrase above stays the precise match and the
 * ranking boosts it (docs/deployment.md). Installing the smartcn plugin on the OpenSearch nodes and naming its
 * analyser here would give back word segmentation.</li>
 * </ul>
 */
public class OpenSearchChineseAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(ChineseAnalysis.SMARTCN).custom().tokenizer("standard").tokenFilters("cjk_width", "lowercase");
		context.analyzer(ChineseAnalysis.BIGRAM)
			.custom()
			.tokenizer("standard")
			.tokenFilters("cjk_width", "lowercase", "cjk_bigram");
	}

}
