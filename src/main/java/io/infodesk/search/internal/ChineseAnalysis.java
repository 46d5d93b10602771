package io.infodesk.search.internal;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The two Chinese analysers of the index (configured as {@code hibernate.search.backend.analysis.configurer}).
 * {@link #SMARTCN}: Lucene's smartcn (HMM word segmentation) for word-level relevance. It splits by context —
 * 中文分词 becomes 中文/分/词 while the query 分词 stays one word — so on its own it misses two-character words
 * inside longer compounds. {@link #BIGRAM}: every two adjacent CJK characters (中文分词 → 中文/文分/分词), Latin
 * words and numbers whole, full-width forms folded, lower case; a query is matched on it as a phrase of bigrams,
 * i.e. as a substring, which finds 分词 in 中文分词 and 物业 in 物业服务企业.
 */
public class ChineseAnalysis implements LuceneAnalysisConfigurer {

	public static final String SMARTCN = "smartcn";

	public static final String BIGRAM = "cjk_bigram";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(SMARTCN).instance(new SmartChineseAnalyzer());
		context.analyzer(BIGRAM)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(CJKWidthFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(CJKBigramFilterFactory.class);
	}

}
