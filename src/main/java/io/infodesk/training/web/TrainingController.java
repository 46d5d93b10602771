package io.infodesk.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
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
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScope;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;
import io.infodesk.research.PersonChoices;
import io.infodesk.training.Attendance;
import io.infodesk.training.PublicistProfiles;
import io.infodesk.training.SkillArea;
import io.infodesk.training.TrainingException;
import io.infodesk.training.TrainingForm;
import io.infodesk.training.TrainingSession;
import io.infodesk.training.TrainingSessions;

/**
 * Training (实务培训): the sessions with Excel export, the organiser's form, a session's attendance (the invited of
 * the units in scope, signed in or absent with a reason), the units whose publicists missed training this year, and
 * a person's training profile.
 */
@Controller
@RequestMapping("/training")
class TrainingController {

	/** One invited person's line. */
	record AttendanceRow(long personId, String name, String unit, String status, Attendance.Status code, String reason) {

	}

	/** A missed session of a unit's publicist. */
	record MissedRow(String unit, long personId, String person, LocalDate heldOn, String topic, String status,
			String reason) {

	}

	private final TrainingSessions sessions;

	private final Organization organization;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	private final io.infodesk.training.SkillCompetitions competitions;

	/** A competition entry on a person's profile. */
	record EntryRow(long competitionId, java.time.LocalDate heldOn, String competition, String skill, String title,
			String award) {

	}

	private final PublicistProfiles profiles;

	TrainingController(TrainingSessions sessions, Organization organization, DataScopes dataScopes, Texts texts,
			Clock clock, io.infodesk.training.SkillCompetitions competitions,
			PublicistProfiles profiles) {
		this.profiles = profiles;
		this.competitions = competitions;
		this.sessions = sessions;
		this.organization = organization;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/sessions")
	@PreAuthorize("hasAuthority('training:view')")
	String showList(Model model) {
		model.addAttribute("sessions", sessions.list());
		return "training/sessionList";
	}

	@GetMapping("/sessions/export")
	@PreAuthorize("hasAuthority('training:view')")
	ResponseEntity<byte[]> exportList() {
		List<ExcelExporter.Column<TrainingSession>> columns = List.of(
				ExcelExporter.Column.of(texts.get("training.heldOn"), TrainingSession::heldOn),
				ExcelExporter.Column.of(texts.get("training.topic"), TrainingSession::topic),
				ExcelExporter.Column.of(texts.get("training.skill"), s -> texts.label("training.skill.", s.skillArea())),
				ExcelExporter.Column.of(texts.get("training.trainer"), TrainingSession::trainer),
				ExcelExporter.Column.of(texts.get("training.place"), TrainingSession::place));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("training.sessions"), sessions.list());
		return ExcelDownload.of(texts.get("training.fileName", LocalDate.now(clock)), "training.xlsx", xlsx);
	}

	@GetMapping("/sessions/new")
	@PreAuthorize("hasAuthority('training:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("trainingForm", TrainingForm.blank(LocalDate.now(clock)));
		return showForm(model);
	}

	@PostMapping("/sessions/new")
	@PreAuthorize("hasAuthority('training:manage')")
	String processCreationForm(@Valid @ModelAttribute("trainingForm") TrainingForm trainingForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			TrainingSession session = sessions.create(trainingForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("training.created"));
			return "redirect:/training/sessions/" + session.id();
		}
		catch (TrainingException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	@GetMapping("/sessions/{id}")
	@PreAuthorize("hasAuthority('training:view')")
	String showSession(@PathVariable long id, Model model) {
		TrainingSession session = sessions.get(id);
		DataScope scope = dataScopes.current();
		List<Attendance> invited = sessions.attendance(id).stream().filter(a -> scope.includes(a.unitId())).toList();
		Map<Long, String> names = names(invited.stream().map(Attendance::personId).toList());
		model.addAttribute("trainingSession", session);
		model.addAttribute("rows", invited.stream()
			.map(a -> new AttendanceRow(a.personId(), names.getOrDefault(a.personId(), ""), unitName(a.unitId()),
					texts.label("training.attendance.", a.status()), a.status(), a.reason()))
			.toList());
		model.addAttribute("held", !session.heldOn().isAfter(LocalDate.now(clock)));
		model.addAttribute("materials", profiles.materials(id));
		List<PublicistProfiles.Feedback> feedback = profiles.feedback(id);
		Map<Long, String> raters = names(feedback.stream().map(PublicistProfiles.Feedback::personId).toList());
		model.addAttribute("feedback", feedback);
		model.addAttribute("raters", raters);
		model.addAttribute("averageRating", feedback.isEmpty() ? null : String.format("%.1f",
				feedback.stream().mapToInt(PublicistProfiles.Feedback::rating).average().orElse(0)));
		Long me = CurrentUser.require().personId();
		model.addAttribute("canGiveFeedback", me != null && sessions.attendance(id).stream()
			.anyMatch(a -> a.personId() == me && a.status() == Attendance.Status.PRESENT));
		return "training/session";
	}

	@PostMapping("/sessions/{id}/feedback")
	@PreAuthorize("hasAuthority('training:view')")
	String processFeedback(@PathVariable long id, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return act("/training/sessions/" + id, redirect, "training.feedback.saved",
				() -> profiles.giveFeedback(id, rating, comment, CurrentUser.require()));
	}

	@PostMapping("/sessions/{id}/materials")
	@PreAuthorize("hasAuthority('training:manage')")
	String processMaterial(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return act("/training/sessions/" + id, redirect, "training.material.added",
				() -> profiles.addMaterial(id, Upload.of(file), CurrentUser.require()));
	}

	@GetMapping("/sessions/{id}/materials/{materialId}")
	@PreAuthorize("hasAuthority('training:view')")
	ResponseEntity<Resource> downloadMaterial(@PathVariable long id,
			@PathVariable long materialId) {
		PublicistProfiles.Material material = profiles.material(materialId);
		if (material.sessionId() != id) {
			throw new TrainingException(null, "training.material.notFound", materialId);
		}
		return FileDownload.of(profiles.materialFile(materialId), material.fileName(),
				material.type(), material.size());
	}

	@PostMapping("/people/{personId}/skills")
	@PreAuthorize("hasAuthority('training:view')")
	String processDeclareSkill(@PathVariable long personId, @RequestParam(required = false) SkillArea area,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act("/training/people/" + personId, redirect, "training.profile.skill.declared",
				() -> profiles.declareSkill(personId, area, note, CurrentUser.require()));
	}

	@PostMapping("/people/{personId}/skills/{area}/withdraw")
	@PreAuthorize("hasAuthority('training:view')")
	String processWithdrawSkill(@PathVariable long personId, @PathVariable String area, RedirectAttributes redirect) {
		SkillArea skill = java.util.Arrays.stream(SkillArea.values()).filter(a -> a.name().equals(area)).findFirst()
			.orElse(null);
		return act("/training/people/" + personId, redirect, "training.profile.skill.withdrawn",
				() -> profiles.withdrawSkill(personId, skill, CurrentUser.require()));
	}

	private String act(String path, RedirectAttributes redirect, String doneKey, Runnable action) {
		return FlashActions.run(texts, redirect, path, doneKey, action);
	}

	@PostMapping("/sessions/{id}/attendance/{personId}")
	@PreAuthorize("hasAuthority('training:manage')")
	String recordAttendance(@PathVariable long id, @PathVariable long personId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			Attendance.Status value = status == null || status.isBlank() ? null : Attendance.Status.valueOf(status);
			sessions.record(id, personId, value, reason, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("training.attendance.saved"));
		}
		catch (TrainingException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		catch (IllegalArgumentException unknown) {
			redirect.addFlashAttribute("flashError", texts.get("training.attendance.status.required"));
		}
		return "redirect:/training/sessions/" + id;
	}

	@GetMapping("/missed")
	@PreAuthorize("hasAuthority('training:view')")
	String showMissed(Model model) {
		LocalDate today = LocalDate.now(clock);
		List<TrainingSessions.Missed> missed = sessions.missedByPublicists(today.withDayOfYear(1), today, dataScopes.current());
		Map<Long, String> names = names(missed.stream().map(TrainingSessions.Missed::personId).distinct().toList());
		List<MissedRow> rows = missed.stream()
			.map(m -> new MissedRow(unitName(m.unitId()), m.personId(), names.getOrDefault(m.personId(), ""),
					m.session().heldOn(), m.session().topic(), texts.label("training.attendance.", m.status()),
					m.reason()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("units", rows.stream().map(MissedRow::unit).collect(Collectors.toCollection(LinkedHashSet::new)));
		model.addAttribute("year", today.getYear());
		return "training/missed";
	}

	@GetMapping("/people/{personId}")
	@PreAuthorize("hasAuthority('training:view')")
	String showProfile(@PathVariable long personId, Model model) {
		Person person = organization.person(personId)
			.orElseThrow(() -> new TrainingException(null, "training.person.notFound", personId));
		dataScopes.check(person.getUnitId());
		List<TrainingSessions.Record> records = sessions.records(personId);
		Set<String> skills = new LinkedHashSet<>();
		records.stream()
			.filter(r -> r.status() == Attendance.Status.PRESENT)
			.forEach(r -> skills.add(texts.label("training.skill.", r.session().skillArea())));
		model.addAttribute("person", person);
		model.addAttribute("unit", unitName(person.getUnitId()));
		model.addAttribute("records", records);
		model.addAttribute("skills", skills);
		model.addAttribute("declared", profiles.declaredSkills(personId));
		model.addAttribute("skillAreas", SkillArea.values());
		var viewer = CurrentUser.require();
		model.addAttribute("canDeclare", (viewer.personId() != null && viewer.personId() == personId)
				|| viewer.can(Permissions.TRAINING_MANAGE));
		model.addAttribute("products", profiles.products(personId, LocalDate.now(clock).getYear()));
		model.addAttribute("attended", records.stream().filter(r -> r.status() == Attendance.Status.PRESENT).count());
		model.addAttribute("entries", competitions.entriesOf(personId).stream().map(e -> {
			var competition = competitions.get(e.competitionId());
			return new EntryRow(competition.id(), competition.heldOn(), competition.title(),
					texts.label("training.skill.", competition.skillArea()), e.title(),
					competition.published() && e.awardRank() != null ? texts.label("research.rank.", e.awardRank()) : "");
		}).toList());
		return "training/profile";
	}

	private String showForm(Model model) {
		List<List<String>> people = PersonChoices.of(organization);
		TrainingForm form = (TrainingForm) model.getAttribute("trainingForm");
		model.addAttribute("people", people);
		model.addAttribute("selected", form == null ? List.of() : form.invitedPersonIds().stream().map(String::valueOf).toList());
		model.addAttribute("skills", SkillArea.values());
		return "training/sessionForm";
	}

	private Map<Long, String> names(List<Long> ids) {
		return organization.people(ids).stream().collect(Collectors.toMap(Person::getId, Person::getName));
	}

	private String unitName(long unitId) {
		return organization.unit(unitId).map(Unit::getName).orElse("");
	}

}
