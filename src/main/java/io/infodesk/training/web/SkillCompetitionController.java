package io.infodesk.training.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.infodesk.organization.Organization;
import io.infodesk.organization.Person;
import io.infodesk.organization.Unit;
import io.infodesk.research.AwardRank;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.research.PersonChoices;
import io.infodesk.training.SkillArea;
import io.infodesk.training.SkillCompetition;
import io.infodesk.training.SkillCompetitions;
import io.infodesk.training.TrainingException;

/**
 * Skills competitions and planning practice (技能竞赛、专题策划实践): the list and its export, the organiser's form,
 * the page of a competition (entries with the judges' totals, a judge's sheets, the proposal, the published results)
 * and its export. Before publication a reader sees the entries of the units in their data scope (the organiser and
 * the judges see all); the results are public.
 */
@Controller
@RequestMapping("/training/competitions")
class SkillCompetitionController {

	/** A competition in the list. */
	record CompetitionRow(long id, LocalDate heldOn, String title, String kind, String skill, String status,
			int entries, boolean judging) {

	}

	/**
	 * An entry as the page and the export show it; for a judge also whether they may score it (not of their unit) and
	 * their own points by criterion id.
	 */
	record EntryRow(long id, long personId, String person, String unit, String title, List<String> scores, String score,
			Integer judges, String spread, boolean flagged, String proposed, String award, Integer placing,
			boolean scorable, Map<Long, BigDecimal> mine) {

		public String scoreList() {
			return String.join(" / ", scores);
		}

	}

	private final SkillCompetitions competitions;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	SkillCompetitionController(SkillCompetitions competitions, Organization organization, DataScopes dataScopes,
			Texts texts, Clock clock) {
		this.competitions = competitions;
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
	@PreAuthorize("hasAuthority('training:view')")
	String showList(Model model) {
		model.addAttribute("rows", rows());
		return "training/competitionList";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('training:view')")
	ResponseEntity<byte[]> exportList() {
		List<ExcelExporter.Column<CompetitionRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("training.competition.heldOn"), CompetitionRow::heldOn),
				ExcelExporter.Column.of(texts.get("training.competition.title"), CompetitionRow::title),
				ExcelExporter.Column.of(texts.get("training.competition.kind"), CompetitionRow::kind),
				ExcelExporter.Column.of(texts.get("training.skill"), CompetitionRow::skill),
				ExcelExporter.Column.of(texts.get("common.status"), CompetitionRow::status),
				ExcelExporter.Column.of(texts.get("training.competition.entries"), CompetitionRow::entries));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("training.competitions"), rows());
		return ExcelDownload.of(texts.get("training.competitions.fileName", LocalDate.now(clock)), "competitions.xlsx", xlsx);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('training:manage')")
	String initCreationForm(Model model) {
		SkillCompetitions.Form form = SkillCompetitions.Form.blank(LocalDate.now(clock));
		model.addAttribute("competitionForm", form);
		return showForm(model, form);
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('training:manage')")
	String processCreationForm(@ModelAttribute("competitionForm") SkillCompetitions.Form competitionForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model, competitionForm);
		}
		try {
			SkillCompetition competition = competitions.open(competitionForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("training.competition.opened"));
			return "redirect:/training/competitions/" + competition.id();
		}
		catch (TrainingException refused) {
			FormErrors.reject(result, refused);
			return showForm(model, competitionForm);
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('training:view')")
	String showCompetition(@PathVariable long id, Model model) {
		SkillCompetition competition = competitions.get(id);
		model.addAttribute("competition", competition);
		model.addAttribute("entries", entryRows(competition));
		model.addAttribute("manager", CurrentUser.require().can(Permissions.TRAINING_MANAGE));
		model.addAttribute("judge", competition.judgedBy(CurrentUser.require().personId()));
		List<List<String>> people = PersonChoices.of(organization);
		model.addAttribute("people", people);
		return "training/competition";
	}

	@GetMapping("/{id}/export")
	@PreAuthorize("hasAuthority('training:view')")
	ResponseEntity<byte[]> exportEntries(@PathVariable long id) {
		SkillCompetition competition = competitions.get(id);
		List<ExcelExporter.Column<EntryRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("training.entry.placing"), EntryRow::placing),
				ExcelExporter.Column.of(texts.get("training.entry.person"), EntryRow::person),
				ExcelExporter.Column.of(texts.get("training.entry.unit"), EntryRow::unit),
				ExcelExporter.Column.of(texts.get("training.entry.title"), EntryRow::title),
				ExcelExporter.Column.of(texts.get("training.entry.scores"), EntryRow::scoreList),
				ExcelExporter.Column.of(texts.get("training.entry.score"), EntryRow::score),
				ExcelExporter.Column.of(texts.get("training.entry.spread"), EntryRow::spread),
				ExcelExporter.Column.of(texts.get("training.entry.proposed"), EntryRow::proposed),
				ExcelExporter.Column.of(texts.get("training.entry.award"), EntryRow::award));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("training.entries"), entryRows(competition));
		return ExcelDownload.of(texts.get("training.entries.fileName", competition.title()), "entries.xlsx", xlsx);
	}

	@PostMapping("/{id}/entries")
	@PreAuthorize("hasAuthority('training:manage')")
	String enter(@PathVariable long id, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String title, RedirectAttributes redirect) {
		return act(id, redirect, "training.entry.added", () -> competitions.enter(id, personId, title, CurrentUser.require()));
	}

	/** A judge's sheet for an entry (the service refuses anybody who does not judge the competition). */
	@PostMapping("/entries/{entryId}/scores")
	@PreAuthorize("hasAuthority('training:view')")
	String score(@PathVariable long entryId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		SkillCompetition.Entry entry = competitions.entry(entryId);
		SkillCompetition competition = competitions.get(entry.competitionId());
		Map<Long, BigDecimal> points = new java.util.LinkedHashMap<>();
		for (SkillCompetition.Criterion criterion : competition.criteria()) {
			String value = params.get("c" + criterion.id());
			if (value == null || value.isBlank()) {
				continue;
			}
			try {
				points.put(criterion.id(), new BigDecimal(value.strip()));
			}
			catch (NumberFormatException notANumber) {
				redirect.addFlashAttribute("flashError", texts.get("training.score.range", criterion.name(),
						criterion.weight()));
				return "redirect:/training/competitions/" + competition.id();
			}
		}
		return act(competition.id(), redirect, "training.entry.scored",
				() -> competitions.score(entryId, points, CurrentUser.require()));
	}

	@PostMapping("/{id}/propose")
	@PreAuthorize("hasAuthority('training:manage')")
	String propose(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "training.competition.proposedDone", () -> competitions.propose(id, CurrentUser.require()));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAuthority('training:manage')")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "training.competition.publishedDone", () -> competitions.publish(id, CurrentUser.require()));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		return FlashActions.run(texts, redirect, "/training/competitions/" + id, done, action);
	}

	private String showForm(Model model, SkillCompetitions.Form form) {
		model.addAttribute("people", PersonChoices.of(organization));
		model.addAttribute("selectedJudges", form.judgePersonIds().stream().map(String::valueOf).toList());
		model.addAttribute("kinds", SkillCompetition.Kind.values());
		model.addAttribute("skills", List.of(SkillArea.WRITING, SkillArea.PHOTOGRAPHY, SkillArea.EDITING, SkillArea.VIDEO,
				SkillArea.NEW_MEDIA));
		return "training/competitionForm";
	}

	private List<CompetitionRow> rows() {
		return competitions.list()
			.stream()
			.map(c -> new CompetitionRow(c.id(), c.heldOn(), c.title(), texts.label("training.competition.kind.", c.kind()),
					texts.label("training.skill.", c.skillArea()), texts.label("training.competition.status.", c.status()),
					competitions.entries(c.id()).size(), c.judgedBy(CurrentUser.require().personId())))
			.toList();
	}

	/**
	 * The entries the reader may see: all once published, else those of the units in scope (the organiser and the
	 * judges: all).
	 */
	private List<EntryRow> entryRows(SkillCompetition competition) {
		DataScope scope = dataScopes.current();
		Long me = CurrentUser.require().personId();
		java.util.Optional<Long> judgeUnit = competitions.judgeUnit(competition.id(), me);
		boolean all = competition.published() || CurrentUser.require().can(Permissions.TRAINING_MANAGE)
				|| judgeUnit.isPresent();
		List<SkillCompetition.Entry> entries = competitions.entries(competition.id())
			.stream()
			.filter(e -> all || scope.includes(e.unitId()))
			.toList();
		Map<Long, String> people = organization.people(entries.stream().map(SkillCompetition.Entry::personId).toList())
			.stream()
			.collect(Collectors.toMap(Person::getId, Person::getName));
		return entries.stream()
			.map(e -> new EntryRow(e.id(), e.personId(), people.getOrDefault(e.personId(), ""),
					organization.unit(e.unitId()).map(Unit::getName).orElse(""), e.title(),
					e.scores().stream().map(s -> s == null ? "" : s.toPlainString()).toList(),
					e.finalScore() == null ? "" : e.finalScore().toPlainString(), e.judgeCount(),
					e.spread() == null ? "" : e.spread().toPlainString(), e.flagged(), rankLabel(e.proposedRank()),
					rankLabel(e.awardRank()), e.placing(),
					judgeUnit.isPresent() && judgeUnit.get() != e.unitId()
							&& competition.status() == SkillCompetition.Status.OPEN,
					judgeUnit.isPresent() ? competitions.mySheet(e.id(), me) : Map.of()))
			.toList();
	}

	private String rankLabel(AwardRank rank) {
		return rank == null ? "" : texts.label("research.rank.", rank);
	}

}
