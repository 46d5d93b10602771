package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.AnnualPlan;
import io.infodesk.publicity.AnnualPlans;
import io.infodesk.publicity.CalendarEntry;
import io.infodesk.publicity.Coverage;
import io.infodesk.publicity.Coverages;
import io.infodesk.publicity.FollowThrough;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlet;
import io.infodesk.publicity.Outlets;
import io.infodesk.publicity.PublicityCalendar;
import io.infodesk.publicity.PublicityException;
import io.infodesk.publicity.Topic;
import io.infodesk.publicity.Topics;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;
import io.infodesk.shared.web.ApiSupport.ApiPage;
import io.infodesk.publicity.web.PublicityApiModels.AssignmentJson;
import io.infodesk.publicity.web.PublicityApiModels.CalendarEntryJson;
import io.infodesk.publicity.web.PublicityApiModels.CoverageJson;
import io.infodesk.publicity.web.PublicityApiModels.CreditJson;
import io.infodesk.publicity.web.PublicityApiModels.MeetingJson;
import io.infodesk.publicity.web.PublicityApiModels.PlanJson;
import io.infodesk.publicity.web.PublicityApiModels.PlanPointJson;
import io.infodesk.publicity.web.PublicityApiModels.PlanStatusJson;
import io.infodesk.publicity.web.PublicityApiModels.TopicJson;
import io.infodesk.publicity.web.PublicityApiModels.UnitRef;

/**
 * Publicity over the REST API (read only, issue 12 point 7): the year's plans with their filing state and
 * follow-through, a unit's plan, the calendar of a period, the coverage register and the planning items — with the
 * pages' permission ({@code publicity:view}) and data scope; a record outside the scope is answered 404.
 */
@RestController
@RequestMapping(path = "/api/publicity", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "宣传报道", description = "年度宣传要点计划、宣传日历、见报播出登记和选题策划（只读）")
class PublicityApiController {

	private final AnnualPlans plans;

	private final FollowThrough followThrough;

	private final PublicityCalendar calendar;

	private final Coverages coverages;

	private final Outlets outlets;

	private final Topics topics;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	PublicityApiController(AnnualPlans plans, FollowThrough followThrough, PublicityCalendar calendar,
			Coverages coverages, Outlets outlets, Topics topics, Organization organization, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.plans = plans;
		this.followThrough = followThrough;
		this.calendar = calendar;
		this.coverages = coverages;
		this.outlets = outlets;
		this.topics = topics;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/plans")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "listPublicityPlans", summary = "年度宣传要点计划备案与完成情况",
			description = "数据范围内每个单位本年度（或 year 指定年度）计划的状态（已备案、待备案、已退回、草稿、未报送）、是否逾期，及要点完成情况。")
	List<PlanStatusJson> plans(@Parameter(description = "年度，默认今年") @RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		DataScope scope = dataScopes.current();
		Map<Long, FollowThrough.UnitProgress> progress = new java.util.HashMap<>();
		followThrough.units(y, scope).forEach(p -> progress.put(p.unit().getId(), p));
		return plans.status(y, scope).stream().map(line -> {
			FollowThrough.UnitProgress p = progress.get(line.unit().getId());
			return new PlanStatusJson(unitRef(line.unit()), line.state(), texts.get("publicity.plan.state." + line.state()),
					line.overdue(), line.plan() == null ? 0 : line.plan().getRevision(), p == null ? 0 : p.points(),
					p == null ? 0 : p.done(), p == null ? 0 : p.pending(), p == null ? 0 : p.overdue());
		}).toList();
	}

	@GetMapping("/plans/{unitId}/{year}")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "getPublicityPlan", summary = "一个单位的年度宣传要点计划", description = "要点及其完成情况；没有计划或单位不在数据范围内为 404。")
	PlanJson plan(@Parameter(description = "单位编号") @PathVariable long unitId,
			@Parameter(description = "年度") @PathVariable int year) {
		Unit unit = organization.unit(unitId).filter(u -> dataScopes.current().includes(u.getId()))
			.orElseThrow(ApiNotFound::new);
		AnnualPlan plan = plans.find(unitId, year).orElseThrow(ApiNotFound::new);
		AnnualPlans.State state = AnnualPlans.State.valueOf(plan.getStatus().name());
		return new PlanJson(unitRef(unit), year, state, texts.get("publicity.plan.state." + state), plan.getRevision(),
				plans.deadline(year), plan.getDecisionComment(), followThrough.points(plan).stream()
					.map(p -> new PlanPointJson(p.position(), p.point().getWork(), p.point().getForm(),
							p.point().getTargetTier(), p.point().getNodeMonth(), p.point().getNodeDate(), p.state(),
							p.coverages()))
					.toList());
	}

	@GetMapping("/calendar")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "listPublicityCalendar", summary = "宣传日历节点",
			description = "from 至 to（含，默认本月，最长 400 天）的节日纪念日（农历与节气逐年计算）、主题月、数据范围内的计划节点和活动。")
	List<CalendarEntryJson> calendar(
			@Parameter(description = "起始日期") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "截止日期（含）") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = from == null ? today.withDayOfMonth(1) : from;
		LocalDate end = to == null ? start.withDayOfMonth(start.lengthOfMonth()) : to;
		if (end.isBefore(start)) {
			throw new PublicityException("to", "publicity.calendar.event.end.before");
		}
		if (end.toEpochDay() - start.toEpochDay() > 400) {
			throw new PublicityException("to", "publicity.api.calendar.range");
		}
		return calendar.entries(start, end, dataScopes.current()).stream()
			.map(e -> new CalendarEntryJson(e.uid(), e.kind(), texts.get("publicity.calendar.kind." + e.kind()), e.title(),
					e.start(), e.end(), e.startTime(), e.endTime(), e.detail(),
					e.unitId() == null ? null : new UnitRef(e.unitId(), e.unitName()), e.leadDays()))
			.toList();
	}

	@GetMapping("/coverage")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "listPublicityCoverage", summary = "见报播出登记",
			description = "与登记页面相同的筛选（标题关键字、单位、媒体级别、刊播日期），按刊播日期倒序分页；只含署名单位在数据范围内的记录。")
	ApiPage<CoverageJson> coverage(@Parameter(description = "标题关键字") @RequestParam(required = false) String keyword,
			@Parameter(description = "计分单位编号") @RequestParam(required = false) Long unitId,
			@Parameter(description = "媒体级别") @RequestParam(required = false) MediaTier tier,
			@Parameter(description = "刊播日期起") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "刊播日期止") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		Page<Coverage> result = coverages.search(new Coverages.Filter(keyword, unitId, tier, from, to), dataScopes.current(),
				ApiSupport.pageRequest(page, size));
		Map<Long, Outlet> byId = outlets.byId();
		return ApiPage.of(result, result.getContent().stream().map(c -> coverageJson(c, byId)).toList());
	}

	@GetMapping("/coverage/{coverageId}")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "getPublicityCoverage", summary = "一条见报播出记录")
	CoverageJson coverageRecord(@Parameter(description = "记录编号") @PathVariable long coverageId) {
		Coverage coverage;
		try {
			coverage = coverages.get(coverageId);
		}
		catch (PublicityException missing) {
			throw new ApiNotFound();
		}
		if (!Coverages.visible(coverage, dataScopes.current())) {
			throw new ApiNotFound();
		}
		return coverageJson(coverage, outlets.byId());
	}

	@GetMapping("/topics")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "listPublicityTopics", summary = "选题策划", description = "牵头单位在数据范围内的选题策划，新建的在前，含采写任务和策划会记录。")
	List<TopicJson> topics() {
		return topics.list(dataScopes.current()).stream().map(this::topicJson).toList();
	}

	@GetMapping("/topics/{topicId}")
	@PreAuthorize("hasAuthority('publicity:view')")
	@Operation(operationId = "getPublicityTopic", summary = "一项选题策划")
	TopicJson topic(@Parameter(description = "选题编号") @PathVariable long topicId) {
		try {
			return topicJson(topics.get(topicId, dataScopes.current()));
		}
		catch (PublicityException missing) {
			throw new ApiNotFound();
		}
	}

	private TopicJson topicJson(Topic t) {
		return new TopicJson(t.id(), t.title(), t.rationale(), new UnitRef(t.ownerUnitId(), t.ownerUnitName()), t.status(),
				texts.get("publicity.topic.status." + t.status()), t.targetTier(), t.targetMedia(), t.calendarOn(),
				t.people().stream().map(Topic.Named::name).toList(), t.points().stream().map(Topic.PointRef::work).toList(),
				t.assignments().stream().map(a -> new AssignmentJson(a.id(), a.personName(), a.medium(), a.outletName(),
						a.dueOn(), a.note(), a.coverageId(), a.overdue())).toList(),
				t.meetings().stream().map(m -> new MeetingJson(m.heldOn(), m.attendees(), m.decisions())).toList());
	}

	private CoverageJson coverageJson(Coverage c, Map<Long, Outlet> byId) {
		Outlet outlet = byId.get(c.getOutletId());
		return new CoverageJson(c.getId(), c.getPublishedOn(), outlet == null ? null : outlet.getName(),
				outlet == null ? null : outlet.getTier(), c.getTitle(), c.getLink(), c.getForm(), c.getPlacement(),
				c.getCredits().stream().map(credit -> new CreditJson(credit.getPersonId(),
						organization.person(credit.getPersonId()).map(io.infodesk.organization.Person::getName).orElse(""),
						new UnitRef(credit.getUnitId(), organization.unit(credit.getUnitId()).map(Unit::getName).orElse("")),
						credit.getWeight())).toList(),
				c.getRecordedByName(), ApiSupport.time(c.getRecordedAt()));
	}

	private static UnitRef unitRef(Unit unit) {
		return new UnitRef(unit.getId(), unit.getName());
	}

}
