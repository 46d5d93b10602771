package io.infodesk.research.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
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

import io.infodesk.research.BlindPaper;
import io.infodesk.research.Competition;
import io.infodesk.research.Competitions;
import io.infodesk.research.ResearchException;
import io.infodesk.shared.files.FileDownload;
import io.infodesk.shared.files.FileType;
import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The judges' pages (blind review): the competitions one judges, their papers by code and title only (none of the
 * judge's own unit), the score sheet per criterion and the blind copy of the file. Nothing here reads an author, a
 * unit or a file name.
 */
@Controller
@RequestMapping("/research/judging")
class JudgingController {

	private final Competitions competitions;

	private final Texts texts;

	private final Clock clock;

	JudgingController(Competitions competitions, Texts texts, Clock clock) {
		this.competitions = competitions;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('research:view')")
	String showAssignments(Model model) {
		AuthenticatedUser me = CurrentUser.require();
		List<Competition> judged = competitions.judgedBy(me);
		Map<Competition, List<BlindPaper>> papers = new LinkedHashMap<>();
		for (Competition competition : judged) {
			papers.put(competition, competitions.papersToJudge(competition.id(), me));
		}
		model.addAttribute("assignments", papers);
		model.addAttribute("today", LocalDate.now(clock));
		return "research/judging";
	}

	@GetMapping("/papers/{paperId}")
	@PreAuthorize("hasAuthority('research:view')")
	String showSheet(@PathVariable long paperId, Model model) {
		AuthenticatedUser me = CurrentUser.require();
		BlindPaper paper = competitions.blindPaper(paperId, me);
		Competition competition = competitions.get(paper.competitionId());
		model.addAttribute("paper", paper);
		model.addAttribute("competition", competition);
		model.addAttribute("mine", competitions.myScores(paperId, me.personId()));
		model.addAttribute("open", competition.acceptsScores(LocalDate.now(clock)));
		return "research/judgingSheet";
	}

	@PostMapping("/papers/{paperId}")
	@PreAuthorize("hasAuthority('research:view')")
	String processSheet(@PathVariable long paperId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		AuthenticatedUser me = CurrentUser.require();
		BlindPaper paper = competitions.blindPaper(paperId, me);
		Competition competition = competitions.get(paper.competitionId());
		Map<Long, BigDecimal> points = new LinkedHashMap<>();
		Map<Long, String> entered = new LinkedHashMap<>();
		String error = null;
		for (Competition.Criterion criterion : competition.criteria()) {
			String value = form.getOrDefault("c" + criterion.id(), "").strip();
			entered.put(criterion.id(), value);
			if (value.isEmpty()) {
				continue;
			}
			try {
				points.put(criterion.id(), new BigDecimal(value));
			}
			catch (NumberFormatException notANumber) {
				error = texts.get("research.score.range", criterion.name(), criterion.weight());
			}
		}
		if (error == null) {
			try {
				BlindPaper scored = competitions.score(paperId, points, me);
				redirect.addFlashAttribute("flashSuccess", texts.get("research.score.saved", scored.code(), scored.myTotal()));
				return "redirect:/research/judging";
			}
			catch (ResearchException refused) {
				error = texts.get(refused.messageKey(), refused.args());
			}
		}
		model.addAttribute("paper", paper);
		model.addAttribute("competition", competition);
		model.addAttribute("entered", entered);
		model.addAttribute("mine", Map.of());
		model.addAttribute("open", competition.acceptsScores(LocalDate.now(clock)));
		model.addAttribute("error", error);
		return "research/judgingSheet";
	}

	@GetMapping("/papers/{paperId}/file")
	@PreAuthorize("hasAuthority('research:view')")
	ResponseEntity<Resource> downloadBlind(@PathVariable long paperId) {
		AuthenticatedUser me = CurrentUser.require();
		BlindPaper paper = competitions.blindPaper(paperId, me);
		FileType type = FileType.valueOf(paper.fileType());
		return FileDownload.of(competitions.blindFile(paperId, me), paper.code(), type, paper.blindSize());
	}

}
