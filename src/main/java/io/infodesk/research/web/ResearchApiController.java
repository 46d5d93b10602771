package io.infodesk.research.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.research.Competition;
import io.infodesk.research.CompetitionStatus;
import io.infodesk.research.Competitions;
import io.infodesk.research.Paper;
import io.infodesk.research.ResearchException;
import io.infodesk.research.Topic;
import io.infodesk.research.Topics;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;
import io.infodesk.shared.web.ApiSupport.ApiPage;

/**
 * Research over the REST API (read only): research topics with the same filters, permission ({@code research:view})
 * and scope as the pages (the responsible unit in the data scope, or a member of the group), and the paper
 * competitions — their results only once published (before: 404), so that nobody links a paper to its author over
 * the API during the blind review.
 */
@RestController
@RequestMapping(path = "/api/research", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "课题调研", description = "调研课题、调研论文评比结果（只读）")
class ResearchApiController {

	@Schema(name = "ResearchRef", description = "编号和名称")
	record Ref(long id, String name) {

	}

	@Schema(name = "ResearchTopicSummary", description = "调研课题（列表）")
	record TopicSummary(long id, int year, String title, Topic.Source source, String sourceLabel, Topic.Aim aim,
			String aimLabel, Ref unit, Ref lead, Topic.Status status, String statusLabel,
			@Schema(description = "下一个未完成节点的计划日期，全部完成为 null") LocalDate nextDue) {

	}

	@Schema(name = "ResearchMilestone", description = "时间节点")
	record MilestoneJson(Topic.MilestoneKind kind, String label, LocalDate dueOn,
			@Schema(description = "实际完成日期，未完成为 null") LocalDate doneOn) {

	}

	@Schema(name = "ResearchActivity", description = "调研活动")
	record ActivityJson(long id, Topic.ActivityKind kind, String kindLabel, LocalDate heldOn, String place,
			String participants, String summary, String recordedBy, OffsetDateTime recordedAt) {

	}

	@Schema(name = "ResearchOutput", description = "调研成果（文件经页面下载）")
	record OutputJson(long id, Topic.OutputKind kind, String kindLabel, String title, String fileName, String fileType,
			long fileSize, OffsetDateTime addedAt) {

	}

	@Schema(name = "ResearchOutcomeUse", description = "成果转化运用：被采纳或获领导批示")
	record UseJson(long id, Topic.UseKind kind, String kindLabel, Topic.UseLevel level, String levelLabel,
			String usedBy, String content, LocalDate usedOn) {

	}

	@Schema(name = "ResearchTopic", description = "调研课题（详情）")
	record TopicJson(TopicSummary topic, String background, @Schema(description = "调研班组成员（不含负责人）") List<Ref> members,
			@Schema(description = "承接的区级年度重点课题编号，无则为 null") Long keyTopicId, List<MilestoneJson> milestones,
			List<ActivityJson> activities, List<OutputJson> outputs, List<UseJson> uses) {

	}

	@Schema(name = "ResearchCompetition", description = "调研论文评比")
	record CompetitionJson(long id, String title, CompetitionStatus status, String statusLabel, LocalDate opens,
			LocalDate closes, LocalDate judgingCloses, @Schema(description = "结果公布日期，未公布为 null") LocalDate publishedOn) {

	}

	@Schema(name = "ResearchPaperResult", description = "评比结果中的一篇论文")
	record ResultJson(long paperId, String code, String title, Ref author, Ref unit, BigDecimal score,
			@Schema(description = "名次（并列者相同），未评分为 null") Integer placing,
			@Schema(description = "奖项：FIRST、SECOND、THIRD，未获奖为 null") String award, String awardLabel) {

	}

	private final Topics topics;

	private final Competitions competitions;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	ResearchApiController(Topics topics, Competitions competitions, Organization organization, DataScopes dataScopes,
			Texts texts) {
		this.topics = topics;
		this.competitions = competitions;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@GetMapping("/topics")
	@PreAuthorize("hasAuthority('research:view')")
	@Operation(operationId = "listResearchTopics", summary = "调研课题列表",
			description = "与调研课题页面相同的筛选（年度、来源、状态、关键字）；只含责任单位在数据范围内或本人所在班组的课题。")
	ApiPage<TopicSummary> listTopics(@Parameter(description = "年度") @RequestParam(required = false) Integer year,
			@Parameter(description = "来源") @RequestParam(required = false) Topic.Source source,
			@Parameter(description = "状态") @RequestParam(required = false) Topic.Status status,
			@Parameter(description = "课题名称关键字") @RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		List<Topic> all = topics.list(year, source, status, keyword, CurrentUser.require(), dataScopes.current());
		PageRequest request = ApiSupport.pageRequest(page, size);
		List<Topic> slice = all.stream().skip(request.getOffset()).limit(request.getPageSize()).toList();
		return ApiPage.of(new PageImpl<>(slice, request, all.size()), slice.stream().map(this::summary).toList());
	}

	@GetMapping("/topics/{topicId}")
	@PreAuthorize("hasAuthority('research:view')")
	@Operation(operationId = "getResearchTopic", summary = "一个调研课题",
			description = "课题、班组、时间节点、调研活动、调研成果和成果运用。")
	TopicJson topic(@Parameter(description = "课题编号") @PathVariable long topicId) {
		Topic topic;
		try {
			topic = topics.get(topicId);
		}
		catch (ResearchException missing) {
			throw new ApiNotFound();
		}
		if (!Topics.canSee(topic, CurrentUser.require(), dataScopes.current())) {
			throw new ApiNotFound();
		}
		Map<Long, String> names = organization.people(topic.memberPersonIds())
			.stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		return new TopicJson(summary(topic), topic.background(),
				topic.memberPersonIds().stream().map(id -> new Ref(id, names.getOrDefault(id, ""))).toList(),
				topic.keyTopicId(),
				topic.milestones().stream()
					.map(m -> new MilestoneJson(m.kind(), texts.label("research.topic.milestone.", m.kind()), m.dueOn(),
							m.doneOn()))
					.toList(),
				topics.activities(topicId).stream()
					.map(a -> new ActivityJson(a.id(), a.kind(), texts.label("research.topic.activity.", a.kind()),
							a.heldOn(), a.place(), a.participants(), a.summary(), a.recordedBy(),
							ApiSupport.time(a.recordedAt())))
					.toList(),
				topics.outputs(topicId).stream()
					.map(o -> new OutputJson(o.id(), o.kind(), texts.label("research.topic.output.", o.kind()), o.title(),
							o.fileName(), o.fileType(), o.fileSize(), ApiSupport.time(o.addedAt())))
					.toList(),
				topics.uses(topicId).stream()
					.map(u -> new UseJson(u.id(), u.kind(), texts.label("research.topic.use.", u.kind()), u.level(),
							texts.label("research.topic.level.", u.level()), u.usedBy(), u.content(), u.usedOn()))
					.toList());
	}

	@GetMapping("/competitions")
	@PreAuthorize("hasAuthority('research:view')")
	@Operation(operationId = "listPaperCompetitions", summary = "调研论文评比列表",
			description = "全部评比（名称、状态、征集和评审日期、公布日期），新的在前；不含论文。")
	List<CompetitionJson> listCompetitions() {
		return competitions.list().stream().map(this::competitionJson).toList();
	}

	@GetMapping("/competitions/{competitionId}/results")
	@PreAuthorize("hasAuthority('research:view')")
	@Operation(operationId = "getPaperCompetitionResults", summary = "调研论文评比结果",
			description = "结果公布后的论文、作者、单位、得分、名次和奖项；公布前答 404（盲评期间不经接口关联论文和作者）。")
	List<ResultJson> results(@Parameter(description = "评比编号") @PathVariable long competitionId) {
		Competition competition;
		try {
			competition = competitions.get(competitionId);
		}
		catch (ResearchException missing) {
			throw new ApiNotFound();
		}
		if (!competition.published()) {
			throw new ApiNotFound();
		}
		List<Paper> papers = competitions.results(competitionId);
		Map<Long, String> people = organization.people(papers.stream().map(Paper::authorPersonId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		return papers.stream()
			.map(p -> new ResultJson(p.id(), p.code(), p.title(), new Ref(p.authorPersonId(),
					people.getOrDefault(p.authorPersonId(), "")), unitRef(p.unitId()), p.finalScore(), p.placing(),
					p.awardRank() == null ? null : p.awardRank().name(),
					p.awardRank() == null ? null : texts.label("research.rank.", p.awardRank())))
			.toList();
	}

	private CompetitionJson competitionJson(Competition c) {
		return new CompetitionJson(c.id(), c.title(), c.status(), texts.label("research.status.", c.status()), c.opens(),
				c.closes(), c.judgingCloses(), c.publishedOn());
	}

	private TopicSummary summary(Topic t) {
		String lead = organization.person(t.leadPersonId()).map(Person::getName).orElse("");
		return new TopicSummary(t.id(), t.year(), t.title(), t.source(), texts.label("research.topic.source.", t.source()),
				t.aim(), texts.label("research.topic.aim.", t.aim()), unitRef(t.unitId()), new Ref(t.leadPersonId(), lead),
				t.status(), texts.label("research.topic.status.", t.status()),
				t.milestones().stream().filter(m -> !m.done()).map(Topic.Milestone::dueOn).findFirst().orElse(null));
	}

	private Ref unitRef(long unitId) {
		return new Ref(unitId, organization.unit(unitId).map(Unit::getName).orElse(""));
	}

}
