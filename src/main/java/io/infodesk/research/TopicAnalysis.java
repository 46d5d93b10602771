package io.infodesk.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A topic analysis session (选题分析, S3.3-b): the candidate topics discussed — each a key, hot or difficult problem
 * with its aim — and those chosen, each linked to the research topic registered from it.
 */
public record TopicAnalysis(long id, String title, LocalDate heldOn, String participants, String summary,
		List<Candidate> candidates) {

	public TopicAnalysis {
		candidates = List.copyOf(candidates);
	}

	/** 重点, 热点, 难点 (S3.3-b). */
	public enum Problem {
		KEY, HOT, DIFFICULT
	}

	public record Candidate(long id, long analysisId, String title, Problem problem, Topic.Aim aim, String rationale,
			boolean chosen, Long topicId) {

	}

	/** What the office enters for a session: up to eight candidates (blank rows are skipped). */
	public record Form(String title, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String participants,
			String summary, List<String> candidateTitles, List<Problem> candidateProblems, List<Topic.Aim> candidateAims,
			List<String> candidateRationales) {

		public static final int ROWS = 6;

		public Form {
			candidateTitles = pad(candidateTitles);
			candidateProblems = pad(candidateProblems);
			candidateAims = pad(candidateAims);
			candidateRationales = pad(candidateRationales);
		}

		public static Form blank(LocalDate today) {
			return new Form("", today, "", "", null, null, null, null);
		}

		private static <T> List<T> pad(List<T> values) {
			List<T> padded = values == null ? new ArrayList<>() : new ArrayList<>(values);
			while (padded.size() < ROWS) {
				padded.add(null);
			}
			return padded;
		}

	}

}
