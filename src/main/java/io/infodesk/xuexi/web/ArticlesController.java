package io.infodesk.xuexi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.BusinessException;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.xuexi.Article;
import io.infodesk.xuexi.ArticleForm;
import io.infodesk.xuexi.PlatformLevel;
import io.infodesk.xuexi.XuexiArticles;

/**
 * The article register (组稿、投稿, S3.4-d): the units' articles with their review, submission and adoption, the
 * form with the guidance beside it, and the supply quotas with each unit's progress.
 */
@Controller
@RequestMapping("/xuexi")
class ArticlesController {

	private final XuexiArticles articles;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	ArticlesController(XuexiArticles articles, Organization organization, DataScopes dataScopes, Texts texts,
			Clock clock) {
		this.articles = articles;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	private List<Unit> unitsInScope() {
		DataScope scope = dataScopes.current();
		return organization.activeUnits().stream().filter(u -> scope.includes(u.getId())).toList();
	}

	// ---- register ------------------------------------------------------------------------------

	@GetMapping("/articles")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	String register(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Article.Status status,
			Model model) {
		DataScope scope = dataScopes.current();
		model.addAttribute("articles", articles.register(scope, unitId, status));
		model.addAttribute("units", unitsInScope());
		model.addAttribute("unitId", unitId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", Article.Status.values());
		model.addAttribute("adopted", articles.adoptedPerLevel(LocalDate.now(clock).getYear(), scope));
		return "xuexi/articles";
	}

	@GetMapping("/articles/export")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Article.Status status) {
		List<Article> rows = articles.register(dataScopes.current(), unitId, status);
		byte[] bytes = ExcelExporter.withColumns(List.<ExcelExporter.Column<Article>>of(
				ExcelExporter.Column.of(texts.get("xuexi.article.col.title"), Article::title),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.unit"), Article::unitName),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.authors"), Article::authorNames),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.level"), a -> texts.label("xuexi.level.", a.targetLevel())),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.status"), a -> texts.label("xuexi.article.status.", a.status())),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.submittedOn"), Article::submittedOn),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.channel"), Article::channel),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.adopted"), a -> String.join("；", a.adoptions()
					.stream()
					.map(d -> texts.label("xuexi.level.", d.level()) + " " + d.on() + (d.link() == null ? "" : " " + d.link()))
					.toList()))))
			.export(texts.get("xuexi.article.exportFile"), rows);
		return ExcelDownload.of(texts.get("xuexi.article.exportFile") + ".xlsx", "xuexi-articles.xlsx", bytes);
	}

	@GetMapping("/articles/{articleId}")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	String show(@PathVariable long articleId, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		Article article = articles.get(articleId, dataScopes.current());
		model.addAttribute("article", article);
		model.addAttribute("process", articles.review(articleId).orElse(null));
		model.addAttribute("reviewHistory", articles.reviewHistory(articleId));
		model.addAttribute("mayReview", articles.isCurrentReviewer(articleId, me));
		model.addAttribute("levels", PlatformLevel.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "xuexi/article";
	}

	// ---- the form ------------------------------------------------------------------------------

	@GetMapping("/articles/new")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String newArticle(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		return form(model, new ArticleForm(me.unitId(), null, null, 0, PlatformLevel.CITY,
				me.personId() == null ? List.of() : List.of(me.personId())), null, null);
	}

	@PostMapping("/articles/new")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) Integer photos,
			@RequestParam(required = false) PlatformLevel targetLevel,
			@RequestParam(required = false) List<Long> authorIds, @AuthenticationPrincipal AuthenticatedUser me,
			Model model, RedirectAttributes redirect) {
		ArticleForm form = new ArticleForm(unitId, title, body, photos, targetLevel, authorIds);
		try {
			Article article = articles.create(form, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.article.saved"));
			return "redirect:/xuexi/articles/" + article.id();
		}
		catch (BusinessException refused) {
			return form(model, form, null, texts.get(refused.messageKey(), refused.args()));
		}
	}

	@GetMapping("/articles/{articleId}/edit")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String edit(@PathVariable long articleId, Model model) {
		Article article = articles.get(articleId, dataScopes.current());
		return form(model, new ArticleForm(article.unitId(), article.title(), article.body(), article.photos(),
				article.targetLevel(), article.authors().stream().map(Article.Author::personId).toList()), article, null);
	}

	@PostMapping("/articles/{articleId}/edit")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String update(@PathVariable long articleId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) Integer photos, @RequestParam(required = false) PlatformLevel targetLevel,
			@RequestParam(required = false) List<Long> authorIds, @AuthenticationPrincipal AuthenticatedUser me,
			Model model, RedirectAttributes redirect) {
		Article article = articles.get(articleId, dataScopes.current());
		ArticleForm form = new ArticleForm(unitId, title, body, photos, targetLevel, authorIds);
		try {
			articles.update(articleId, form, me, dataScopes.current());
			redirect.addFlashAttribute("flashSuccess", texts.get("xuexi.article.saved"));
			return "redirect:/xuexi/articles/" + articleId;
		}
		catch (BusinessException refused) {
			return form(model, form, article, texts.get(refused.messageKey(), refused.args()));
		}
	}

	private String form(Model model, ArticleForm form, Article article, String error) {
		List<Unit> units = unitsInScope();
		model.addAttribute("form", form);
		model.addAttribute("article", article);
		model.addAttribute("error", error);
		model.addAttribute("units", units);
		model.addAttribute("levels", PlatformLevel.values());
		model.addAttribute("guidance", articles.guidance());
		Long unitId = form.unitId() != null ? form.unitId() : units.isEmpty() ? null : units.get(0).getId();
		model.addAttribute("people", unitId == null ? List.of() : organization.peopleOf(unitId));
		return "xuexi/articleForm";
	}

	@PostMapping("/articles/guidance")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String saveGuidance(@RequestParam(required = false) String guidance, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi/quotas", "xuexi.article.guidanceSaved",
				() -> articles.saveGuidance(guidance, me));
	}

	// ---- review, submission, adoption ----------------------------------------------------------

	@PostMapping("/articles/{articleId}/review")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String submitForReview(@PathVariable long articleId, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		return act(articleId, redirect, "xuexi.article.submittedReview",
				() -> articles.submitForReview(articleId, me, dataScopes.current()));
	}

	@PostMapping("/articles/{articleId}/approve")
	@PreAuthorize("hasAuthority('reporting:review')")
	String approve(@PathVariable long articleId, @RequestParam(defaultValue = "0") int round,
			@RequestParam(defaultValue = "0") int step, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		return act(articleId, redirect, "xuexi.article.approved",
				() -> articles.approve(articleId, round, step, comment, me, dataScopes.current()));
	}

	@PostMapping("/articles/{articleId}/return")
	@PreAuthorize("hasAuthority('reporting:review')")
	String returnToDrafter(@PathVariable long articleId, @RequestParam(defaultValue = "0") int round,
			@RequestParam(defaultValue = "0") int step, @RequestParam(required = false) String comment,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		return act(articleId, redirect, "xuexi.article.returned",
				() -> articles.returnToDrafter(articleId, round, step, comment, me, dataScopes.current()));
	}

	@PostMapping("/articles/{articleId}/submission")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String recordSubmission(@PathVariable long articleId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn,
			@RequestParam(required = false) String channel, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		return act(articleId, redirect, "xuexi.article.submissionRecorded",
				() -> articles.recordSubmission(articleId, submittedOn, channel, me, dataScopes.current()));
	}

	@PostMapping("/articles/{articleId}/adoption")
	@PreAuthorize("hasAuthority('xuexi:contribute')")
	String recordAdoption(@PathVariable long articleId, @RequestParam(required = false) PlatformLevel level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
			@RequestParam(required = false) String link, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		return act(articleId, redirect, "xuexi.article.adoptionRecorded",
				() -> articles.recordAdoption(articleId, level, adoptedOn, link, me, dataScopes.current()));
	}

	private String act(long articleId, RedirectAttributes redirect, String success, Runnable action) {
		articles.get(articleId, dataScopes.current());
		return FlashActions.run(texts, redirect, "/xuexi/articles/" + articleId, success, action);
	}

	// ---- quotas --------------------------------------------------------------------------------

	@GetMapping("/quotas")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	String quotas(@RequestParam(required = false) Integer year, Model model) {
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("year", chosen);
		model.addAttribute("progress", articles.progress(chosen, dataScopes.current()));
		model.addAttribute("units", unitsInScope());
		model.addAttribute("levels", PlatformLevel.values());
		model.addAttribute("guidance", articles.guidance());
		model.addAttribute("periodLabels", new PeriodLabels(articles));
		return "xuexi/quotas";
	}

	/** The period label of a quota, for the template. */
	record PeriodLabels(XuexiArticles articles) {

		public String of(XuexiArticles.Quota quota) {
			return articles.periodLabel(quota);
		}

	}

	@PostMapping("/quotas")
	@PreAuthorize("hasAuthority('xuexi:manage')")
	String setQuota(@RequestParam(required = false) Long unitId, @RequestParam(required = false) PlatformLevel level,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
			@RequestParam(required = false) Integer quota, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/xuexi/quotas" + (year == null ? "" : "?year=" + year),
				"xuexi.quota.saved",
				() -> articles.setQuota(new XuexiArticles.QuotaForm(unitId, level, year, quarter, quota), me));
	}

	@GetMapping("/quotas/export")
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	ResponseEntity<byte[]> exportQuotas(@RequestParam(required = false) Integer year) {
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		byte[] bytes = ExcelExporter.withColumns(List.<ExcelExporter.Column<XuexiArticles.Progress>>of(
				ExcelExporter.Column.of(texts.get("xuexi.col.unit"), p -> p.quota().unitName()),
				ExcelExporter.Column.of(texts.get("xuexi.article.col.level"), p -> texts.label("xuexi.level.", p.quota().level())),
				ExcelExporter.Column.of(texts.get("xuexi.quota.col.period"), p -> articles.periodLabel(p.quota())),
				ExcelExporter.Column.of(texts.get("xuexi.quota.count"), p -> p.quota().quota()),
				ExcelExporter.Column.of(texts.get("xuexi.quota.col.submitted"), XuexiArticles.Progress::submitted),
				ExcelExporter.Column.of(texts.get("xuexi.quota.col.adopted"), XuexiArticles.Progress::adopted),
				ExcelExporter.Column.of(texts.get("xuexi.quota.col.progress"), p -> p.percent() + "%")))
			.export(texts.get("xuexi.quota.exportFile"), articles.progress(chosen, dataScopes.current()));
		return ExcelDownload.of(texts.get("xuexi.quota.exportFile") + chosen + ".xlsx", "xuexi-quotas-" + chosen + ".xlsx",
				bytes);
	}

}
