package io.infodesk.assessment.circular;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.infodesk.assessment.Rankings;
import io.infodesk.assessment.ScoreKind;
import io.infodesk.shared.docx.DocumentTable;
import io.infodesk.shared.docx.Imprint;
import io.infodesk.shared.docx.Masthead;
import io.infodesk.shared.docx.OfficialDocument;
import io.infodesk.shared.excel.ExcelExporter;
import io.infodesk.shared.text.Texts;

/**
 * Writes a {@link CircularDraft} as the 通报 an office issues (issue 4 point 5) — DOCX with the shared GB/T 9704
 * writer — and as an XLSX of the same figures. Layout (docs/assessment.md "通报"): the red 版头 of the issuing office
 * ("区住房和城乡建设局办公室文件", GB/T 9704-2012 7.2.4; PRACTICE.md "Official document layout": issuer mark in red,
 * 版记 with 抄送 and 印发) with the optional 发文字号, the title, the 主送 line, 一、总体情况 (summary figures),
 * 二、考核得分及排名 (the unit ranking table), 三、信息采用和领导批示情况 (two tables), 四、表扬和督促, a closing
 * paragraph, the issuer and date (7.3.5.1, room for the seal), and the 版记 (抄送, 印发机关 and 印发日期).
 */
final class CircularDocuments {

	/** The ranking columns of the document (the categories that can score today, as on the ranking page). */
	static final List<ScoreKind> CATEGORIES = List.of(ScoreKind.ADOPTION, ScoreKind.INSTRUCTION,
			ScoreKind.SOLICITATION, ScoreKind.URGENT, ScoreKind.QUOTA, ScoreKind.ADJUSTMENT);

	/** Table text in 五号 is 10.5 pt; the writer takes whole points: 11 (eleven columns fit the 156 mm 版心). */
	private static final int TABLE_FONT = 11;

	private final Texts texts;

	CircularDocuments(Texts texts) {
		this.texts = texts;
	}

	OfficialDocument document(CircularDraft draft) {
		Circulars.Options options = draft.options();
		OfficialDocument.Builder doc = OfficialDocument.builder()
			.masthead(Masthead.issuer(texts.get("assessment.circular.doc.mark", options.issuer()),
					options.documentNumber()))
			.title(draft.title())
			.addressee(texts.get("assessment.circular.doc.addressee", options.addressee()))
			.paragraph(texts.get("assessment.circular.doc.intro", draft.periodText()));

		CircularDraft.Figures f = draft.figures();
		doc.heading(texts.get("assessment.circular.doc.overview"))
			.paragraph(texts.get("assessment.circular.doc.figures", draft.periodText(), f.submitted(), f.adopted(),
					f.national(), f.provincial(), f.city(), f.district(), f.instructions()))
			.paragraph(texts.get("assessment.circular.doc.duties", f.solicitationsOnTime(), f.solicitationsLate(),
					f.solicitationsMissed(), f.urgentLate(), f.missedOrConcealed()));

		doc.heading(texts.get("assessment.circular.doc.ranking"))
			.paragraph(texts.get("assessment.circular.doc.rankingIntro"))
			.table(new DocumentTable(rankingHeader(true), rankingRows(draft), new int[] { 3, 8, 3, 3, 3, 3, 3, 3, 4, 4, 3 },
					TABLE_FONT));

		doc.heading(texts.get("assessment.circular.doc.outcomes"));
		doc.subheading(texts.get("assessment.circular.doc.adoptions", draft.adoptions().size()));
		if (draft.adoptions().isEmpty()) {
			doc.paragraph(texts.get("assessment.circular.doc.noAdoptions"));
		}
		else {
			doc.table(new DocumentTable(adoptionHeader(), adoptionRows(draft), new int[] { 2, 10, 5, 6, 2, 4 },
					TABLE_FONT));
		}
		doc.subheading(texts.get("assessment.circular.doc.instructions", draft.instructions().size()));
		if (draft.instructions().isEmpty()) {
			doc.paragraph(texts.get("assessment.circular.doc.noInstructions"));
		}
		else {
			doc.table(new DocumentTable(instructionHeader(), instructionRows(draft), new int[] { 2, 11, 5, 5, 2, 4 },
					TABLE_FONT));
		}

		doc.heading(texts.get("assessment.circular.doc.praiseAndUrge"));
		doc.paragraph(draft.praised().isEmpty() ? texts.get("assessment.circular.doc.noPraised")
				: texts.get("assessment.circular.doc.praised", String.join("、", draft.praised())));
		doc.paragraph(draft.urged().isEmpty() ? texts.get("assessment.circular.doc.noUrged")
				: texts.get("assessment.circular.doc.urged", String.join("、", draft.urged())));
		doc.paragraph(texts.get("assessment.circular.doc.closing"));
		doc.signature(options.issuer(), draft.issuedOn());

		Imprint.Builder imprint = Imprint.builder();
		if (options.copyTo() != null) {
			imprint.line(texts.get("assessment.circular.doc.copyTo"), options.copyTo());
		}
		imprint.issued(options.issuer(), draft.issuedOn());
		return doc.imprint(imprint.build()).build();
	}

	byte[] docx(CircularDraft draft) {
		return document(draft).toBytes();
	}

	/** The same figures as a workbook: 概况, 排名, 采用, 批示. */
	byte[] xlsx(CircularDraft draft) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CircularDraft.Figures f = draft.figures();
			List<List<String>> summary = new ArrayList<>();
			summary.add(List.of(texts.get("assessment.circular.xlsx.title"), draft.title()));
			summary.add(List.of(texts.get("assessment.circular.xlsx.period"), draft.periodText()));
			summary.add(List.of(texts.get("assessment.circular.xlsx.issuedOn"), draft.issuedOn().toString()));
			String[] labels = { "submitted", "adopted", "national", "provincial", "city", "district", "instructions",
					"solicitationsOnTime", "solicitationsLate", "solicitationsMissed", "urgentLate", "missedOrConcealed" };
			long[] values = { f.submitted(), f.adopted(), f.national(), f.provincial(), f.city(), f.district(),
					f.instructions(), f.solicitationsOnTime(), f.solicitationsLate(), f.solicitationsMissed(),
					f.urgentLate(), f.missedOrConcealed() };
			for (int i = 0; i < labels.length; i++) {
				summary.add(List.of(texts.get("assessment.circular.figure." + labels[i]), Long.toString(values[i])));
			}
			textSheet(workbook, texts.get("assessment.circular.xlsx.summary"),
					List.of(texts.get("assessment.circular.xlsx.item"), texts.get("assessment.circular.xlsx.value")),
					summary);

			List<ExcelExporter.Column<Rankings.Standing>> columns = new ArrayList<>();
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.rank"), Rankings.Standing::rank));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.unit"), Rankings.Standing::name));
			for (ScoreKind kind : CATEGORIES) {
				columns.add(ExcelExporter.Column.of(texts.get("assessment.kind." + kind.name()), row -> row.category(kind)));
			}
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.total"), Rankings.Standing::total));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.target"), Rankings.Standing::target));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.circular.xlsx.completion"),
					Rankings.Standing::completion));
			columns.add(ExcelExporter.Column.of(texts.get("assessment.ranking.grade"),
					row -> row.grade() == null ? "" : texts.label("assessment.grade.", row.grade())));
			ExcelExporter.withColumns(columns).addSheet(workbook, texts.get("assessment.circular.xlsx.ranking"),
					draft.ranking());
			textSheet(workbook, texts.get("assessment.circular.xlsx.adoptions"), adoptionHeader(), adoptionRows(draft));
			textSheet(workbook, texts.get("assessment.circular.xlsx.instructions"), instructionHeader(),
					instructionRows(draft));
			return ExcelExporter.toBytes(workbook);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void textSheet(XSSFWorkbook workbook, String name, List<String> headers, List<List<String>> rows) {
		List<ExcelExporter.Column<List<String>>> columns = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			int index = i;
			columns.add(ExcelExporter.Column.of(headers.get(i), row -> row.get(index)));
		}
		ExcelExporter.withColumns(columns).addSheet(workbook, name, rows);
	}

	// ---- tables

	List<String> rankingHeader(boolean shortLabels) {
		List<String> header = new ArrayList<>();
		header.add(texts.get("assessment.circular.col.rank"));
		header.add(texts.get("assessment.ranking.unit"));
		for (ScoreKind kind : CATEGORIES) {
			header.add(texts.get(shortLabels ? "assessment.circular.col." + kind.name() : "assessment.kind." + kind.name()));
		}
		header.add(texts.get("assessment.ranking.total"));
		header.add(texts.get("assessment.circular.col.completion"));
		header.add(texts.get("assessment.ranking.grade"));
		return header;
	}

	List<List<String>> rankingRows(CircularDraft draft) {
		List<List<String>> rows = new ArrayList<>();
		for (Rankings.Standing row : draft.ranking()) {
			List<String> cells = new ArrayList<>();
			cells.add(Integer.toString(row.rank()));
			cells.add(row.name());
			for (ScoreKind kind : CATEGORIES) {
				cells.add(points(row.category(kind)));
			}
			cells.add(points(row.total()));
			cells.add(row.completion() == null ? "—" : row.completion().stripTrailingZeros().toPlainString() + "%");
			cells.add(row.grade() == null ? "—" : texts.label("assessment.grade.", row.grade()));
			rows.add(cells);
		}
		return rows;
	}

	private List<String> adoptionHeader() {
		return List.of(texts.get("assessment.circular.col.no"), texts.get("assessment.circular.col.title"),
				texts.get("assessment.ranking.unit"), texts.get("assessment.circular.col.outlet"),
				texts.get("assessment.circular.col.level"), texts.get("assessment.circular.col.adoptedOn"));
	}

	private static List<List<String>> adoptionRows(CircularDraft draft) {
		List<List<String>> rows = new ArrayList<>();
		int n = 0;
		for (CircularDraft.AdoptedItem item : draft.adoptions()) {
			rows.add(List.of(Integer.toString(++n), item.title(), item.unitName(), item.outlet(), item.level(),
					item.on().toString()));
		}
		return rows;
	}

	private List<String> instructionHeader() {
		return List.of(texts.get("assessment.circular.col.no"), texts.get("assessment.circular.col.title"),
				texts.get("assessment.ranking.unit"), texts.get("assessment.circular.col.leader"),
				texts.get("assessment.circular.col.level"), texts.get("assessment.circular.col.instructedOn"));
	}

	private static List<List<String>> instructionRows(CircularDraft draft) {
		List<List<String>> rows = new ArrayList<>();
		int n = 0;
		for (CircularDraft.InstructedItem item : draft.instructions()) {
			rows.add(List.of(Integer.toString(++n), item.title(), item.unitName(), item.leader(), item.level(),
					item.on().toString()));
		}
		return rows;
	}

	/** Points as the 通报 prints them: 7, 2.5, −4 (no trailing zeros). */
	static String points(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
