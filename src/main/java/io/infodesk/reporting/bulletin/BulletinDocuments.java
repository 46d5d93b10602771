package io.infodesk.reporting.bulletin;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.infodesk.shared.docx.Imprint;
import io.infodesk.shared.docx.Masthead;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.text.Texts;

/**
 * A bulletin as an official document (S3.1-d): its labels (《住建信息》2026年第12期), its issue text, its file name
 * and its DOCX in GB/T 9704 layout through {@link OfficialDocument}.
 */
@Component
class BulletinDocuments {

	private final Texts texts;

	private final Clock clock;

	BulletinDocuments(Texts texts, Clock clock) {
		this.texts = texts;
		this.clock = clock;
	}

	/** 《住建信息》2026年第12期, or 《住建信息》（待编号） before it is issued. */
	String label(Bulletin bulletin, Periodical periodical) {
		return texts.get("reporting.bulletin.periodicalName", periodical.getName()) + numberText(bulletin);
	}

	/** 2026年第12期, 2026年增刊第1期, or （待编号） / 增刊（待编号） before it is issued. */
	String numberText(Bulletin bulletin) {
		if (bulletin.getIssueNo() == null) {
			return texts.get(bulletin.isSupplement() ? "reporting.bulletin.unnumberedSupplement"
					: "reporting.bulletin.unnumbered");
		}
		return texts.get("reporting.bulletin.yearIssue", String.valueOf(bulletin.getIssueYear()), issueText(bulletin));
	}

	/** The issue in GB/T 9704 layout: red 报头, editor's note, the items, the 版记 with 报送 / 抄送 and print count. */
	OfficialDocument document(Bulletin bulletin, Periodical periodical) {
		LocalDate date = bulletin.getIssuedOn() != null ? bulletin.getIssuedOn() : LocalDate.now(clock);
		String issue = bulletin.getIssueNo() == null ? texts.get("reporting.bulletin.doc.unnumbered") : issueText(bulletin);
		Masthead.Periodical masthead = Masthead.periodical(periodical.getName(), issue,
				texts.get("reporting.bulletin.doc.editingUnit", periodical.getEditingUnit()), date);
		if (bulletin.getTotalNo() != null) {
			masthead = masthead.withTotalIssue(texts.get("reporting.bulletin.doc.total",
					String.valueOf(bulletin.getTotalNo())));
		}
		OfficialDocument.Builder builder = OfficialDocument.builder().masthead(masthead);
		if (bulletin.getTitle() != null) {
			builder.title(bulletin.getTitle());
		}
		if (bulletin.getEditorNote() != null) {
			builder.note(texts.get("reporting.bulletin.doc.editorNote"), bulletin.getEditorNote());
		}
		for (BulletinEntry entry : bulletin.getEntries()) {
			builder.articleTitle(entry.getTitle());
			entry.paragraphs().forEach(builder::paragraph);
			if (entry.getUnitName() != null) {
				builder.byline(texts.get("reporting.bulletin.doc.byline", entry.getUnitName()));
			}
		}
		Imprint.Builder imprint = Imprint.builder();
		if (bulletin.getReportTo() != null) {
			imprint.line(texts.get("reporting.bulletin.doc.reportTo"), bulletin.getReportTo());
		}
		if (bulletin.getCopyTo() != null) {
			imprint.line(texts.get("reporting.bulletin.doc.copyTo"), bulletin.getCopyTo());
		}
		imprint.issued(periodical.getEditingUnit(), date).copies(bulletin.getCopies());
		return builder.imprint(imprint.build()).build();
	}

	/** 第12期 or 增刊第1期. */
	String issueText(Bulletin bulletin) {
		return texts.get(bulletin.isSupplement() ? "reporting.bulletin.doc.supplementIssue"
				: "reporting.bulletin.doc.issue", String.valueOf(bulletin.getIssueNo()));
	}

	String fileName(Bulletin bulletin, Periodical periodical) {
		return texts.get("reporting.bulletin.fileName", periodical.getName(), String.valueOf(bulletin.getIssueYear()),
				issueText(bulletin));
	}

}
