package io.infodesk.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringFact;
import io.infodesk.assessment.ScoringSource;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.training.CompetitionAwarded;
import io.infodesk.training.SkillCompetitions;

/**
 * The facts of the training module — awards of published skills competitions and planning practice
 * ({@code COMPETITION_AWARD:<rank>}, the person 100 % and the unit) — built the same way from its event (listener)
 * and from its records (recomputation).
 */
@Component
class TrainingFacts implements ScoringSource {

	private final SkillCompetitions competitions;

	TrainingFacts(SkillCompetitions competitions) {
		this.competitions = competitions;
	}

	static ScoringFact award(CompetitionAwarded award) {
		return new ScoringFact(SourceTypes.COMPETITION_AWARD, Long.toString(award.entryId()),
				ScoreKind.COMPETITION_AWARD.key(award.rank().name()), award.on(), List.of(award.unitId()), null,
				List.of(new ScoringFact.Share(award.personId(), award.unitId(), 100)), award.title(),
				"/training/competitions/" + award.competitionId(), 1);
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		return competitions.awards(from, to).stream().map(TrainingFacts::award).toList();
	}

}
