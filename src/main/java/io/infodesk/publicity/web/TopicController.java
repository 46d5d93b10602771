package io.infodesk.publicity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.publicity.AnnualPlan;
import io.infodesk.publicity.AnnualPlans;
import io.infodesk.publicity.Coverages;
import io.infodesk.publicity.MediaTier;
import io.infodesk.publicity.Outlets;
import io.infodesk.publicity.PublicityException;
import io.infodesk.publicity.Topic;
import io.infodesk.publicity.TopicForm;
import io.infodesk.publicity.Topics;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;

/**
 * Topic planning (重大题材新闻报道策划, S3.2-b): the list of planning items of the scope with the office's form for a new
 * one and the Excel export; an item's page with its linked plan points, assignments (fulfilled by a coverage record),
 * planning meetings and state.
 */
@Controller("publicityTopicController")
@RequestMapping("/publicity/topics")
class TopicController {

	/** A point of a plan offered for linking: "planId:position" and its label. */
	record PointOption(String value, String label) {

	}

	private final Topics topics;

	private final AnnualPlans plans;

	private final Coverages coverages;

	private final Outlets outlets;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	TopicController(Topics topics, AnnualPlans plans, Coverages coverages, Outlets outlets, Organization organization,
			DataScopes dataScopes, Texts texts, Clock clock) {
		this.topics = topics;
		this.plans = plans;
		this.coverages = coverages;
		this.outlets = outlets;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('publicity:view')")
	String showTopics(Model model) {
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("topics", topics.list(dataScopes.current()));
		model.addAttribute("units", organization.activeUnits());
		model.addAttribute("people", people());
		model.addAttribute("tiers", MediaTier.values());
		model.addAttribute("pointOptions", pointOptions(year));
		return "publicity/topicList";
	}

	@PostMapping
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processTopic(@RequestParam(required = false) String title, @RequestParam(required = false) String rationale,
			@RequestParam(required = false) Long ownerUnitId, @RequestParam(required = false) List<Long> personIds,
			@RequestParam(required = false) MediaTier targetTier, @RequestParam(required = false) String targetMedia,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calendarOn,
			@RequestParam(required = false) List<String> points, RedirectAttributes redirect) {
		try {
			long id = topics.create(new TopicForm(title, rationale, ownerUnitId, personIds, targetTier, targetMedia,
					calendarOn, points), CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("publicity.topic.saved"));
			return "redirect:/publicity/topics/" + id;
		}
		catch (PublicityException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
			return "redirect:/publicity/topics";
		}
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('publicity:view')")
	ResponseEntity<byte[]> exportTopics() {
		List<ExcelExporter.Column<Topic>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.title"), Topic::title));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.unit"), Topic::ownerUnitName));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.status"),
				t -> texts.get("publicity.topic.status." + t.status())));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.calendarOn"), Topic::calendarOn));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.media"), Topic::targetMedia));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.assignments"),
				t -> texts.get("publicity.topic.progress", t.doneCount(), t.assignments().size())));
		columns.add(ExcelExporter.Column.of(texts.get("publicity.topic.points"),
				t -> String.join("；", t.points().stream().map(Topic.PointRef::work).toList())));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("publicity.menu.topics"),
				topics.list(dataScopes.current()));
		return ExcelDownload.of(texts.get("publicity.topic.fileName"), "topics.xlsx", xlsx);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('publicity:view')")
	String showTopic(@PathVariable long id, Model model) {
		DataScope scope = dataScopes.current();
		Topic topic = topics.get(id, scope);
		model.addAttribute("topic", topic);
		model.addAttribute("people", people());
		model.addAttribute("outlets", outlets.all());
		model.addAttribute("media", Topic.Medium.values());
		model.addAttribute("statuses", Topic.Status.values());
		model.addAttribute("units", organization.activeUnits());
		model.addAttribute("tiers", MediaTier.values());
		java.util.Set<Integer> years = new java.util.TreeSet<>(List.of(LocalDate.now(clock).getYear()));
		topic.points().forEach(p -> years.add(p.year()));
		List<PointOption> options = new ArrayList<>();
		years.forEach(y -> options.addAll(pointOptions(y)));
		model.addAttribute("pointOptions", options);
		java.util.Set<String> selected = new java.util.HashSet<>();
		for (Topic.PointRef ref : topic.points()) {
			List<AnnualPlan.Point> points = plans.get(ref.planId()).getPoints();
			for (int i = 0; i < points.size(); i++) {
				if (points.get(i).getWork().equals(ref.work())) {
					selected.add(ref.planId() + ":" + (i + 1));
				}
			}
		}
		model.addAttribute("selectedPoints", selected);
		model.addAttribute("recentCoverage", coverages.list(Coverages.Filter.none(), scope).stream().limit(50).toList());
		return "publicity/topicDetail";
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processEdit(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String rationale, @RequestParam(required = false) Long ownerUnitId,
			@RequestParam(required = false) List<Long> personIds, @RequestParam(required = false) MediaTier targetTier,
			@RequestParam(required = false) String targetMedia,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calendarOn,
			@RequestParam(required = false) List<String> points, RedirectAttributes redirect) {
		return act(id, redirect, "publicity.topic.updated", () -> topics.update(id, new TopicForm(title, rationale,
				ownerUnitId, personIds, targetTier, targetMedia, calendarOn, points), CurrentUser.require()));
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processStatus(@PathVariable long id, @RequestParam(required = false) Topic.Status status,
			RedirectAttributes redirect) {
		return act(id, redirect, "publicity.topic.statusSaved", () -> topics.setStatus(id, status, CurrentUser.require()));
	}

	@PostMapping("/{id}/assignments")
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processAssignment(@PathVariable long id, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) Topic.Medium medium, @RequestParam(required = false) Long outletId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(id, redirect, "publicity.topic.assigned", () -> {
			if (personId == null) {
				throw new PublicityException("personId", "publicity.topic.person.required");
			}
			topics.assign(id, personId, medium, outletId, dueOn, note, CurrentUser.require());
		});
	}

	@PostMapping("/{id}/assignments/{assignmentId}/fulfil")
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processFulfil(@PathVariable long id, @PathVariable long assignmentId,
			@RequestParam(required = false) Long coverageId, RedirectAttributes redirect) {
		return act(id, redirect, "publicity.topic.fulfilled",
				() -> topics.fulfil(id, assignmentId, coverageId, CurrentUser.require(), dataScopes.current()));
	}

	@PostMapping("/{id}/meetings")
	@PreAuthorize("hasAuthority('publicity:topic:manage')")
	String processMeeting(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String attendees, @RequestParam(required = false) String decisions,
			RedirectAttributes redirect) {
		return act(id, redirect, "publicity.topic.meetingSaved",
				() -> topics.recordMeeting(id, heldOn, attendees, decisions, CurrentUser.require()));
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Runnable action) {
		return FlashActions.run(texts, redirect, "/publicity/topics/" + id, doneKey, action);
	}

	/** The points of the year's plans, "planId:position" with the unit and the node. */
	private List<PointOption> pointOptions(int year) {
		List<PointOption> options = new ArrayList<>();
		for (AnnualPlan plan : plans.ofYear(year)) {
			String unit = organization.unit(plan.getUnitId()).map(Unit::getName).orElse("");
			int n = 0;
			for (AnnualPlan.Point point : plan.getPoints()) {
				n++;
				options.add(new PointOption(plan.getId() + ":" + n, texts.get("publicity.calendar.planTitle", unit,
						point.getWork()) + "（" + plans.node(point) + "）"));
			}
		}
		return options;
	}

	/** The active people with their unit, for the pickers. */
	private List<Topic.Named> people() {
		List<Topic.Named> people = new ArrayList<>();
		for (Unit unit : organization.activeUnits()) {
			for (Person person : organization.peopleOf(unit.getId())) {
				if (person.isActive()) {
					people.add(new Topic.Named(person.getId(), unit.getName() + " " + person.getName()));
				}
			}
		}
		return people;
	}

}
