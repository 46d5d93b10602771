package io.infodesk.training.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.ApiNotFound;
import io.infodesk.shared.web.ApiSupport;
import io.infodesk.shared.web.ApiSupport.ApiPage;
import io.infodesk.training.Attendance;
import io.infodesk.training.SkillArea;
import io.infodesk.training.SkillCompetition;
import io.infodesk.training.SkillCompetitions;
import io.infodesk.training.TrainingException;
import io.infodesk.training.TrainingSession;
import io.infodesk.training.TrainingSessions;

/**
 * Training over the REST API (read only, {@code training:view}): the sessions, a person's training record (attendance
 * and competition entries; the person's unit in the data scope, else 404) and the skills competitions with their
 * results once published (before: 404).
 */
@RestController
@RequestMapping(path = "/api/training", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "队伍建设", description = "实务培训、培训记录、技能竞赛结果（只读）")
class TrainingApiController {

	@Schema(name = "TrainingRef", description = "编号和名称")
	record Ref(long id, String name) {

	}

	@Schema(name = "TrainingSession", description = "实务培训")
	record SessionJson(long id, String topic, SkillArea skillArea, String skillLabel, String trainer, LocalDate heldOn,
			String place) {

	}

	@Schema(name = "TrainingRecord", description = "一名人员参加一次培训的情况")
	record RecordJson(SessionJson session, Attendance.Status status, String statusLabel,
			@Schema(description = "缺席原因，无则为 null") String reason) {

	}

	@Schema(name = "TrainingEntry", description = "一件参赛作品")
	record EntryJson(long id, long competitionId, String competition, Ref person, Ref unit, String title,
			@Schema(description = "得分，未汇总为 null") BigDecimal score, Integer placing,
			@Schema(description = "奖项：FIRST、SECOND、THIRD；未获奖或未公布为 null") String award, String awardLabel) {

	}

	@Schema(name = "TrainingProfile", description = "宣传员档案：培训记录和竞赛")
	record ProfileJson(Ref person, Ref unit, List<RecordJson> records, List<EntryJson> entries) {

	}

	@Schema(name = "TrainingCompetition", description = "技能竞赛或专题策划实践")
	record CompetitionJson(long id, String title, SkillCompetition.Kind kind, String kindLabel, SkillArea skillArea,
			String skillLabel, LocalDate heldOn, SkillCompetition.Status status, String statusLabel,
			@Schema(description = "公布日期，未公布为 null") LocalDate publishedOn) {

	}

	private final TrainingSessions sessions;

	private final SkillCompetitions competitions;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	TrainingApiController(TrainingSessions sessions, SkillCompetitions competitions, Organization organization,
			DataScopes dataScopes, Texts texts) {
		this.sessions = sessions;
		this.competitions = competitions;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
	}

	@GetMapping("/sessions")
	@PreAuthorize("hasAuthority('training:view')")
	@Operation(operationId = "listTrainingSessions", summary = "实务培训列表", description = "全部培训，新的在前，分页。")
	ApiPage<SessionJson> listSessions(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		List<TrainingSession> all = sessions.list();
		PageRequest request = ApiSupport.pageRequest(page, size);
		List<TrainingSession> slice = all.stream().skip(request.getOffset()).limit(request.getPageSize()).toList();
		return ApiPage.of(new PageImpl<>(slice, request, all.size()), slice.stream().map(this::sessionJson).toList());
	}

	@GetMapping("/people/{personId}")
	@PreAuthorize("hasAuthority('training:view')")
	@Operation(operationId = "getTrainingProfile", summary = "一名人员的培训记录",
			description = "受邀参加的培训及签到情况、参加的竞赛（奖项在公布后）；人员所在单位须在数据范围内。")
	ProfileJson profile(@Parameter(description = "人员编号") @PathVariable long personId) {
		Person person = organization.person(personId).orElseThrow(ApiNotFound::new);
		if (!dataScopes.current().includes(person.getUnitId())) {
			throw new ApiNotFound();
		}
		List<RecordJson> records = sessions.records(personId)
			.stream()
			.map(r -> new RecordJson(sessionJson(r.session()), r.status(), texts.label("training.attendance.", r.status()),
					r.reason()))
			.toList();
		return new ProfileJson(new Ref(person.getId(), person.getName()), unitRef(person.getUnitId()), records,
				entries(competitions.entriesOf(personId)));
	}

	@GetMapping("/competitions")
	@PreAuthorize("hasAuthority('training:view')")
	@Operation(operationId = "listSkillCompetitions", summary = "技能竞赛列表", description = "全部竞赛和策划实践，新的在前；不含作品。")
	List<CompetitionJson> listCompetitions() {
		return competitions.list()
			.stream()
			.map(c -> new CompetitionJson(c.id(), c.title(), c.kind(), texts.label("training.competition.kind.", c.kind()),
					c.skillArea(), texts.label("training.skill.", c.skillArea()), c.heldOn(), c.status(),
					texts.label("training.competition.status.", c.status()), c.publishedOn()))
			.toList();
	}

	@GetMapping("/competitions/{competitionId}/results")
	@PreAuthorize("hasAuthority('training:view')")
	@Operation(operationId = "getSkillCompetitionResults", summary = "技能竞赛结果",
			description = "公布后的全部作品、参赛人、得分、名次和奖项；公布前答 404。")
	List<EntryJson> results(@Parameter(description = "竞赛编号") @PathVariable long competitionId) {
		SkillCompetition competition;
		try {
			competition = competitions.get(competitionId);
		}
		catch (TrainingException missing) {
			throw new ApiNotFound();
		}
		if (!competition.published()) {
			throw new ApiNotFound();
		}
		return entries(competitions.entries(competitionId));
	}

	private List<EntryJson> entries(List<SkillCompetition.Entry> entries) {
		Map<Long, String> people = organization.people(entries.stream().map(SkillCompetition.Entry::personId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		return entries.stream().map(e -> {
			SkillCompetition competition = competitions.get(e.competitionId());
			boolean published = competition.published();
			return new EntryJson(e.id(), competition.id(), competition.title(),
					new Ref(e.personId(), people.getOrDefault(e.personId(), "")), unitRef(e.unitId()), e.title(),
					published ? e.finalScore() : null, published ? e.placing() : null,
					published && e.awardRank() != null ? e.awardRank().name() : null,
					published && e.awardRank() != null ? texts.label("research.rank.", e.awardRank()) : null);
		}).toList();
	}

	private SessionJson sessionJson(TrainingSession s) {
		return new SessionJson(s.id(), s.topic(), s.skillArea(), texts.label("training.skill.", s.skillArea()), s.trainer(),
				s.heldOn(), s.place());
	}

	private Ref unitRef(long unitId) {
		return new Ref(unitId, organization.unit(unitId).map(Unit::getName).orElse(""));
	}

}
