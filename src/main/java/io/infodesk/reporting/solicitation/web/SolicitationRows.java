package io.infodesk.reporting.solicitation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.infodesk.reporting.solicitation.Solicitation;
import io.infodesk.reporting.solicitation.SolicitationOwner;
import io.infodesk.reporting.solicitation.SolicitationStatus;
import io.infodesk.reporting.solicitation.Solicitations;
import io.infodesk.reporting.web.Directory;
import io.infodesk.reporting.web.Durations;
import io.infodesk.reporting.web.ReportingDates;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;

/** Rows of the solicitation list and its export, with status, time left or delay from the clock. */
@Component
class SolicitationRows {

	record SolicitationRow(long id, String body, String topic, LocalDate receivedOn, LocalDateTime deadline,
			String units, String owners, SolicitationStatus status, boolean dueSoon, String statusLabel,
			String timing, LocalDateTime deliveredAt) {

		public String statusClass() {
			if (dueSoon) {
				return "text-bg-warning";
			}
			return switch (status) {
				case OPEN -> "text-bg-primary";
				case DELIVERED_ON_TIME -> "text-bg-success";
				case DELIVERED_LATE -> "text-bg-secondary";
				case MISSED -> "text-bg-danger";
			};
		}

	}

	private final Solicitations solicitations;

	private final Directory directory;

	private final Durations durations;

	private final Texts texts;

	private final Clock clock;

	SolicitationRows(Solicitations solicitations, Directory directory, Durations durations, Texts texts,
			Clock clock) {
		this.solicitations = solicitations;
		this.directory = directory;
		this.durations = durations;
		this.texts = texts;
		this.clock = clock;
	}

	List<SolicitationRow> rows(List<Solicitation> list) {
		Instant now = Instant.now(clock);
		Map<Long, String> units = directory.unitNames();
		Map<Long, String> bodies = bodyNames();
		return list.stream().map(solicitation -> row(solicitation, now, units, bodies)).toList();
	}

	Map<Long, String> bodyNames() {
		Map<Long, String> names = new HashMap<>();
		solicitations.bodies().forEach(body -> names.put(body.getId(), body.getShortName()));
		return names;
	}

	private SolicitationRow row(Solicitation solicitation, Instant now, Map<Long, String> units,
			Map<Long, String> bodies) {
		SolicitationStatus status = solicitation.statusAt(now);
		boolean dueSoon = solicitation.dueSoonAt(now);
		String timing = switch (status) {
			case OPEN -> texts.get("reporting.solicitation.timeLeft", durations.text(solicitation.timeLeft(now)));
			case MISSED, DELIVERED_LATE -> texts.get("reporting.solicitation.late", durations.text(solicitation.lateness(now)));
			case DELIVERED_ON_TIME -> "";
		};
		return new SolicitationRow(solicitation.getId(), bodies.get(solicitation.getBodyId()), solicitation.getTopic(),
				solicitation.getReceivedOn(), ReportingDates.local(solicitation.getDeadline()),
				solicitation.getUnitIds().stream().map(units::get).sorted().collect(Collectors.joining("、")),
				solicitation.getOwners().stream().map(SolicitationOwner::getPersonName).collect(Collectors.joining("、")),
				status, dueSoon,
				dueSoon ? texts.get("reporting.solicitation.dueSoon") : texts.get("reporting.solicitation.status." + status.name()),
				timing, ReportingDates.local(solicitation.getDeliveredAt()));
	}

	byte[] export(List<Solicitation> list) {
		List<ExcelExporter.Column<SolicitationRow>> columns = new ArrayList<>();
		columns.add(column("reporting.solicitation.body", SolicitationRow::body));
		columns.add(column("reporting.solicitation.topic", SolicitationRow::topic));
		columns.add(column("reporting.solicitation.receivedOn", SolicitationRow::receivedOn));
		columns.add(column("reporting.solicitation.deadline", SolicitationRow::deadline));
		columns.add(column("reporting.solicitation.units", SolicitationRow::units));
		columns.add(column("reporting.solicitation.owners", SolicitationRow::owners));
		columns.add(column("common.status", SolicitationRow::statusLabel));
		columns.add(column("reporting.solicitation.timing", SolicitationRow::timing));
		columns.add(column("reporting.solicitation.deliveredAt", SolicitationRow::deliveredAt));
		return ExcelExporter.withColumns(columns).export(texts.get("reporting.solicitation.list.title"), rows(list));
	}

	private ExcelExporter.Column<SolicitationRow> column(String key, Function<SolicitationRow, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

}
