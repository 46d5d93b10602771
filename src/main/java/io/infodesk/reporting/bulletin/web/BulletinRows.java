package io.infodesk.reporting.bulletin.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.infodesk.reporting.bulletin.Bulletin;
import io.infodesk.reporting.bulletin.BulletinStatus;
import io.infodesk.reporting.bulletin.Bulletins;
import io.infodesk.reporting.bulletin.Periodical;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;

/** Rows of the bulletin list and its Excel export: the same facts on the page and in the file. */
@Component
class BulletinRows {

	/** One row of the list and the export. */
	record BulletinRow(long id, String periodical, String number, String kind, String heading, int itemCount,
			BulletinStatus status, String statusLabel, String reviewStep, String drafter, LocalDate issuedOn,
			int copies) {

		public String statusClass() {
			return badge(status);
		}

	}

	private final Bulletins bulletins;

	private final Texts texts;

	BulletinRows(Bulletins bulletins, Texts texts) {
		this.bulletins = bulletins;
		this.texts = texts;
	}

	List<BulletinRow> rows(List<Bulletin> list) {
		Map<Long, Periodical> periodicals = bulletins.periodicals();
		return list.stream().map(bulletin -> row(bulletin, periodicals.get(bulletin.getPeriodicalId()))).toList();
	}

	BulletinRow row(Bulletin bulletin, Periodical periodical) {
		return new BulletinRow(bulletin.getId(), texts.get("reporting.bulletin.periodicalName", periodical.getName()),
				bulletins.numberText(bulletin),
				texts.get(bulletin.isSupplement() ? "reporting.bulletin.kind.supplement" : "reporting.bulletin.kind.regular"),
				Bulletins.heading(bulletin), bulletin.getEntries().size(), bulletin.getStatus(),
				texts.get("reporting.bulletin.status." + bulletin.getStatus().name()),
				bulletin.getReviewRole() == null ? "" : texts.get("reporting.chain.role." + bulletin.getReviewRole()),
				bulletin.getDrafterName(), bulletin.getIssuedOn(), bulletin.getCopies());
	}

	byte[] export(List<Bulletin> list) {
		List<ExcelExporter.Column<BulletinRow>> columns = new ArrayList<>();
		columns.add(column("reporting.bulletin.periodical", BulletinRow::periodical));
		columns.add(column("reporting.bulletin.number", BulletinRow::number));
		columns.add(column("reporting.bulletin.kind", BulletinRow::kind));
		columns.add(column("reporting.bulletin.heading", BulletinRow::heading));
		columns.add(column("reporting.bulletin.itemCount", BulletinRow::itemCount));
		columns.add(column("common.status", BulletinRow::statusLabel));
		columns.add(column("reporting.bulletin.drafter", BulletinRow::drafter));
		columns.add(column("reporting.bulletin.issuedOn", BulletinRow::issuedOn));
		columns.add(column("reporting.bulletin.copies", BulletinRow::copies));
		return ExcelExporter.withColumns(columns).export(texts.get("reporting.bulletin.list.title"), rows(list));
	}

	private ExcelExporter.Column<BulletinRow> column(String key, Function<BulletinRow, ?> value) {
		return ExcelExporter.Column.of(texts.get(key), value);
	}

	static String badge(BulletinStatus status) {
		return switch (status) {
			case DRAFT -> "text-bg-secondary";
			case IN_REVIEW -> "text-bg-primary";
			case RETURNED -> "text-bg-warning";
			case SIGNED_OFF -> "text-bg-info";
			case ISSUED -> "text-bg-success";
		};
	}

}
