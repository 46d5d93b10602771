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
import org.springframework.security.access.AccessDeniedException;
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
import io.infodesk.research.AwardRank;
import io.infodesk.research.Competition;
import io.infodesk.research.CompetitionForm;
import io.infodesk.research.Competitions;
import io.infodesk.research.Paper;
import io.infodesk.research.ResearchException;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.files.Upload;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.Permissions;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FlashActions;
import io.infodesk.shared.web.FormErrors;

/**
 * Paper competitions (调研论文评比): the list, the office's form to open one, the page of a competition (rules,
 * window, the submission form and one's own papers; for the office the papers with authors, the judges' progress,
 * the proposal and its confirmation; for everybody the results once published), downloads and exports.
 */
@Controller
@RequestMapping("/research")
class CompetitionController {

	/** A paper as the office's table and the published results show it. */
	record PaperRow(long id, String code, String title, String author, String unit, String submittedAt,
			String score, Integer judges, String spread, boolean flagged, String proposed, String award, Integer placing,
			boolean excluded, String excludeReason, boolean awarded) {

	}

	/** A competition in the list. */
	record CompetitionRow(long id, String title, String status, LocalDate opens, LocalDate closes,
			LocalDate judgingCloses, LocalDate publishedOn) {

	}

	private final Competitions competitions;

	private final Organization organization;

	private final Texts texts;

	private final Clock clock;

	CompetitionController(Competitions competitions, Organization organization, Texts texts, Clock clock) {
		this.competitions = competitions;
		this.organization = organization;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/competitions")
	@PreAuthorize("hasAuthority('research:view')")
	String showList(Model model) {
		model.addAttribute("rows", rows(competitions.list()));
		return "research/competitionList";
	}

	@GetMapping("/competitions/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportList() {
		List<ExcelExporter.Column<CompetitionRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("research.competition.title"), CompetitionRow::title),
				ExcelExporter.Column.of(texts.get("research.competition.status"), CompetitionRow::status),
				ExcelExporter.Column.of(texts.get("research.competition.opens"), CompetitionRow::opens),
				ExcelExporter.Column.of(texts.get("research.competition.closes"), CompetitionRow::closes),
				ExcelExporter.Column.of(texts.get("research.competition.judgingCloses"), CompetitionRow::judgingCloses),
				ExcelExporter.Column.of(texts.get("research.competition.publishedOn"), CompetitionRow::publishedOn));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.competitions"), rows(competitions.list()));
		return ExcelDownload.of(texts.get("research.competitions.fileName", LocalDate.now(clock)), "competitions.xlsx", xlsx);
	}

	@GetMapping("/competitions/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String initCreationForm(Model model) {
		model.addAttribute("competitionForm", CompetitionForm.blank(LocalDate.now(clock)));
		return showForm(model);
	}

	@PostMapping("/competitions/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String processCreationForm(@Valid @ModelAttribute("competitionForm") CompetitionForm competitionForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showForm(model);
		}
		try {
			Competition competition = competitions.open(competitionForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.competition.opened"));
			return "redirect:/research/competitions/" + competition.id();
		}
		catch (ResearchException refused) {
			FormErrors.reject(result, refused);
			return showForm(model);
		}
	}

	@GetMapping("/competitions/{id}")
	@PreAuthorize("hasAuthority('research:view')")
	String showCompetition(@PathVariable long id, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		Competition competition = competitions.get(id);
		boolean manager = me.can(Permissions.RESEARCH_MANAGE);
		model.addAttribute("competition", competition);
		model.addAttribute("status", texts.label("research.status.", competition.status()));
		model.addAttribute("manager", manager);
		model.addAttribute("accepts", competition.acceptsSubmissions(LocalDate.now(clock)));
		model.addAttribute("judge", competitions.judges(id, me));
		model.addAttribute("mine", paperRows(competitions.myPapers(me).stream().filter(p -> p.competitionId() == id).toList()));
		if (manager) {
			model.addAttribute("papers", paperRows(competitions.papers(id)));
			Map<Long, Long> sheets = competitions.sheetsPerJudge(id);
			Map<Long, String> names = names(sheets.keySet());
			model.addAttribute("judgeProgress", sheets.entrySet().stream()
				.map(e -> List.of(names.getOrDefault(e.getKey(), ""), Long.toString(e.getValue())))
				.toList());
			model.addAttribute("ranks", AwardRank.values());
		}
		model.addAttribute("results", competition.published() ? paperRows(competitions.results(id)) : List.of());
		return "research/competition";
	}

	@PostMapping("/competitions/{id}/papers")
	@PreAuthorize("hasAuthority('research:view')")
	String submitPaper(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			Paper paper = competitions.submit(id, title, Upload.of(file), CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.paper.submitted", paper.code()));
		}
		catch (ResearchException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/research/competitions/" + id;
	}

	@PostMapping("/competitions/{id}/judging")
	@PreAuthorize("hasAuthority('research:manage')")
	String startJudging(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "research.competition.judgingStarted", () -> competitions.startJudging(id, CurrentUser.require()));
	}

	@PostMapping("/competitions/{id}/reopen")
	@PreAuthorize("hasAuthority('research:manage')")
	String reopen(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, "research.competition.reopened", () -> competitions.reopen(id, until, reason, CurrentUser.require()));
	}

	@PostMapping("/competitions/{id}/propose")
	@PreAuthorize("hasAuthority('research:manage')")
	String propose(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "research.competition.proposedDone", () -> competitions.propose(id, CurrentUser.require()));
	}

	@PostMapping("/competitions/{id}/publish")
	@PreAuthorize("hasAuthority('research:manage')")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "research.competition.publishedDone", () -> competitions.publish(id, CurrentUser.require()));
	}

	@GetMapping("/competitions/{id}/results/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportResults(@PathVariable long id) {
		AuthenticatedUser me = CurrentUser.require();
		Competition competition = competitions.get(id);
		List<PaperRow> rows;
		if (me.can(Permissions.RESEARCH_MANAGE)) {
			rows = paperRows(competitions.papers(id));
		}
		else if (competition.published()) {
			rows = paperRows(competitions.results(id));
		}
		else {
			throw new AccessDeniedException(Permissions.RESEARCH_MANAGE);
		}
		List<ExcelExporter.Column<PaperRow>> columns = new ArrayList<>();
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.placing"), PaperRow::placing));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.code"), PaperRow::code));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.title"), PaperRow::title));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.author"), PaperRow::author));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.unit"), PaperRow::unit));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.score"), PaperRow::score));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.judges"), PaperRow::judges));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.spread"), PaperRow::spread));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.proposed"), PaperRow::proposed));
		columns.add(ExcelExporter.Column.of(texts.get("research.paper.award"), PaperRow::award));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.results"), rows);
		return ExcelDownload.of(texts.get("research.results.fileName", competition.title()), "results.xlsx", xlsx);
	}

	@PostMapping("/papers/{paperId}/exclude")
	@PreAuthorize("hasAuthority('research:manage')")
	String exclude(@PathVariable long paperId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		long id = competitions.paper(paperId).competitionId();
		return act(id, redirect, "research.paper.excluded", () -> competitions.exclude(paperId, reason, CurrentUser.require()));
	}

	@PostMapping("/papers/{paperId}/proposal")
	@PreAuthorize("hasAuthority('research:manage')")
	String changeProposal(@PathVariable long paperId, @RequestParam(required = false) String rank,
			RedirectAttributes redirect) {
		long id = competitions.paper(paperId).competitionId();
		AwardRank value = rank == null || rank.isBlank() ? null : AwardRank.valueOf(rank);
		return act(id, redirect, "research.paper.proposalChanged",
				() -> competitions.changeProposal(paperId, value, CurrentUser.require()));
	}

	@GetMapping("/papers/{paperId}/file")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<Resource> downloadOriginal(@PathVariable long paperId) {
		Resource file = competitions.originalFile(paperId, CurrentUser.require());
		Paper paper = competitions.paper(paperId);
		return FileDownload.of(file, paper.fileName(), FileType.valueOf(paper.fileType()), paper.fileSize());
	}

	@GetMapping("/papers/{paperId}/certificate")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> downloadCertificate(@PathVariable long paperId) {
		byte[] docx = competitions.certificate(paperId, CurrentUser.require());
		Paper paper = competitions.paper(paperId);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(FileType.DOCX.mediaType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(texts.get("research.certificate.fileName", paper.code()), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(docx);
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		return FlashActions.run(texts, redirect, "/research/competitions/" + id, done, action);
	}

	private String showForm(Model model) {
		model.addAttribute("people", PersonChoices.of(organization));
		CompetitionForm form = (CompetitionForm) model.getAttribute("competitionForm");
		model.addAttribute("selectedJudges", form == null ? List.of()
				: form.judgePersonIds().stream().map(String::valueOf).toList());
		return "research/competitionForm";
	}


	private List<CompetitionRow> rows(List<Competition> list) {
		return list.stream()
			.map(c -> new CompetitionRow(c.id(), c.title(), texts.label("research.status.", c.status()), c.opens(),
					c.closes(), c.judgingCloses(), c.publishedOn()))
			.toList();
	}

	private Map<Long, String> names(java.util.Collection<Long> personIds) {
		return organization.people(List.copyOf(personIds)).stream().collect(Collectors.toMap(Person::getId, Person::getName));
	}

	private List<PaperRow> paperRows(List<Paper> papers) {
		Map<Long, String> people = names(papers.stream().map(Paper::authorPersonId).distinct().toList());
		Map<Long, String> units = organization.activeUnits().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
		java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(io.infodesk.shared.time.TimeConfiguration.ZONE);
		return papers.stream()
			.map(p -> new PaperRow(p.id(), p.code(), p.title(), people.getOrDefault(p.authorPersonId(), ""),
					units.computeIfAbsent(p.unitId(), u -> organization.unit(u).map(Unit::getName).orElse("")),
					at.format(p.submittedAt()), p.finalScore() == null ? "" : p.finalScore().toPlainString(), p.judgeCount(),
					p.spread() == null ? "" : p.spread().toPlainString(), p.flagged(), rankLabel(p.proposedRank()),
					rankLabel(p.awardRank()), p.placing(), p.excluded(), p.excludeReason(), p.awardRank() != null))
			.toList();
	}

	private String rankLabel(AwardRank rank) {
		return rank == null ? "" : texts.label("research.rank.", rank);
	}

}
