package io.infodesk.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.infodesk.reporting.ConcealedKind;
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

	static ScoringFact solicitationMissed(long solicitationId, long unitId, Instant deadline, String topic) {
		return new ScoringFact(SourceTypes.SOLICITATION, Long.toString(solicitationId),
				ScoreKind.SOLICITATION.key("MISSED"), day(deadline), List.of(unitId), null, List.of(), topic,
				"/reporting/solicitations/" + solicitationId, 1);
	}

	static ScoringFact urgentMissed(long itemId, long unitId, Instant dueAt, String title) {
		return new ScoringFact(SourceTypes.URGENT_MISSED, Long.toString(itemId), ScoreKind.URGENT.key("MISSED"),
				day(dueAt), List.of(unitId), itemId, List.of(), title, itemLink(itemId), 1);
	}

	static ScoringFact concealed(long recordId, long unitId, ConcealedKind kind, LocalDate on, String subject) {
		return new ScoringFact(SourceTypes.CONCEALED, Long.toString(recordId), concealedRule(kind), on, List.of(unitId),
				null, List.of(), subject, "/reporting/concealed", 1);
	}

	/** The rule a record of the 瞒报漏报 register scores under: URGENT:CONCEALED or URGENT:MISSED. */
	static String concealedRule(ConcealedKind kind) {
		return ScoreKind.URGENT.key(kind == ConcealedKind.CONCEALED ? "CONCEALED" : "MISSED");
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
		// the missed deadlines of a year before the period too (a delivery in the period may answer one), read once;
		// those of the period itself score
		List<ScoringRecords.MissedRecord> missedSinceAYearBefore = records.missedDeadlines(start(from.minusYears(1)),
				start(to.plusDays(1)));
		Instant periodStart = start(from);
		List<ScoringRecords.MissedRecord> missed = missedSinceAYearBefore.stream()
			.filter(record -> !record.dueAt().isBefore(periodStart))
			.toList();
		java.util.Set<Long> late = new java.util.HashSet<>(lateItems());
		java.util.Map<Long, java.util.Set<Long>> missedUnits = new java.util.HashMap<>();
		for (ScoringRecords.MissedRecord record : missedSinceAYearBefore) {
			if (record.subject().equals("SOLICITATION")) {
				missedUnits.computeIfAbsent(record.subjectId(), id -> new java.util.HashSet<>()).add(record.unitId());
			}
		}
		for (ScoringRecords.DeliveryRecord r : records.deliveries(start(from), start(to.plusDays(1)))) {
			// a late delivery after the deadline was reported missed counts once: as missed
			List<Long> units = r.onTime() ? List.copyOf(r.unitIds())
					: r.unitIds().stream().filter(u -> !missedUnits.getOrDefault(r.solicitationId(), java.util.Set.of()).contains(u)).toList();
			if (!units.isEmpty()) {
				facts.add(delivery(r.solicitationId(), r.itemId(), units, r.onTime(), r.deliveredAt(), r.topic()));
			}
		}
		// the labels in two queries, not one per record
		Map<Long, String> topics = records.solicitationTopics(missed.stream()
			.filter(r -> r.subject().equals("SOLICITATION"))
			.map(ScoringRecords.MissedRecord::subjectId)
			.toList());
		Map<Long, String> titles = records.itemTitles(missed.stream()
			.filter(r -> !r.subject().equals("SOLICITATION"))
			.map(ScoringRecords.MissedRecord::subjectId)
			.toList());
		for (ScoringRecords.MissedRecord r : missed) {
			if (r.subject().equals("SOLICITATION")) {
				facts.add(solicitationMissed(r.subjectId(), r.unitId(), r.dueAt(), topics.get(r.subjectId())));
			}
			else if (!late.contains(r.subjectId())) {
				// a same-day item reported after its day keeps the later fact: late, not missed
				facts.add(urgentMissed(r.subjectId(), r.unitId(), r.dueAt(), titles.get(r.subjectId())));
			}
		}
		records.concealedReports(from, to)
			.forEach(r -> facts.add(concealed(r.recordId(), r.unitId(), r.kind(), r.on(), r.subject())));
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
