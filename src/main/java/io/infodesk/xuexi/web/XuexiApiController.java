package io.infodesk.xuexi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;
import io.infodesk.shared.web.ApiSupport.ApiPage;
import io.infodesk.xuexi.Article;
import io.infodesk.xuexi.Figures;
import io.infodesk.xuexi.PlatformLevel;
import io.infodesk.xuexi.XuexiArticles;
import io.infodesk.xuexi.XuexiFigures;
import io.infodesk.xuexi.XuexiRoster;

/**
 * 学习强国 over the REST API (read only): the three figures of S3.4-b for a period, the roster and the article
 * register, with the pages' permissions and data scope (outside the scope = 404).
 */
@RestController
@Tag(name = "学习强国", description = "学习强国指标、学员名册和学习平台稿件（只读）")
class XuexiApiController {

	private final XuexiFigures figures;

	private final XuexiRoster roster;

	private final XuexiArticles articles;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	XuexiApiController(XuexiFigures figures, XuexiRoster roster, XuexiArticles articles, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.figures = figures;
		this.roster = roster;
		this.articles = articles;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@Schema(description = "一个单位（或全局）的注册率和日均登录率")
	record UnitJson(@Schema(description = "单位编号，全局为空") Long unitId, @Schema(description = "单位名称") String unitName,
			@Schema(description = "应学人数") int required, @Schema(description = "已注册人数") int registered,
			@Schema(description = "注册率（0—1），无应学人员时为空") Double registrationRate,
			@Schema(description = "日均登录率（0—1），无数据日时为空") Double loginRate,
			@Schema(description = "计算日均登录率的数据日数") int loginDays, @Schema(description = "科级干部人数") int cadres,
			@Schema(description = "落后年度进度的科级干部人数") int cadresBehind) {

		static UnitJson of(Figures.UnitFigures u) {
			return new UnitJson(u.unitId(), u.unitName(), u.required(), u.registered(), u.registrationRate(),
					u.loginRate(), u.loginDays(), u.cadres(), u.cadresBehind());
		}

	}

	@Schema(description = "一名科级干部的年度积分、进度线和年末预测")
	record CadreJson(@Schema(description = "人员编号") long personId, @Schema(description = "姓名") String name,
			@Schema(description = "单位编号") long unitId, @Schema(description = "单位名称") String unitName,
			@Schema(description = "本年积分") int yearPoints, @Schema(description = "进度线：5000 × 当年第几天 ÷ 全年天数") double pace,
			@Schema(description = "落后进度线的分数（不落后为 0）") int behindBy,
			@Schema(description = "完成 5000 分每日还需的积分") double dailyNeeded,
			@Schema(description = "近 30 个数据日的日均积分") double recentRate,
			@Schema(description = "按近 30 日速度预计的年末积分") int forecast,
			@Schema(description = "预计完不成 5000 分") boolean willMiss) {

		static CadreJson of(Figures.CadreFigures k) {
			return new CadreJson(k.personId(), k.name(), k.unitId(), k.unitName(), k.yearPoints(), k.pace(), k.behindBy(),
					k.dailyNeeded(), k.recentRate(), k.forecast(), k.willMiss());
		}

	}

	@Schema(description = "一个期间的三项指标（定义见 docs/xuexi.md）")
	record FiguresJson(@Schema(description = "期间起") LocalDate from, @Schema(description = "期间止") LocalDate to,
			@Schema(description = "截至日：期间末或今天（取较早者）") LocalDate asOf,
			@Schema(description = "有导入数据的日数") int dataDays, @Schema(description = "缺数据的日数（不计为 0）") int gapDays,
			@Schema(description = "全局") UnitJson bureau, @Schema(description = "各单位") List<UnitJson> units,
			@Schema(description = "科级干部，落后最多者在前") List<CadreJson> cadres) {

	}

	@Schema(description = "学员名册中的一人")
	record MemberJson(@Schema(description = "名册编号") long memberId, @Schema(description = "人员编号") long personId,
			@Schema(description = "姓名") String name, @Schema(description = "单位名称") String unitName,
			@Schema(description = "需学习") boolean required, @Schema(description = "科级干部") boolean cadre,
			@Schema(description = "已注册") boolean registered, @Schema(description = "注册日期") LocalDate registeredOn,
			@Schema(description = "学习强国号") String platformMemberId, @Schema(description = "平台组织") String platformOrg) {

	}

	@Schema(description = "一次采用")
	record AdoptionJson(@Schema(description = "采用平台") PlatformLevel level, @Schema(description = "采用平台名称") String levelLabel,
			@Schema(description = "采用日期") LocalDate adoptedOn, @Schema(description = "链接") String link) {

	}

	@Schema(description = "一篇学习平台稿件")
	record ArticleJson(@Schema(description = "稿件编号") long id, @Schema(description = "标题") String title,
			@Schema(description = "单位编号") long unitId, @Schema(description = "单位名称") String unitName,
			@Schema(description = "作者") List<String> authors, @Schema(description = "拟投平台") PlatformLevel targetLevel,
			@Schema(description = "状态") Article.Status status, @Schema(description = "状态名称") String statusLabel,
			@Schema(description = "投稿日期") LocalDate submittedOn, @Schema(description = "投稿渠道") String channel,
			@Schema(description = "正文字数") int length, @Schema(description = "照片张数") int photos,
			@Schema(description = "采用情况") List<AdoptionJson> adoptions) {

	}

	@GetMapping(path = "/api/xuexi/figures", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('xuexi:view')")
	@Operation(operationId = "xuexiFigures", summary = "学习强国三项指标",
			description = "期间内（默认本年至今）数据范围内各单位和全局的注册率、日均登录率，以及每名科级干部的年度积分、进度线、落后分数、每日还需和年末预测。")
	FiguresJson figures(
			@Parameter(description = "期间起（默认本年 1 月 1 日）") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "期间止（默认今天）") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		Figures f = figures.figures(from == null ? today.withDayOfYear(1) : from, to == null ? today : to,
				dataScopes.current());
		return new FiguresJson(f.from(), f.to(), f.asOf(), f.dataDays(), f.gapDays(), UnitJson.of(f.bureau()),
				f.units().stream().map(UnitJson::of).toList(), f.cadres().stream().map(CadreJson::of).toList());
	}

	@GetMapping(path = "/api/xuexi/roster", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('xuexi:view')")
	@Operation(operationId = "xuexiRoster", summary = "学员名册",
			description = "数据范围内的学员名册（可按单位筛选），含平台身份和注册情况；page 从 1 开始，size 不超过 100。")
	ApiPage<MemberJson> roster(@Parameter(description = "只看该单位") @RequestParam(required = false) Long unitId,
			@Parameter(description = "页码，从 1 开始") @RequestParam(defaultValue = "1") int page,
			@Parameter(description = "每页条数（不超过 100）") @RequestParam(defaultValue = "20") int size) {
		DataScope scope = dataScopes.current();
		if (unitId != null && !scope.includes(unitId)) {
			throw new ApiNotFound();
		}
		List<MemberJson> all = roster.lines(scope, unitId)
			.stream()
			.map(l -> new MemberJson(l.member().getId(), l.member().getPersonId(), l.name(), l.unitName(),
					l.member().isRequired(), l.cadre(), l.member().isRegistered(), l.member().getRegisteredOn(),
					l.member().getPlatformMemberId(), l.member().getPlatformOrg()))
			.toList();
		return page(all, page, size);
	}

	@GetMapping(path = "/api/xuexi/articles", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	@Operation(operationId = "xuexiArticles", summary = "学习平台稿件台账",
			description = "数据范围内的学习平台稿件（可按单位和状态筛选），新的在前，含投稿和各级采用情况；page 从 1 开始，size 不超过 100。")
	ApiPage<ArticleJson> articles(@Parameter(description = "只看该单位") @RequestParam(required = false) Long unitId,
			@Parameter(description = "只看该状态") @RequestParam(required = false) Article.Status status,
			@Parameter(description = "页码，从 1 开始") @RequestParam(defaultValue = "1") int page,
			@Parameter(description = "每页条数（不超过 100）") @RequestParam(defaultValue = "20") int size) {
		DataScope scope = dataScopes.current();
		if (unitId != null && !scope.includes(unitId)) {
			throw new ApiNotFound();
		}
		return page(articles.register(scope, unitId, status).stream().map(this::json).toList(), page, size);
	}

	@GetMapping(path = "/api/xuexi/articles/{articleId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyAuthority('xuexi:view', 'xuexi:contribute')")
	@Operation(operationId = "xuexiArticle", summary = "一篇学习平台稿件",
			description = "稿件的状态、投稿和各级采用情况；不存在或不在数据范围内时为 404。")
	ArticleJson article(@Parameter(description = "稿件编号") @PathVariable long articleId) {
		return articles.find(articleId)
			.filter(a -> dataScopes.current().includes(a.unitId()))
			.map(this::json)
			.orElseThrow(ApiNotFound::new);
	}

	private ArticleJson json(Article a) {
		return new ArticleJson(a.id(), a.title(), a.unitId(), a.unitName(),
				a.authors().stream().map(Article.Author::name).toList(), a.targetLevel(), a.status(),
				texts.label("xuexi.article.status.", a.status()), a.submittedOn(), a.channel(), a.length(), a.photos(),
				a.adoptions()
					.stream()
					.map(d -> new AdoptionJson(d.level(), texts.label("xuexi.level.", d.level()), d.on(), d.link()))
					.toList());
	}

	private static <T> ApiPage<T> page(List<T> all, int page, int size) {
		PageRequest request = ApiSupport.pageRequest(page, size);
		int from = (int) Math.min(request.getOffset(), all.size());
		int to = Math.min(from + request.getPageSize(), all.size());
		return ApiPage.of(new PageImpl<>(all.subList(from, to), request, all.size()), all.subList(from, to));
	}

}
