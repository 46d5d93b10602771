package io.infodesk.reporting.item.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.infodesk.reporting.item.InformationItem;
import io.infodesk.reporting.item.ItemAuthor;
import io.infodesk.reporting.item.ItemStatus;
import io.infodesk.reporting.web.Directory;
import io.infodesk.reporting.web.Durations;
import io.infodesk.reporting.web.ReportingDates;
import io.infodesk.reporting.web.StatusBadges;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;

/** The item list's rows and the register (台账) export: the same facts on the page and in the file. */
@Component
public class ItemRows {

	/** One row of the list and the register. */
	record ItemRow(long id, String title, String kind, String unit, String authors, String tags, ItemStatus status,
			String statusLabel, String reviewStep, String drafter, LocalDateTime createdAt, LocalDateTime updatedAt,
			int revision, boolean urgent, String urgency, String adoptionLevel) {

		public String statusClass() {
			return StatusBadges.of(status);
		}

	}

	private final Directory directory;

	private final io.infodesk.reporting.outcome.Submissions submissions;

	private final io.infodesk.reporting.outcome.Adoptions adoptions;

	private final io.infodesk.reporting.solicitation.Solicitations solicitations;

	private final Durations durations;

	private final Texts texts;

	ItemRows(Directory directory, io.infodesk.reporting.outcome.Submissions submissions, io.infodesk.reporting.outcome.Adoptions adoptions,
			io.infodesk.reporting.solicitation.Solicitations solicitations, Durations durations, Texts texts) {
		this.directory = directory;
		this.submissions = submissions;
		this.adoptions = adoptions;
		this.solicitations = solicitations;
		this.durations = durations;
		this.texts = texts;
	}

	public List<ItemRow> rows(List<InformationItem> items) {
		Map<Long, String> units = directory.unitNames();
		return items.stream().map(item -> row(item, units)).toList();
	}

	ItemRow row(InformationItem item, Map<Long, String> units) {
		String authors = item.getAuthors().stream().map(this::author).collect(Collectors.joining("、"));
		String tags = Stream
			.concat(item.getAngles().stream().map(angle -> texts.get("reporting.angle." + angle.name())),
					item.getSources().stream().map(source -> texts.get("reporting.source." + source.name())))
			.collect(Collectors.joining("、"));
		String step = item.getReviewRole() == null ? "" : texts.get("reporting.chain.role." + item.getReviewRole());
		return new ItemRow(item.getId(), item.getTitle(), texts.get("reporting.kind." + item.getKind().name()),
				units.get(item.getUnitId()), authors, tags, item.getStatus(),
				texts.get("reporting.status." + item.getStatus().name()), step, item.getDrafterName(),
				ReportingDates.local(item.getCreatedAt()), ReportingDates.local(item.getUpdatedAt()),
				item.getRevision(), item.isUrgent(),
				item.isUrgent() ? texts.get("reporting.urgent.category." + item.getUrgentCategory().name()) : "",
				item.getAdoptionLevel() == null ? ""
						: texts.get("reporting.adoption.highest", texts.get("reporting.level." + item.getAdoptionLevel().name())));
	}

	private String author(ItemAuthor author) {
		return author.getWeight() == null ? author.getPersonName()
				: author.getPersonName() + "(" + author.getWeight() + "%)";
	}

	/**
	 * The register as XLSX: one row per item with the filters applied — content, review, same-day clock,
	 * submissions, adoptions and instructions; formula-like text is neutralised by the shared exporter.
	 */
	byte[] register(List<InformationItem> items) {
		List<ItemRow> rows = rows(items);
		List<Long> ids = items.stream().map(InformationItem::getId).toList();
		Map<Long, String> bodies = new java.util.HashMap<>();
		solicitations.bodies().forEach(body -> bodies.put(body.getId(), body.getShortName()));
		Map<Long, List<io.infodesk.reporting.outcome.Submission>> submitted = submissions.ofItems(ids)
			.stream()
			.collect(Collectors.groupingBy(io.infodesk.reporting.outcome.Submission::getItemId));
		Map<Long, List<io.infodesk.reporting.outcome.Adoption>> adopted = adoptions.adoptionsOfItems(ids)
			.stream()
			.collect(Collectors.groupingBy(io.infodesk.reporting.outcome.Adoption::getItemId));
		Map<Long, List<io.infodesk.reporting.outcome.LeaderInstruction>> instructed = adoptions.instructionsOfItems(ids)
			.stream()
			.collect(Collectors.groupingBy(io.infodesk.reporting.outcome.LeaderInstruction::getItemId));
		Map<Long, InformationItem> byId = items.stream()
			.collect(Collectors.toMap(InformationItem::getId, java.util.function.Function.identity()));
		List<ExcelExporter.Column<Numbered>> columns = new ArrayList<>();
		columns.add(column("reporting.register.number", Numbered::number));
		columns.add(column("reporting.item.title", row -> row.row().title()));
		columns.add(column("reporting.item.kind", row -> row.row().kind()));
		columns.add(column("reporting.item.unit", row -> row.row().unit()));
		columns.add(column("reporting.item.authors", row -> row.row().authors()));
		columns.add(column("reporting.item.tags", row -> row.row().tags()));
		columns.add(column("reporting.urgent.category", row -> row.row().urgency()));
		columns.add(column("common.status", row -> row.row().statusLabel()));
		columns.add(column("reporting.item.reviewStep", row -> row.row().reviewStep()));
		columns.add(column("reporting.item.drafter", row -> row.row().drafter()));
		columns.add(column("reporting.item.createdAt", row -> row.row().createdAt()));
		columns.add(column("reporting.register.submittedTo", row -> submitted.getOrDefault(row.row().id(), List.of())
			.stream()
			.map(submission -> bodies.get(submission.getBodyId()))
			.collect(Collectors.joining("、"))));
		columns.add(column("reporting.register.firstSubmittedAt",
				row -> ReportingDates.local(byId.get(row.row().id()).getFirstSubmittedAt())));
		columns.add(column("reporting.register.sameDay", row -> sameDay(byId.get(row.row().id()))));
		columns.add(column("reporting.register.adoptions", row -> adopted.getOrDefault(row.row().id(), List.of())
			.stream()
			.map(adoption -> texts.get("reporting.register.adoption", adoption.getOutlet(),
					adoption.getIssue() == null ? "" : adoption.getIssue(),
					texts.get("reporting.level." + adoption.getLevel().name())))
			.collect(Collectors.joining("；"))));
		columns.add(column("reporting.register.instructions", row -> instructed.getOrDefault(row.row().id(), List.of())
			.stream()
			.map(instruction -> texts.get("reporting.register.instruction",
					texts.get("reporting.level." + instruction.getLevel().name()), instruction.getLeader()))
			.collect(Collectors.joining("；"))));
		List<Numbered> numbered = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			numbered.add(new Numbered(i + 1, rows.get(i)));
		}
		return ExcelExporter.withColumns(columns).export(texts.get("reporting.register.sheet"), numbered);
	}

	private String sameDay(InformationItem item) {
		if (!item.isUrgent()) {
			return "";
		}
		if (item.getFirstSubmittedAt() == null) {
			return texts.get("reporting.register.sameDay.pending");
		}
		return item.isLate()
				? texts.get("reporting.urgent.submittedLate", durations.text(java.time.Duration.ofSeconds(item.getLateSeconds())))
				: texts.get("reporting.urgent.submittedOnTime");
	}

	record Numbered(int number, ItemRow row) {

	}

	private ExcelExporter.Column<Numbered> column(String key, Function<Numbered, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

}
