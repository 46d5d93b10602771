package io.infodesk.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringFact;
import io.infodesk.assessment.ScoringSource;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.xuexi.ArticleAdopted;
import io.infodesk.xuexi.XuexiArticles;

/**
 * The facts of the xuexi module — articles adopted by a level of the 学习强国 platform ({@code XUEXI_ARTICLE:<level>},
 * the unit and the authors in equal shares) — built the same way from its event (listener) and from its records
 * (recomputation).
 */
@Component
class XuexiFacts implements ScoringSource {

	private final XuexiArticles articles;

	XuexiFacts(XuexiArticles articles) {
		this.articles = articles;
	}

	static ScoringFact adoption(ArticleAdopted adoption) {
		double share = adoption.authorPersonIds().isEmpty() ? 0 : 100.0 / adoption.authorPersonIds().size();
		return new ScoringFact(SourceTypes.XUEXI_ARTICLE, Long.toString(adoption.adoptionId()),
				ScoreKind.XUEXI_ARTICLE.key(adoption.level().name()), adoption.on(), List.of(adoption.unitId()), null,
				adoption.authorPersonIds().stream().map(p -> new ScoringFact.Share(p, adoption.unitId(), share)).toList(),
				adoption.title(), "/xuexi/articles/" + adoption.articleId(), 1);
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		return articles.adoptions(from, to).stream().map(XuexiFacts::adoption).toList();
	}

}
