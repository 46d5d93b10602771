package io.infodesk.assessment.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.assessment.circular.Circulars;
import io.infodesk.assessment.Ledger;
import io.infodesk.assessment.LedgerEntry;
import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.web.AssessmentApiModels.CategoryPoints;
import io.infodesk.assessment.web.AssessmentApiModels.CircularJson;
import io.infodesk.assessment.web.AssessmentApiModels.EntriesJson;
import io.infodesk.assessment.web.AssessmentApiModels.EntryJson;
import io.infodesk.assessment.web.AssessmentApiModels.FileJson;
import io.infodesk.assessment.web.AssessmentApiModels.PeriodJson;
import io.infodesk.assessment.web.AssessmentApiModels.PeriodQuery;
import io.infodesk.assessment.web.AssessmentApiModels.PositionJson;
import io.infodesk.assessment.web.AssessmentApiModels.RankingJson;
import io.infodesk.assessment.web.AssessmentApiModels.SourceJson;
import io.infodesk.assessment.web.AssessmentApiModels.StandingJson;
import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;

/**
 * The assessment over the REST API (read only, {@code assessment:view}), with the pages' rules of who sees what
 * ({@link AssessmentAccess}): the unit ranking and the 通报 for everyone (the 通报 goes to every unit); the people
 * ranking and the ledger entries of a unit or person only within the scope (the office and the leaders: all). An
 * entry names its source record. A unit or person outside the scope is answered 404 like an unknown one.
 */
@RestController
@Tag(name = "考核", description = "考核排名、积分台账和通报（只读）")
class AssessmentApiController {

	private final Rankings rankings;

	private final Ledger ledger;

	private final Circulars circulars;

	private final Organization organization;

	private final AssessmentAccess access;

	private final AssessmentViews views;

	private final Texts texts;

	private final Clock clock;

	AssessmentApiController(Rankings rankings, Ledger ledger, Circulars circulars, Organization organization,
			AssessmentAccess access, AssessmentViews views, Texts texts, Clock clock) {
		this.rankings = rankings;
		this.ledger = ledger;
		this.circulars = circulars;
		this.organization = organization;
		this.access = access;
		this.views = views;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping(path = "/api/assessment/rankings/units", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "rankUnits", summary = "单位考核排名",
			description = "一个月、季度、年度或日期区间的单位排名：总分、各类别得分、目标分、完成率和等次，并列同名次（1、1、3）。所有有查看权限的用户都可看全部单位的排名（与排名页面相同）。")
	RankingJson units(@ParameterObject PeriodQuery query) {
		Period period = query.period(LocalDate.now(clock));
		return new RankingJson(period(period), rankings.units(period).stream().map(this::standing).toList());
	}

	@GetMapping(path = "/api/assessment/rankings/people", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "rankPeople", summary = "个人考核排名",
			description = "周期内有积分的人员排名。办公室和领导可看全部（可按单位筛选）；其他用户只看本单位，指定其他单位时为 404。")
	RankingJson people(@ParameterObject PeriodQuery query,
			@Parameter(description = "只看该单位的人员") @RequestParam(required = false) Long unitId) {
		Period period = query.period(LocalDate.now(clock));
		DataScope scope = access.scope();
		Long shown = unitId;
		if (!(scope instanceof DataScope.All)) {
			if (unitId != null && !scope.includes(unitId)) {
				throw new ApiNotFound();
			}
			Long own = CurrentUser.require().unitId();
			shown = unitId != null ? unitId : own == null ? -1L : own;
		}
		return new RankingJson(period(period), rankings.people(period, shown).stream().map(this::standing).toList());
	}

	@GetMapping(path = "/api/assessment/units/{unitId}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "unitEntries", summary = "单位积分记录",
			description = "一个单位在周期内的积分台账记录（可按类别筛选），每条含计分规则和来源记录；合计和各类别小计与排名一致。只限数据范围内的单位。")
	EntriesJson unitEntries(@Parameter(description = "单位编号") @PathVariable long unitId,
			@ParameterObject PeriodQuery query,
			@Parameter(description = "只看该类别") @RequestParam(required = false) ScoreKind category) {
		Unit unit = organization.unit(unitId).orElseThrow(ApiNotFound::new);
		if (!access.sees(unit.getId())) {
			throw new ApiNotFound();
		}
		Period period = query.period(LocalDate.now(clock));
		return entries(period, Ledger.EntryQuery.units(period.from(), period.to()).unit(unitId).category(category),
				unit.getId(), unit.getName());
	}

	@GetMapping(path = "/api/assessment/people/{personId}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "personEntries", summary = "个人积分记录",
			description = "一名人员在周期内的积分台账记录（可按类别筛选），每条含计分规则和来源记录。只限数据范围内单位的人员。")
	EntriesJson personEntries(@Parameter(description = "人员编号") @PathVariable long personId,
			@ParameterObject PeriodQuery query,
			@Parameter(description = "只看该类别") @RequestParam(required = false) ScoreKind category) {
		Person person = organization.person(personId).orElseThrow(ApiNotFound::new);
		if (!access.sees(person.getUnitId())) {
			throw new ApiNotFound();
		}
		Period period = query.period(LocalDate.now(clock));
		return entries(period, Ledger.EntryQuery.persons(period.from(), period.to()).person(personId).category(category),
				person.getId(), person.getName());
	}

	@GetMapping(path = "/api/assessment/circulars", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "listCirculars", summary = "通报列表",
			description = "已生成的通报，周期新的在前、同一周期的版本新的在前；每期含 DOCX 和 XLSX 的下载地址、大小和 SHA-256，以及调用者所在单位在该期中的位置。")
	List<CircularJson> circulars() {
		AuthenticatedUser me = CurrentUser.require();
		Map<Long, Circulars.Position> positions = me.unitId() == null ? Map.of() : circulars.positions(me.unitId());
		return circulars.list().stream().map(circular -> {
			Circulars.Position position = positions.get(circular.id());
			String base = "/api/assessment/circulars/" + circular.id();
			return new CircularJson(circular.id(), circular.title(), period(circular.period()), circular.version(),
					circular.status(), texts.label("assessment.circular.status.", circular.status()),
					circular.documentNumber(), circular.issuedOn(), ApiSupport.time(circular.generatedAt()),
					new FileJson(base + "/docx", circular.docxSize(), circular.docxSha256()),
					new FileJson(base + "/xlsx", circular.xlsxSize(), circular.xlsxSha256()),
					position == null ? null : new PositionJson(position.rank(), position.total(),
							position.completion(), position.grade(), texts.label("assessment.grade.", position.grade())));
		}).toList();
	}

	@GetMapping("/api/assessment/circulars/{circularId}/docx")
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "downloadCircularDocx", summary = "下载通报 DOCX",
			description = "与印发时逐字节相同（按保存的 SHA-256 校验，响应头 X-Content-SHA256）；下载记入审计日志。",
			responses = @ApiResponse(responseCode = "200", description = "通报正式文件（GB/T 9704 版式）",
					content = @Content(mediaType = CircularController.DOCX_TYPE,
							schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> docx(@Parameter(description = "通报编号") @PathVariable long circularId) {
		return download(circulars.docx(circularId), CircularController.DOCX_TYPE);
	}

	@GetMapping("/api/assessment/circulars/{circularId}/xlsx")
	@PreAuthorize("hasAuthority('assessment:view')")
	@Operation(operationId = "downloadCircularXlsx", summary = "下载通报 XLSX",
			description = "通报的排名表，与印发时逐字节相同（按保存的 SHA-256 校验）；下载记入审计日志。",
			responses = @ApiResponse(responseCode = "200", description = "排名表（Excel）",
					content = @Content(mediaType = ExcelExporter.CONTENT_TYPE,
							schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> xlsx(@Parameter(description = "通报编号") @PathVariable long circularId) {
		return download(circulars.xlsx(circularId), ExcelExporter.CONTENT_TYPE);
	}

	private static ResponseEntity<byte[]> download(Circulars.StoredFile file, String type) {
		String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + file.asciiName() + "\"; filename*=UTF-8''" + encoded)
			.header("X-Content-SHA256", file.sha256())
			.cacheControl(CacheControl.noStore())
			.contentLength(file.content().length)
			.body(file.content());
	}

	private EntriesJson entries(Period period, Ledger.EntryQuery query, long subjectId, String subjectName) {
		List<EntryJson> entries = ledger.entries(query).stream().map(this::entry).toList();
		return new EntriesJson(period(period), subjectId, subjectName, ledger.total(query),
				categories(ledger.byCategory(query)), entries);
	}

	private EntryJson entry(LedgerEntry e) {
		return new EntryJson(e.id(), e.periodDate(), e.category(), texts.label("assessment.kind.", e.category()),
				views.ruleLabel(e), e.ruleKey(), e.ruleVersion(), e.points(), e.unitId(), e.personId(),
				new SourceJson(e.sourceType(), texts.get("assessment.source." + e.sourceType()), e.sourceId(), e.label(),
						e.link(), e.itemId()),
				e.revision(), e.origin(), texts.get("assessment.origin." + e.origin()), e.note(), e.createdBy(),
				ApiSupport.time(e.createdAt()));
	}

	private StandingJson standing(Rankings.Standing s) {
		return new StandingJson(s.rank(), s.id(), s.name(), s.unitId(), s.unitName(), s.total(),
				categories(s.byCategory()), s.target(), s.completion(), s.grade(),
				s.grade() == null ? null : texts.label("assessment.grade.", s.grade()));
	}

	private List<CategoryPoints> categories(Map<ScoreKind, BigDecimal> byCategory) {
		return byCategory.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> new CategoryPoints(entry.getKey(), texts.label("assessment.kind.", entry.getKey()),
					entry.getValue()))
			.toList();
	}

	private PeriodJson period(Period period) {
		String label = switch (period.kind()) {
			case MONTH -> texts.get("assessment.period.month", period.year(), period.from().getMonthValue());
			case QUARTER -> texts.get("assessment.period.quarter", period.year(), period.quarter());
			case YEAR -> texts.get("assessment.period.year", period.year());
			case RANGE -> texts.get("assessment.period.range", period.from(), period.to());
		};
		return new PeriodJson(period.kind(), period.from(), period.to(), label);
	}

}
