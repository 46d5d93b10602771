package io.infodesk.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.infodesk.assessment.ScoreKind;
import io.infodesk.assessment.ScoringFact;
import io.infodesk.assessment.ScoringSource;
import io.infodesk.assessment.SourceTypes;
import io.infodesk.reporting.AdministrativeLevel;
import io.infodesk.reporting.AuthorShare;
import io.infodesk.reporting.ScoringRecords;
import io.infodesk.shared.time.TimeConfiguration;

/**
 * The facts of the reporting module — adoptions, leader instructions, solicitation deliveries, late same-day items,
 * first submissions — built the same way from its events (listeners) and from its records (recomputation).
 */
@Component
class ReportingFacts implements ScoringSource {

	private final ScoringRecords records;

	ReportingFacts(ScoringRecords records) {
		this.records = records;
	}

	static String itemLink(long itemId) {
		return "/reporting/items/" + itemId;
	}

	static ScoringFact adoption(long adoptionId, long itemId, long unitId, AdministrativeLevel level, LocalDate on,
			List<AuthorShare> authors, String title) {
		return new ScoringFact(SourceTypes.ADOPTION, Long.toString(adoptionId), ScoreKind.ADOPTION.key(level.name()),
				on, List.of(unitId), itemId, shares(authors), title, itemLink(itemId), 1);
	}

	static ScoringFact instruction(long instructionId, long itemId, long unitId, AdministrativeLevel level,
			LocalDate on, List<AuthorShare> authors, String title) {
		return new ScoringFact(SourceTypes.INSTRUCTION, Long.toString(instructionId),
				ScoreKind.INSTRUCTION.key(level.name()), on, List.of(unitId), itemId, shares(authors), title,
				itemLink(itemId), 1);
	}

	static ScoringFact delivery(long solicitationId, long itemId, java.util.Collection<Long> unitIds, boolean onTime,
			Instant deliveredAt, String topic) {
		return new ScoringFact(SourceTypes.SOLICITATION, Long.toString(solicitationId),
				ScoreKind.SOLICITATION.key(onTime ? "ON_TIME" : "LATE"), day(deliveredAt),
				unitIds.stream().sorted().toList(), itemId, List.of(), topic, "/reporting/solicitations/" + solicitationId,
				1);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, TimeConfiguration.ZONE);
	}

	private static List<ScoringFact.Share> shares(List<AuthorShare> authors) {
		return authors.stream().map(a -> new ScoringFact.Share(a.personId(), a.unitId(), a.percent())).toList();
	}

	@Override
	public List<ScoringFact> facts(LocalDate from, LocalDate to) {
		List<ScoringFact> facts = new ArrayList<>();
		records.adoptions(from, to)
			.forEach(r -> facts.add(adoption(r.adoptionId(), r.itemId(), r.unitId(), r.level(), r.on(), r.authors(),
					r.title())));
		records.instructions(from, to)
			.forEach(r -> facts.add(instruction(r.instructionId(), r.itemId(), r.unitId(), r.level(), r.on(),
					r.authors(), r.title())));
		records.deliveries(start(from), start(to.plusDays(1)))
			.forEach(r -> facts.add(delivery(r.solicitationId(), r.itemId(), r.unitIds(), r.onTime(), r.deliveredAt(),
					r.topic())));
		return facts;
	}

	@Override
	public List<Long> lateItems() {
		return records.lateItems().stream().map(ScoringRecords.LateRecord::itemId).toList();
	}

	@Override
	public Map<Long, Long> submittedPerUnit(LocalDate monthStart) {
		return records.firstSubmissionsPerUnit(start(monthStart), start(monthStart.plusMonths(1)));
	}

	private static Instant start(LocalDate day) {
		return day.atTime(LocalTime.MIDNIGHT).atZone(TimeConfiguration.ZONE).toInstant();
	}

}
