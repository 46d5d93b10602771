package io.infodesk.xuexi.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.infodesk.review.ReviewProgress;
import io.infodesk.review.ReviewRole;
import io.infodesk.review.ReviewSubject;
import io.infodesk.review.ReviewTrack;
import io.infodesk.review.ReviewableDocuments;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.xuexi.Article;
import io.infodesk.xuexi.XuexiArticles;
import io.infodesk.xuexi.XuexiException;

/**
 * Platform articles in the review chain (S3.4-d: 稿件审签): by default the head of the drafting unit checks the
 * article (科室负责人审核) and the leader in charge of the unit signs it off (分管领导审签) before it goes to the
 * platform; each unit may set its own chain. Drafter and authors never review their article.
 */
@Component
class ArticleReviews implements ReviewableDocuments {

	static final List<ReviewRole> DEFAULT = List.of(ReviewRole.UNIT_HEAD, ReviewRole.LEADER_IN_CHARGE);

	private final XuexiArticles articles;

	ArticleReviews(@Lazy XuexiArticles articles) {
		this.articles = articles;
	}

	@Override
	public String type() {
		return Article.DOCUMENT_TYPE;
	}

	@Override
	public ReviewSubject subject(long documentId) {
		Article article = articles.find(documentId)
			.orElseThrow(() -> XuexiException.of("xuexi.article.error.notFound", documentId));
		Set<Long> authors = new LinkedHashSet<>();
		article.authors().forEach(a -> authors.add(a.personId()));
		if (article.drafterPersonId() != null) {
			authors.add(article.drafterPersonId());
		}
		return new ReviewSubject(article.ref(), article.title(), article.unitId(), article.drafterUserId(), authors,
				article.revision());
	}

	@Override
	public void reviewChanged(long documentId, ReviewProgress progress, AuthenticatedUser actor) {
		articles.reviewChanged(documentId, progress);
	}

	@Override
	public String link(long documentId) {
		return "/xuexi/articles/" + documentId;
	}

	@Override
	public List<ReviewRole> defaultSteps(ReviewTrack track) {
		return DEFAULT;
	}

}
