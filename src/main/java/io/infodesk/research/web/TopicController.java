package io.infodesk.research.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.research.PersonChoices;
import io.infodesk.research.KeyTopics;
import io.infodesk.research.ResearchException;
import io.infodesk.research.Topic;
import io.infodesk.research.TopicForm;
import io.infodesk.research.Topics;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;

/**
 * Research topics (调研课题): the list with its filters and Excel export, the office's form, the page of a topic
 * (source, aim, unit and lead, group, milestones, activity log, outputs, upward uses) with the group's and the
 * office's actions, the output downloads.
 */
@Controller("researchTopicController")
@RequestMapping("/research/topics")
class TopicController {

	/** A topic in the list and its export. */
	record TopicRow(long id, int year, String title, String source, String aim, String unit, String lead, String status,
			String statusName, String nextMilestone, boolean overdue, int uses) {

	}

	/** An activity in the log and its export. */
	record ActivityRow(LocalDate heldOn, String kind, String place, String participants, String summary, String recordedBy) {

	}

	private final Topics topics;

	private final KeyTopics keyTopics;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	TopicController(Topics topics, KeyTopics keyTopics, Organization organization, DataScopes dataScopes, Texts texts,
			Clock clock) {
		this.topics = topics;
		this.keyTopics = keyTopics;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	@PreAuthorize("hasAuthority('research:view')")
	String showList(@RequestParam(required = false) Integer year, @RequestParam(required = false) Topic.Source source,
			@RequestParam(required = false) Topic.Status status, @RequestParam(required = false) String keyword,
			Model model) {
		model.addAttribute("rows", rows(year, source, status, keyword));
		model.addAttribute("year", year);
		model.addAttribute("source", source);
		model.addAttribute("status", status);
		model.addAttribute("keyword", keyword);
		model.addAttribute("sources", Topic.Source.values());
		model.addAttribute("statuses", Topic.Status.values());
		return "research/topicList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportList(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Topic.Source source, @RequestParam(required = false) Topic.Status status,
			@RequestParam(required = false) String keyword) {
		List<ExcelExporter.Column<TopicRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("research.topic.year"), TopicRow::year),
				ExcelExporter.Column.of(texts.get("research.topic.title"), TopicRow::title),
				ExcelExporter.Column.of(texts.get("research.topic.source"), TopicRow::source),
				ExcelExporter.Column.of(texts.get("research.topic.aim"), TopicRow::aim),
				ExcelExporter.Column.of(texts.get("research.topic.unit"), TopicRow::unit),
				ExcelExporter.Column.of(texts.get("research.topic.lead"), TopicRow::lead),
				ExcelExporter.Column.of(texts.get("research.topic.status"), TopicRow::status),
				ExcelExporter.Column.of(texts.get("research.topic.nextMilestone"), TopicRow::nextMilestone),
				ExcelExporter.Column.of(texts.get("research.topic.uses"), TopicRow::uses));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.topics"), rows(year, source, status, keyword));
		return ExcelDownload.of(texts.get("research.topics.fileName", LocalDate.now(clock)), "topics.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String initCreationForm(@RequestParam(required = false) Long keyTopic, @RequestParam(required = false) Long candidate,
			Model model) {
		TopicForm form = TopicForm.blank(LocalDate.now(clock));
		if (keyTopic != null) {
			var key = keyTopics.get(keyTopic);
			form = new TopicForm(key.title(), key.description(), key.body(), form.aim(), null, null, List.of(), form.planOn(),
					form.fieldOn(), form.draftOn(), form.finalOn(), key.id(), null);
		}
		else if (candidate != null) {
			var chosen = keyTopics.candidate(candidate);
			if (!chosen.chosen() || chosen.topicId() != null) {
				throw ResearchException.of("research.topic.candidate.notChosen");
			}
			form = new TopicForm(chosen.title(), chosen.rationale(), Topic.Source.ANALYSIS, chosen.aim(), null, null,
					List.of(), form.planOn(), form.fieldOn(), form.draftOn(), form.finalOn(), null, chosen.id());
		}
		model.addAttribute("topicForm", form);
		return showForm(model);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String processCreationForm(@Valid @ModelAttribute("topicForm") TopicForm topicForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			Topic topic = topics.create(topicForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.topic.created"));
			return "redirect:/research/topics/" + topic.id();
		}
		catch (ResearchException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('research:manage')")
	String initUpdateForm(@PathVariable long id, Model model) {
		Topic topic = topics.get(id);
		List<LocalDate> days = topic.milestones().stream().map(Topic.Milestone::dueOn).toList();
		model.addAttribute("topicForm", new TopicForm(topic.title(), topic.background(), topic.source(), topic.aim(),
				topic.unitId(), topic.leadPersonId(), topic.memberPersonIds(), days.get(0), days.get(1), days.get(2),
				days.get(3), topic.keyTopicId(), null));
		model.addAttribute("editing", topic);
		return showForm(model);
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('research:manage')")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("topicForm") TopicForm topicForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("editing", topics.get(id));
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			topics.update(id, topicForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.topic.updated"));
			return "redirect:/research/topics/" + id;
		}
		catch (ResearchException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('research:view')")
	String showTopic(@PathVariable long id, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		Topic topic = topics.visible(id, me, dataScopes.current());
		Map<Long, String> names = names(topic);
		model.addAttribute("topic", topic);
		model.addAttribute("unit", unitName(topic.unitId()));
		model.addAttribute("lead", names.getOrDefault(topic.leadPersonId(), ""));
		model.addAttribute("members", topic.memberPersonIds().stream().map(p -> names.getOrDefault(p, "")).toList());
		model.addAttribute("keyTopic", topic.keyTopicId() == null ? null : keyTopics.get(topic.keyTopicId()));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("activities", activityRows(id));
		model.addAttribute("outputs", topics.outputs(id));
		model.addAttribute("uses", topics.uses(id));
		model.addAttribute("canWork", Topics.canWork(topic, me));
		model.addAttribute("manager", me.can(Permissions.RESEARCH_MANAGE));
		model.addAttribute("activityKinds", Topic.ActivityKind.values());
		model.addAttribute("outputKinds", Topic.OutputKind.values());
		model.addAttribute("useKinds", Topic.UseKind.values());
		model.addAttribute("useLevels", Topic.UseLevel.values());
		return "research/topic";
	}

	@GetMapping("/{id}/activities/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportActivities(@PathVariable long id) {
		Topic topic = topics.visible(id, CurrentUser.require(), dataScopes.current());
		List<ExcelExporter.Column<ActivityRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("research.topic.activity.heldOn"), ActivityRow::heldOn),
				ExcelExporter.Column.of(texts.get("research.topic.activity.kind"), ActivityRow::kind),
				ExcelExporter.Column.of(texts.get("research.topic.activity.place"), ActivityRow::place),
				ExcelExporter.Column.of(texts.get("research.topic.activity.participants"), ActivityRow::participants),
				ExcelExporter.Column.of(texts.get("research.topic.activity.summary"), ActivityRow::summary),
				ExcelExporter.Column.of(texts.get("research.topic.activity.recordedBy"), ActivityRow::recordedBy));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.topic.activities"), activityRows(id));
		return ExcelDownload.of(texts.get("research.topic.activities.fileName", topic.title()), "activities.xlsx", xlsx);
	}

	@PostMapping("/{id}/milestones/{milestoneId}")
	@PreAuthorize("hasAuthority('research:view')")
	String completeMilestone(@PathVariable long id, @PathVariable long milestoneId, RedirectAttributes redirect) {
		return act(id, redirect, "research.topic.milestone.met",
				() -> topics.completeMilestone(id, milestoneId, CurrentUser.require()));
	}

	@PostMapping("/{id}/activities")
	@PreAuthorize("hasAuthority('research:view')")
	String recordActivity(@PathVariable long id, @RequestParam(required = false) Topic.ActivityKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return act(id, redirect, "research.topic.activity.recorded",
				() -> topics.recordActivity(id, kind, heldOn, place, participants, summary, CurrentUser.require()));
	}

	@PostMapping("/{id}/outputs")
	@PreAuthorize("hasAuthority('research:view')")
	String addOutput(@PathVariable long id, @RequestParam(required = false) Topic.OutputKind kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return act(id, redirect, "research.topic.output.added",
				() -> topics.addOutput(id, kind, title, Upload.of(file), CurrentUser.require()));
	}

	@GetMapping("/outputs/{outputId}/file")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<Resource> downloadOutput(@PathVariable long outputId) {
		Resource file = topics.outputFile(outputId, CurrentUser.require(), dataScopes.current());
		Topic.Output output = topics.output(outputId);
		return FileDownload.of(file, output.fileName(), FileType.valueOf(output.fileType()), output.fileSize());
	}

	@PostMapping("/{id}/uses")
	@PreAuthorize("hasAuthority('research:manage')")
	String recordUse(@PathVariable long id, @RequestParam(required = false) Topic.UseKind kind,
			@RequestParam(required = false) Topic.UseLevel level, @RequestParam(required = false) String usedBy,
			@RequestParam(required = false) String content,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate usedOn,
			@RequestParam(required = false) Long outputId, RedirectAttributes redirect) {
		return act(id, redirect, "research.topic.use.recorded",
				() -> topics.recordUse(id, kind, level, usedBy, content, usedOn, outputId, CurrentUser.require()));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		return FlashActions.run(texts, redirect, "/research/topics/" + id, done, action);
	}

	private String showForm(Model model) {
		List<Unit> units = organization.activeUnits();
		List<List<String>> people = PersonChoices.of(organization);
		model.addAttribute("units", units);
		model.addAttribute("people", people);
		model.addAttribute("sources", Topic.Source.values());
		model.addAttribute("aims", Topic.Aim.values());
		model.addAttribute("keyTopics", keyTopics.list(null));
		TopicForm form = (TopicForm) model.getAttribute("topicForm");
		model.addAttribute("selectedMembers", form == null ? List.of()
				: form.memberPersonIds().stream().map(String::valueOf).toList());
		return "research/topicForm";
	}


	private List<TopicRow> rows(Integer year, Topic.Source source, Topic.Status status, String keyword) {
		AuthenticatedUser me = CurrentUser.require();
		List<Topic> list = topics.list(year, source, status, keyword, me, dataScopes.current());
		Map<Long, String> people = organization.people(list.stream().map(Topic::leadPersonId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		Map<Long, Integer> uses = topics.useCounts();
		LocalDate today = LocalDate.now(clock);
		return list.stream().map(t -> {
			Topic.Milestone next = t.milestones().stream().filter(m -> !m.done()).findFirst().orElse(null);
			return new TopicRow(t.id(), t.year(), t.title(), texts.label("research.topic.source.", t.source()),
					texts.label("research.topic.aim.", t.aim()), unitName(t.unitId()), people.getOrDefault(t.leadPersonId(), ""),
					texts.label("research.topic.status.", t.status()), t.status().name(),
					next == null ? "" : texts.label("research.topic.milestone.", next.kind()) + " " + next.dueOn(),
					next != null && next.overdue(today), uses.getOrDefault(t.id(), 0));
		}).toList();
	}

	private List<ActivityRow> activityRows(long topicId) {
		return topics.activities(topicId)
			.stream()
			.map(a -> new ActivityRow(a.heldOn(), texts.label("research.topic.activity.", a.kind()), a.place(),
					a.participants(), a.summary(), a.recordedBy()))
			.toList();
	}

	private Map<Long, String> names(Topic topic) {
		List<Long> ids = new ArrayList<>(topic.memberPersonIds());
		ids.add(topic.leadPersonId());
		return organization.people(ids).stream().collect(Collectors.toMap(Person::getId, Person::getName));
	}

	private String unitName(long unitId) {
		return organization.unit(unitId).map(Unit::getName).orElse("");
	}

}
