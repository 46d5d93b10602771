package io.infodesk.research.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

import io.infodesk.research.KeyTopic;
import io.infodesk.research.KeyTopics;
import io.infodesk.research.ResearchException;
import io.infodesk.research.Topic;
import io.infodesk.research.TopicAnalysis;
import io.infodesk.research.Topics;
import io.infodesk.shared.excel.ExcelDownload;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.security.DataScopes;
import io.infodesk.shared.text.Texts;
import io.infodesk.shared.web.FormErrors;

/**
 * The district's annual key research topics (年度重点课题, S3.3-c) and the topic analysis sessions (选题分析, S3.3-b):
 * lists with Excel export, the office's forms, the choice of candidates, the links to the topics registered.
 */
@Controller
@RequestMapping("/research")
class KeyTopicController {

	/** A key topic in the list and its export. */
	record KeyTopicRow(long id, int year, String body, String title, String description, List<TopicLink> topics) {

		public String topicTitles() {
			return topics.stream().map(TopicLink::title).collect(Collectors.joining("；"));
		}

	}

	/** A candidate in the export of the analyses. */
	record CandidateRow(LocalDate heldOn, String analysis, String title, String problem, String aim, String chosen,
			String topic) {

	}

	/** A linked topic the reader may open (null id: outside the reader's scope, title only). */
	record TopicLink(Long id, String title) {

	}

	private final KeyTopics keyTopics;

	private final Topics topics;

	private final DataScopes dataScopes;

	private final Texts texts;

	private final Clock clock;

	KeyTopicController(KeyTopics keyTopics, Topics topics, DataScopes dataScopes, Texts texts, Clock clock) {
		this.keyTopics = keyTopics;
		this.topics = topics;
		this.dataScopes = dataScopes;
		this.texts = texts;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	// ---------------------------------------------------------------- key topics

	@GetMapping("/key-topics")
	@PreAuthorize("hasAuthority('research:view')")
	String showKeyTopics(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("rows", keyTopicRows(year));
		model.addAttribute("year", year);
		model.addAttribute("thisYear", LocalDate.now(clock).getYear());
		model.addAttribute("bodies", List.of(Topic.Source.DISTRICT_COMMITTEE, Topic.Source.DISTRICT_GOVERNMENT,
				Topic.Source.DISTRICT_CONGRESS, Topic.Source.DISTRICT_CPPCC));
		return "research/keyTopics";
	}

	@GetMapping("/key-topics/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportKeyTopics(@RequestParam(required = false) Integer year) {
		List<ExcelExporter.Column<KeyTopicRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("research.topic.year"), KeyTopicRow::year),
				ExcelExporter.Column.of(texts.get("research.keyTopic.body"), KeyTopicRow::body),
				ExcelExporter.Column.of(texts.get("research.keyTopic.title"), KeyTopicRow::title),
				ExcelExporter.Column.of(texts.get("research.keyTopic.description"), KeyTopicRow::description),
				ExcelExporter.Column.of(texts.get("research.keyTopic.topics"), KeyTopicRow::topicTitles));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.keyTopics"), keyTopicRows(year));
		return ExcelDownload.of(texts.get("research.keyTopics.fileName", LocalDate.now(clock)), "key-topics.xlsx", xlsx);
	}

	@PostMapping("/key-topics")
	@PreAuthorize("hasAuthority('research:manage')")
	String addKeyTopic(@RequestParam(required = false) Integer year, @RequestParam(required = false) Topic.Source body,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			RedirectAttributes redirect) {
		try {
			keyTopics.add(year, body, title, description, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.keyTopic.added"));
		}
		catch (ResearchException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/research/key-topics";
	}

	// ---------------------------------------------------------------- analyses

	@GetMapping("/analyses")
	@PreAuthorize("hasAuthority('research:view')")
	String showAnalyses(Model model) {
		model.addAttribute("analyses", keyTopics.analyses());
		return "research/analysisList";
	}

	@GetMapping("/analyses/export")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<byte[]> exportAnalyses() {
		List<CandidateRow> rows = keyTopics.analyses()
			.stream()
			.flatMap(a -> a.candidates().stream().map(c -> new CandidateRow(a.heldOn(), a.title(), c.title(),
					texts.label("research.analysis.problem.", c.problem()), texts.label("research.topic.aim.", c.aim()),
					c.chosen() ? texts.get("research.analysis.chosen") : "", link(c.topicId()).title())))
			.toList();
		List<ExcelExporter.Column<CandidateRow>> columns = List.of(
				ExcelExporter.Column.of(texts.get("research.analysis.heldOn"), CandidateRow::heldOn),
				ExcelExporter.Column.of(texts.get("research.analysis.title"), CandidateRow::analysis),
				ExcelExporter.Column.of(texts.get("research.analysis.candidate"), CandidateRow::title),
				ExcelExporter.Column.of(texts.get("research.analysis.problem"), CandidateRow::problem),
				ExcelExporter.Column.of(texts.get("research.topic.aim"), CandidateRow::aim),
				ExcelExporter.Column.of(texts.get("research.analysis.chosen"), CandidateRow::chosen),
				ExcelExporter.Column.of(texts.get("research.analysis.topic"), CandidateRow::topic));
		byte[] xlsx = ExcelExporter.withColumns(columns).export(texts.get("research.analyses"), rows);
		return ExcelDownload.of(texts.get("research.analyses.fileName", LocalDate.now(clock)), "analyses.xlsx", xlsx);
	}

	@GetMapping("/analyses/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String initAnalysisForm(Model model) {
		model.addAttribute("analysisForm", TopicAnalysis.Form.blank(LocalDate.now(clock)));
		return showAnalysisForm(model);
	}

	@PostMapping("/analyses/new")
	@PreAuthorize("hasAuthority('research:manage')")
	String processAnalysisForm(@ModelAttribute("analysisForm") TopicAnalysis.Form analysisForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showAnalysisForm(model);
		}
		try {
			TopicAnalysis analysis = keyTopics.analyse(analysisForm, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get("research.analysis.created"));
			return "redirect:/research/analyses/" + analysis.id();
		}
		catch (ResearchException refused) {
			FormErrors.reject(result, refused);
			return showAnalysisForm(model);
		}
	}

	@GetMapping("/analyses/{id}")
	@PreAuthorize("hasAuthority('research:view')")
	String showAnalysis(@PathVariable long id, Model model) {
		TopicAnalysis analysis = keyTopics.analysis(id);
		model.addAttribute("analysis", analysis);
		model.addAttribute("links", analysis.candidates().stream()
			.collect(Collectors.toMap(TopicAnalysis.Candidate::id, c -> link(c.topicId()))));
		return "research/analysis";
	}

	@PostMapping("/analyses/candidates/{candidateId}/choice")
	@PreAuthorize("hasAuthority('research:manage')")
	String choose(@PathVariable long candidateId, @RequestParam(defaultValue = "true") boolean chosen,
			RedirectAttributes redirect) {
		long analysisId = keyTopics.candidate(candidateId).analysisId();
		try {
			keyTopics.choose(candidateId, chosen, CurrentUser.require());
			redirect.addFlashAttribute("flashSuccess", texts.get(chosen ? "research.analysis.chosenDone"
					: "research.analysis.droppedDone"));
		}
		catch (ResearchException refused) {
			redirect.addFlashAttribute("flashError", texts.get(refused.messageKey(), refused.args()));
		}
		return "redirect:/research/analyses/" + analysisId;
	}

	private String showAnalysisForm(Model model) {
		model.addAttribute("problems", TopicAnalysis.Problem.values());
		model.addAttribute("aims", Topic.Aim.values());
		model.addAttribute("rowIndexes", java.util.stream.IntStream.range(0, TopicAnalysis.Form.ROWS).boxed().toList());
		return "research/analysisForm";
	}

	private List<KeyTopicRow> keyTopicRows(Integer year) {
		return keyTopics.list(year)
			.stream()
			.map((KeyTopic k) -> new KeyTopicRow(k.id(), k.year(), texts.label("research.topic.source.", k.body()), k.title(),
					k.description(), k.topicIds().stream().map(this::link).toList()))
			.toList();
	}

	private TopicLink link(Long topicId) {
		if (topicId == null) {
			return new TopicLink(null, "");
		}
		Topic topic = topics.get(topicId);
		boolean visible = Topics.canSee(topic, CurrentUser.require(), dataScopes.current());
		return new TopicLink(visible ? topic.id() : null, topic.title());
	}

}
