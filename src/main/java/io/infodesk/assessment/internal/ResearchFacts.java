package io.infodesk.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringFact;
import io.infodesk.assessment.ScoringSource;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.research.Competitions;
import io.infodesk.research.PaperAwarded;

/**
 * The facts of the research module — awarded papers of published competitions ({@code PAPER_AWARD:<rank>}, the author
 * 100 % and the unit) — built the same way from its event (listener) and from its records (recomputation).
 */
@Component
class ResearchFacts implements ScoringSource {

	private final Competitions competitions;

	ResearchFacts(Competitions competitions) {
		this.competitions = competitions;
	}

	static ScoringFact award(PaperAwarded award) {
		return new ScoringFact(SourceTypes.PAPER_AWARD, Long.toString(award.paperId()),
				ScoreKind.PAPER_AWARD.key(award.rank().name()), award.on(), List.of(award.unitId()), null,
				List.of(new ScoringFact.Share(award.authorPersonId(), award.unitId(), 100)), award.title(),
				"/research/competitions/" + award.competitionId(), 1);
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		return competitions.awards(from, to).stream().map(ResearchFacts::award).toList();
	}

}
