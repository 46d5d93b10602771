package io.infodesk.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringFact;
import io.infodesk.assessment.ScoringSource;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.publicity.CoveragePublished;
import io.infodesk.publicity.CoverageRecords;

/**
 * The facts of the publicity module — coverage records (S3.2-d) scored as MEDIA_COVERAGE by the outlet's tier, a
 * front-page lead times the multiplier of MEDIA_COVERAGE:FRONT_PAGE_LEAD — built the same way from its events
 * (listener) and from its records (recomputation).
 */
@Component
class PublicityFacts implements ScoringSource {

	static final String FRONT_PAGE_LEAD = ScoreKind.MEDIA_COVERAGE.key("FRONT_PAGE_LEAD");

	private final CoverageRecords records;

	PublicityFacts(CoverageRecords records) {
		this.records = records;
	}

	static ScoringFact coverage(CoveragePublished event) {
		return new ScoringFact(SourceTypes.COVERAGE, Long.toString(event.coverageId()),
				ScoreKind.MEDIA_COVERAGE.key(event.tier().name()), event.on(), event.unitIds(), null,
				event.authors().stream().map(a -> new ScoringFact.Share(a.personId(), a.unitId(), a.percent())).toList(),
				event.title(), "/publicity/coverage/" + event.coverageId(), 1,
				event.frontPageLead() ? FRONT_PAGE_LEAD : null);
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		return records.published(from, to).stream().map(PublicityFacts::coverage).toList();
	}

}
