package io.infodesk.xuexi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.infodesk.assessment.AssessmentIntegrationTest;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.Recomputations;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.review.ReviewException;
import io.infodesk.review.ReviewProcess;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.web.BusinessException;

/**
 * Article supply (S3.4-d, issue 13 point 6): a quota handed down to a unit; an article drafted by the unit's
 * publicist, checked by the head and signed off by the leader in charge through the review chain, submitted and
 * adopted by the provincial platform → {@code XUEXI_ARTICLE:PROVINCE} in the ledger for the unit and the two authors,
 * the unit's ranking total rises by it, the recomputation from the records finds nothing to correct (ledger =
 * recomputation), and the quota progress counts it. Bad input is refused in Chinese and nothing is saved.
 */
class XuexiArticleTests extends AssessmentIntegrationTest {

	@Autowired
	XuexiArticles articles;

	@Autowired
	Rankings rankings;

	@Autowired
	Recomputations recomputations;

	private ArticleForm articleForm(String title) {
		return new ArticleForm(unitId("物业管理科"), title, "物业服务进小区，".repeat(60), 3, PlatformLevel.PROVINCE,
				List.of(person("物业管理科", "赵雪").getId(), person("物业管理科", "钱进").getId()));
	}

	private Article signedOffArticle(String title) {
		AuthenticatedUser publicist = logIn("publicist");
		Article article = articles.create(articleForm(title), publicist, scope());
		assertThat(article.status()).isEqualTo(Article.Status.DRAFT);
		article = articles.submitForReview(article.id(), publicist, scope());
		assertThat(article.status()).isEqualTo(Article.Status.IN_REVIEW);
		approveStep(article, "head");
		return approveStep(article, "charge");
	}

	private Article approveStep(Article article, String username) {
		AuthenticatedUser reviewer = logIn(username);
		ReviewProcess process = articles.review(article.id()).orElseThrow();
		return articles.approve(article.id(), process.getRound(), process.getCurrentStep(), null, reviewer, scope());
	}

	@Test
	void anAdoptedArticleScoresItsLevelForTheUnitAndAuthorsAndTheLedgerEqualsTheRecomputation() {
		LocalDate today = LocalDate.now(clock);
		long unit = unitId("物业管理科");
		articles.setQuota(new XuexiArticles.QuotaForm(unit, PlatformLevel.PROVINCE, today.getYear(), 0, 2),
				logIn("personnel"));
		int adoptedBefore = progressOf(unit, PlatformLevel.PROVINCE).adopted();
		BigDecimal before = unitTotal(unit, today);

		Article article = signedOffArticle(unique("红色物业暖民心"));
		assertThat(article.status()).isEqualTo(Article.Status.SIGNED_OFF);
		AuthenticatedUser publicist = logIn("publicist");
		articles.recordSubmission(article.id(), today, "省学习平台投稿系统", publicist, scope());
		article = articles.recordAdoption(article.id(), PlatformLevel.PROVINCE, today, "https://example.org/xxqg/1",
				publicist, scope());
		assertThat(article.status()).isEqualTo(Article.Status.ADOPTED);
		settle();

		String source = Long.toString(article.adoptions().get(0).id());
		Map<String, BigDecimal> unitPoints = ledger.entries(Ledger.EntryQuery.units(today, today).unit(unit))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.XUEXI_ARTICLE) && e.sourceId().equals(source))
			.collect(Collectors.toMap(LedgerEntry::recipientKey, LedgerEntry::points, BigDecimal::add));
		assertThat(unitPoints).containsOnlyKeys(unitKey("物业管理科"));
		assertThat(unitPoints.get(unitKey("物业管理科"))).isEqualByComparingTo("6"); // 省级平台 6
		Map<String, BigDecimal> people = ledger.entries(Ledger.EntryQuery.persons(today, today).unit(unit))
			.stream()
			.filter(e -> e.sourceType().equals(SourceTypes.XUEXI_ARTICLE) && e.sourceId().equals(source))
			.collect(Collectors.toMap(LedgerEntry::recipientKey, LedgerEntry::points, BigDecimal::add));
		assertThat(people).containsEntry(personKey("物业管理科", "赵雪"), new BigDecimal("3.00"))
			.containsEntry(personKey("物业管理科", "钱进"), new BigDecimal("3.00"));
		assertThat(ledger.entries(Ledger.EntryQuery.units(today, today).unit(unit)))
			.filteredOn(e -> e.sourceId().equals(source) && e.sourceType().equals(SourceTypes.XUEXI_ARTICLE))
			.allSatisfy(e -> assertThat(e.ruleKey()).isEqualTo("XUEXI_ARTICLE:PROVINCE"));
		assertThat(unitTotal(unit, today).subtract(before)).isEqualByComparingTo("6");
		// the ledger written by the listener is what a recomputation from the records gives
		assertThat(recomputations.preview(today.withDayOfYear(1), today).differences()).isEmpty();

		assertThat(progressOf(unit, PlatformLevel.PROVINCE).adopted()).isEqualTo(adoptedBefore + 1);
		assertThat(articles.adoptions(today, today)).anySatisfy(a -> assertThat(a.articleId()).isEqualTo(a.articleId()));
		assertThat(auditCount("XUEXI_ARTICLE_ADOPTED", article.id())).isEqualTo(1);

		// pushed up and adopted by the national platform too: a second scoring, once per level
		article = articles.recordAdoption(article.id(), PlatformLevel.NATIONAL, today, null, logIn("publicist"), scope());
		long articleId = article.id();
		assertThatThrownBy(() -> articles.recordAdoption(articleId, PlatformLevel.NATIONAL, today, null,
				logIn("publicist"), scope()))
			.isInstanceOf(XuexiException.class)
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.adoptedTwice");
		settle();
		assertThat(unitTotal(unit, today).subtract(before)).isEqualByComparingTo("18");
		assertThat(recomputations.preview(today.withDayOfYear(1), today).differences()).isEmpty();
	}

	@Test
	void theReviewChainDecidesAndTheDrafterNeverReviewsTheirOwnArticle() {
		AuthenticatedUser publicist = logIn("publicist");
		Article article = articles.create(articleForm(unique("老旧小区改造")), publicist, scope());
		// not signed off: no submission to the platform
		assertThatThrownBy(() -> articles.recordSubmission(article.id(), LocalDate.now(clock), "邮箱", publicist, scope()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.notSignedOff");
		articles.submitForReview(article.id(), publicist, scope());
		ReviewProcess process = articles.review(article.id()).orElseThrow();
		assertThatThrownBy(() -> articles.approve(article.id(), process.getRound(), process.getCurrentStep(), null,
				publicist, scope()))
			.isInstanceOf(ReviewException.class);
		AuthenticatedUser head = logIn("head");
		Article returned = articles.returnToDrafter(article.id(), process.getRound(), process.getCurrentStep(),
				"请补充照片说明", head, scope());
		assertThat(returned.status()).isEqualTo(Article.Status.RETURNED);
		Article changed = articles.update(article.id(), articleForm(article.title() + "（修改）"), logIn("publicist"), scope());
		assertThat(changed.revision()).isEqualTo(2);
		assertThat(articles.submitForReview(article.id(), logIn("publicist"), scope()).status())
			.isEqualTo(Article.Status.IN_REVIEW);
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsSaved() {
		AuthenticatedUser publicist = logIn("publicist");
		long unit = unitId("物业管理科");
		long other = unitId("住房保障科");
		List<Long> authors = List.of(person("物业管理科", "赵雪").getId());
		refused(new ArticleForm(null, "标题", "正文", 3, PlatformLevel.CITY, authors), "xuexi.article.error.unit");
		refused(new ArticleForm(other, "标题", "正文", 3, PlatformLevel.CITY, List.of(person("住房保障科", "曾晓").getId())),
				"xuexi.article.error.unitOutOfScope");
		refused(new ArticleForm(unit, " ", "正文", 3, PlatformLevel.CITY, authors), "xuexi.article.error.title");
		refused(new ArticleForm(unit, "标题", "", 3, PlatformLevel.CITY, authors), "xuexi.article.error.body");
		refused(new ArticleForm(unit, "标题", "正文", -1, PlatformLevel.CITY, authors), "xuexi.article.error.photos");
		refused(new ArticleForm(unit, "标题", "正文", 3, null, authors), "xuexi.article.error.level");
		refused(new ArticleForm(unit, "标题", "正文", 3, PlatformLevel.CITY, List.of()), "xuexi.article.error.authors");
		refused(new ArticleForm(unit, "标题", "正文", 3, PlatformLevel.CITY, List.of(person("住房保障科", "曾晓").getId())),
				"xuexi.article.error.authorUnit");

		// the quota: only the personnel section, valid values
		assertThatThrownBy(() -> articles.setQuota(new XuexiArticles.QuotaForm(unit, PlatformLevel.CITY,
				LocalDate.now(clock).getYear(), 0, 3), publicist))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		AuthenticatedUser personnel = logIn("personnel");
		int year = LocalDate.now(clock).getYear();
		assertThatThrownBy(() -> articles.setQuota(new XuexiArticles.QuotaForm(unit, PlatformLevel.CITY, year, 0, -2),
				personnel))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.quota.error.quota");
		assertThatThrownBy(() -> articles.setQuota(new XuexiArticles.QuotaForm(unit, PlatformLevel.CITY, year, 7, 2),
				personnel))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.quota.error.quarter");
		assertThatThrownBy(() -> articles.setQuota(new XuexiArticles.QuotaForm(unit, PlatformLevel.CITY, year + 5, 0, 2),
				personnel))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.quota.error.year");

		// submission and adoption: future dates, a link that is no web address, before the submission
		Article article = signedOffArticle(unique("供热保障"));
		LocalDate today = LocalDate.now(clock);
		AuthenticatedUser again = logIn("publicist");
		assertThatThrownBy(() -> articles.recordSubmission(article.id(), today.plusDays(1), "邮箱", again, scope()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.future");
		assertThatThrownBy(() -> articles.recordSubmission(article.id(), today, " ", again, scope()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.channel");
		articles.recordSubmission(article.id(), today, "邮箱", again, scope());
		assertThatThrownBy(() -> articles.recordAdoption(article.id(), PlatformLevel.CITY, today, "javascript:alert(1)",
				again, scope()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.link");
		assertThatThrownBy(() -> articles.recordAdoption(article.id(), PlatformLevel.CITY, today.minusDays(1), null,
				again, scope()))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.beforeSubmission");
		assertThat(articles.get(article.id(), DataScope.all()).adoptions()).isEmpty();
		// another unit's article is not found for a publicist
		assertThatThrownBy(() -> articles.get(article.id(), DataScope.units(List.of(other))))
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo("xuexi.article.error.notFound");
	}

	private void refused(ArticleForm form, String key) {
		long count = articles.count();
		assertThatThrownBy(() -> articles.create(form, logIn("publicist"), scope()))
			.isInstanceOf(XuexiException.class)
			.extracting(ex -> ((BusinessException) ex).messageKey())
			.isEqualTo(key);
		assertThat(articles.count()).isEqualTo(count);
	}

	private XuexiArticles.Progress progressOf(long unit, PlatformLevel level) {
		return articles.progress(LocalDate.now(clock).getYear(), DataScope.all())
			.stream()
			.filter(p -> p.quota().unitId() == unit && p.quota().level() == level && p.quota().quarter() == 0)
			.findFirst()
			.orElseThrow();
	}

	private BigDecimal unitTotal(long unitId, LocalDate day) {
		return rankings.units(Period.year(day.getYear()))
			.stream()
			.filter(s -> s.id() == unitId)
			.map(Rankings.Standing::total)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

}
