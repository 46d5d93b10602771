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
import io.infodesk.research.Topic;
import io.infodesk.research.TopicOutcomeUsed;
import io.infodesk.research.Topics;

/**
 * The facts of the research module — awarded papers of published competitions ({@code PAPER_AWARD:<rank>}, the author
 * 100 % and the unit) and the upward uses of research topics' outcomes ({@code ADOPTION:<level>} when a body adopted
 * it, {@code INSTRUCTION:<level>} when a leader instructed on it; the responsible unit, the group in equal shares) — built the same way from its event (listener) and from its records (recomputation).
 */
@Component
class ResearchFacts implements ScoringSource {

	private final Competitions competitions;

	private final Topics topics;

	ResearchFacts(Competitions competitions, Topics topics) {
		this.competitions = competitions;
		this.topics = topics;
	}

	static ScoringFact use(TopicOutcomeUsed use) {
		ScoreKind kind = use.kind() == Topic.UseKind.INSTRUCTION ? ScoreKind.INSTRUCTION : ScoreKind.ADOPTION;
		double share = 100.0 / use.authors().size();
		return new ScoringFact(SourceTypes.TOPIC_OUTCOME, Long.toString(use.useId()), kind.key(use.level().name()),
				use.on(), List.of(use.unitId()), null,
				use.authors().stream().map(a -> new ScoringFact.Share(a.personId(), a.unitId(), share)).toList(),
				use.title(), "/research/topics/" + use.topicId(), 1);
	}

	static ScoringFact award(PaperAwarded award) {
		return new ScoringFact(SourceTypes.PAPER_AWARD, Long.toString(award.paperId()),
				ScoreKind.PAPER_AWARD.key(award.rank().name()), award.on(), List.of(award.unitId()), null,
				List.of(new ScoringFact.Share(award.authorPersonId(), award.unitId(), 100)), award.title(),
				"/research/competitions/" + award.competitionId(), 1);
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		List<ScoringFact> facts = new java.util.ArrayList<>(
				competitions.awards(from, to).stream().map(ResearchFacts::award).toList());
		topics.usedBetween(from, to).stream().map(ResearchFacts::use).forEach(facts::add);
		return facts;
	}

}
