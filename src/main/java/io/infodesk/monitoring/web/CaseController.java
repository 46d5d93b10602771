package io.infodesk.monitoring.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

import io.infodesk.monitoring.AlertLevel;
import io.infodesk.monitoring.Topic;
import io.infodesk.monitoring.internal.Cases;
import io.infodesk.monitoring.internal.Items;
import io.infodesk.monitoring.internal.OpinionCase;
import io.infodesk.monitoring.internal.SchemeInvalid;
import io.infodesk.organization.ActiveStatus;
import io.infodesk.organization.Organization;
import io.infodesk.organization.People;
import io.infodesk.organization.Person;
import io.infodesk.organization.PersonFilter;
import io.infodesk.organization.Unit;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * Opinion cases (舆情处置, S3.6-a): the list with overdue flags, the month's statistics and the editable deadline
 * hours; a case opened from an alert (an item and its cluster) or by hand; the case page with its deadlines, linked
 * items, action log, assignment to a section, commentators' guidance tasks (S3.6-c) and closing with a review; the
 * online commentators' roster (from organisation) with their tasks.
 */
@Controller
@RequestMapping("/monitoring")
class CaseController {

	/** One case as the list shows and exports it. */
	record CaseRow(long id, String title, String level, String levelLabel, String colour, String topic, String unit,
			String status, String statusLabel, LocalDateTime openedAt, LocalDateTime nextDue, boolean overdue) {

	}

	/** One deadline on the case page. */
	record DueRow(String label, LocalDateTime due, LocalDateTime met, boolean overdue) {

	}

	private final Cases cases;

	private final Items items;

	private final Organization organization;

	private final People people;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	CaseController(Cases cases, Items items, Organization organization, People people, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.cases = cases;
		this.items = items;
		this.organization = organization;
		this.people = people;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/cases")
	@PreAuthorize("hasAnyAuthority('monitoring:view', 'monitoring:case:handle')")
	String showCases(@RequestParam(required = false) OpinionCase.Status status,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("rows", rows(cases.visible(dataScopes.current(), me, status)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", OpinionCase.Status.values());
		model.addAttribute("month", cases.month(YearMonth.now(clock)));
		model.addAttribute("previousMonth", cases.month(YearMonth.now(clock).minusMonths(1)));
		model.addAttribute("topics", Topic.values());
		model.addAttribute("hours", cases.hours());
		return "monitoring/caseList";
	}

	@GetMapping("/cases/export")
	@PreAuthorize("hasAnyAuthority('monitoring:view', 'monitoring:case:handle')")
	ResponseEntity<byte[]> exportCases(@RequestParam(required = false) OpinionCase.Status status,
			@AuthenticationPrincipal AuthenticatedUser me) {
		List<CaseRow> rows = rows(cases.visible(dataScopes.current(), me, status));
		List<ExcelExporter.Column<CaseRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("monitoring.case.openedAt"), CaseRow::openedAt),
				ExcelExporter.Column.of(texts.get("monitoring.case.title"), CaseRow::title),
				ExcelExporter.Column.of(texts.get("monitoring.item.level"), CaseRow::levelLabel),
				ExcelExporter.Column.of(texts.get("monitoring.item.topics"), CaseRow::topic),
				ExcelExporter.Column.of(texts.get("monitoring.case.unit"), CaseRow::unit),
				ExcelExporter.Column.of(texts.get("common.status"), CaseRow::statusLabel),
				ExcelExporter.Column.of(texts.get("monitoring.case.nextDue"), CaseRow::nextDue),
				ExcelExporter.Column.of(texts.get("monitoring.case.overdue"),
						r -> texts.get(r.overdue() ? "monitoring.yes" : "monitoring.no")));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("monitoring.menu.cases"), rows);
		return ExcelDownload.of(texts.get("monitoring.case.fileName", LocalDate.now(clock)), "cases.xlsx", xlsx);
	}

	@PostMapping("/cases/hours")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processHours(@RequestParam(required = false) Integer info, @RequestParam(required = false) Integer press,
			@RequestParam(required = false) Integer response, RedirectAttributes redirect) {
		return FlashActions.run(texts, redirect, "/monitoring/cases", "monitoring.case.hoursSaved", () -> {
			if (info == null || press == null || response == null) {
				throw new SchemeInvalid("monitoring.case.error.hours");
			}
			cases.updateHours(new Cases.Hours(info, press, response));
		});
	}

	@GetMapping("/cases/new")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String initCaseForm(@RequestParam(required = false) Long itemId, Model model) {
		Cases.Opening opening = new Cases.Opening("", "", AlertLevel.GENERAL, null, null, null);
		if (itemId != null) {
			Items.StoredItem item = items.find(itemId).orElseThrow(() -> new SchemeInvalid("monitoring.item.error.notFound"));
			Topic topic = item.topics().isEmpty() ? null : Topic.valueOf(item.topics().split(",")[0]);
			String body = item.body() == null ? "" : item.body();
			opening = new Cases.Opening(item.title(), (body.length() > 500 ? body.substring(0, 500) : body)
					+ "\n" + item.sourceName() + " " + item.url(), item.level() == null ? AlertLevel.GENERAL
							: AlertLevel.valueOf(item.level()), topic, itemId, null);
		}
		return caseForm(opening, null, model);
	}

	@PostMapping("/cases/new")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processCaseForm(@RequestParam(required = false) String title, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String level, @RequestParam(required = false) String topic,
			@RequestParam(required = false) Long itemId, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		Cases.Opening opening = new Cases.Opening(title, summary, AlertLevel.valueOfOrNull(level), topic(topic), itemId,
				unitId);
		try {
			long id = cases.open(opening, me);
			redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.opened"));
			return "redirect:/monitoring/cases/" + id;
		}
		catch (SchemeInvalid refused) {
			return caseForm(opening, texts.get(refused.messageKey(), refused.args()), model);
		}
	}

	@GetMapping("/cases/{caseId}")
	@PreAuthorize("hasAnyAuthority('monitoring:view', 'monitoring:case:handle')")
	String showCase(@PathVariable long caseId, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		DataScope scope = dataScopes.current();
		OpinionCase c = cases.visible(caseId, scope, me);
		Instant now = c.closedAt() != null ? c.closedAt() : Instant.now(clock);
		model.addAttribute("c", c);
		model.addAttribute("row", rows(List.of(c)).get(0));
		model.addAttribute("dues", List.of(
				due("monitoring.case.due.info", c.infoDueAt(), c.infoAt(), now),
				due("monitoring.case.due.press", c.pressDueAt(), c.pressAt(), now),
				due("monitoring.case.due.response", c.responseDueAt(), c.responseAt(), now)).stream()
			.filter(d -> d.due() != null).toList());
		model.addAttribute("leader", c.leaderPersonId() == null ? ""
				: organization.person(c.leaderPersonId()).map(Person::getName).orElse(""));
		model.addAttribute("linked", cases.items(caseId));
		model.addAttribute("actions", cases.actions(caseId).stream()
			.map(a -> Map.of("kind", texts.get("monitoring.case.action." + a.kind().name()), "note", a.note(), "at",
					time(a.actedAt()), "actor", a.actorName()))
			.toList());
		model.addAttribute("actionKinds", OpinionCase.Action.values());
		model.addAttribute("canHandle", Cases.canHandle(c, scope, me) && c.status() != OpinionCase.Status.CLOSED);
		model.addAttribute("units", organization.activeUnits());
		Map<Long, String> names = commentators().stream().collect(Collectors.toMap(Person::getId, Person::getName));
		model.addAttribute("commentators", commentators());
		model.addAttribute("guidance", cases.guidance(caseId).stream()
			.map(g -> Map.of("id", g.id(), "person", names.getOrDefault(g.personId(), "?"), "platform", g.platform(),
					"guidance", g.guidance(), "done", g.doneAt() != null, "doneNote", g.doneNote() == null ? "" : g.doneNote()))
			.toList());
		return "monitoring/caseDetail";
	}

	@PostMapping("/cases/{caseId}/assign")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processAssign(@PathVariable long caseId, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		cases.assign(caseId, unitId, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.assigned"));
		return "redirect:/monitoring/cases/" + caseId;
	}

	@PostMapping("/cases/{caseId}/actions")
	@PreAuthorize("hasAnyAuthority('monitoring:manage', 'monitoring:case:handle')")
	String processAction(@PathVariable long caseId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		OpinionCase c = cases.visible(caseId, dataScopes.current(), me);
		if (!Cases.canHandle(c, dataScopes.current(), me)) {
			throw new org.springframework.security.access.AccessDeniedException("超出数据权限范围");
		}
		OpinionCase.Action action = Arrays.stream(OpinionCase.Action.values()).filter(a -> a.name().equals(kind))
			.findFirst().orElseThrow(() -> new SchemeInvalid("monitoring.case.error.action"));
		cases.act(caseId, action, note, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.logged"));
		return "redirect:/monitoring/cases/" + caseId;
	}

	@PostMapping("/cases/{caseId}/close")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processClose(@PathVariable long caseId, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String review, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		cases.close(caseId, summary, review, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.closed"));
		return "redirect:/monitoring/cases/" + caseId;
	}

	@PostMapping("/cases/{caseId}/guidance")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processGuidance(@PathVariable long caseId, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String platform, @RequestParam(required = false) String guidance,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		cases.guide(caseId, personId, platform, guidance, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.guided"));
		return "redirect:/monitoring/cases/" + caseId;
	}

	@PostMapping("/cases/{caseId}/guidance/{taskId}/done")
	@PreAuthorize("hasAuthority('monitoring:manage')")
	String processGuidanceDone(@PathVariable long caseId, @PathVariable long taskId,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		cases.guidanceDone(caseId, taskId, note, me);
		redirect.addFlashAttribute("flashSuccess", texts.get("monitoring.case.guidanceDone"));
		return "redirect:/monitoring/cases/" + caseId;
	}

	/** The online commentators (S3.6-c): the roster from organisation and every guidance task with its completion. */
	@GetMapping("/commentators")
	@PreAuthorize("hasAuthority('monitoring:view')")
	String showCommentators(Model model) {
		List<Person> roster = commentators();
		Map<Long, String> unitNames = organization.activeUnits().stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		Map<Long, Person> byId = roster.stream().collect(Collectors.toMap(Person::getId, Function.identity()));
		List<Cases.Guidance> tasks = cases.allGuidance();
		model.addAttribute("roster", roster.stream()
			.map(p -> Map.of("name", p.getName(), "unit", unitNames.getOrDefault(p.getUnitId(), ""), "tasks",
					tasks.stream().filter(t -> t.personId() == p.getId()).count(), "done",
					tasks.stream().filter(t -> t.personId() == p.getId() && t.doneAt() != null).count()))
			.toList());
		model.addAttribute("tasks", tasks.stream()
			.map(t -> Map.of("caseId", t.caseId(), "person", byId.containsKey(t.personId()) ? byId.get(t.personId()).getName() : "?",
					"platform", t.platform(), "guidance", t.guidance(), "done", t.doneAt() != null))
			.toList());
		return "monitoring/commentators";
	}

	private List<Person> commentators() {
		return people.list(new PersonFilter(null, null, null, null, true, ActiveStatus.ACTIVE), DataScope.all());
	}

	private String caseForm(Cases.Opening opening, String error, Model model) {
		model.addAttribute("opening", opening);
		model.addAttribute("error", error);
		model.addAttribute("levels", AlertLevel.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("units", organization.activeUnits());
		model.addAttribute("hours", cases.hours());
		return "monitoring/caseForm";
	}

	private static Topic topic(String topic) {
		return Arrays.stream(Topic.values()).filter(t -> t.name().equals(topic)).findFirst().orElse(null);
	}

	private DueRow due(String key, Instant due, Instant met, Instant now) {
		return new DueRow(texts.get(key), time(due), time(met), OpinionCase.overdue(due, met, now));
	}

	private LocalDateTime time(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
	}

	private List<CaseRow> rows(List<OpinionCase> list) {
		Instant now = Instant.now(clock);
		Map<Long, String> unitNames = organization.activeUnits().stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		return list.stream().map(c -> {
			Instant next = java.util.stream.Stream.<Instant>of(
					c.infoAt() == null ? c.infoDueAt() : null, c.pressAt() == null ? c.pressDueAt() : null,
					c.responseAt() == null ? c.responseDueAt() : null)
				.filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
			return new CaseRow(c.id(), c.title(), c.level().name(), texts.get("monitoring.level." + c.level().name()),
					c.level().colour(), c.topic() == null ? "" : texts.get("monitoring.topic." + c.topic().name()),
					c.unitId() == null ? "" : unitNames.getOrDefault(c.unitId(), ""), c.status().name(),
					texts.get("monitoring.case.status." + c.status().name()), time(c.openedAt()),
					c.status() == OpinionCase.Status.CLOSED ? null : time(next),
					c.overdue(c.closedAt() != null ? c.closedAt() : now));
		}).toList();
	}

}
