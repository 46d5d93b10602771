package io.infodesk.assessment.circular;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.infodesk.assessment.Period;
import io.infodesk.assessment.Rankings;

/**
 * The content of a 通报 (circular) for a period, as the preview shows it and as the DOCX and XLSX are written from
 * it (issue 4 point 5): the title, the summary figures, the unit ranking (the figures of {@link Rankings#units}
 * for the period), the adopted items and leader instructions of the period, the units praised (grade 优) and
 * urged (grade 差 or a negative total), and the issuing details the office chose.
 *
 * @param period the month, quarter or year
 * @param periodText the period as the title writes it: 2026年10月份, 2026年第四季度, 2026年度
 * @param title 关于2026年10月份信息宣传工作情况的通报
 * @param options issuer, document number, addressee, copy-to
 * @param issuedOn the date of the document
 * @param figures the summary figures
 * @param ranking the unit ranking of the period
 * @param adoptions the adoptions of the period, by date
 * @param instructions the leader instructions of the period, by date
 * @param praised names of the units praised
 * @param urged names of the units urged
 * @param unclosedMonths months of the period whose quota is not settled yet (settled when the circular is issued)
 */
public record CircularDraft(Period period, String periodText, String title, Circulars.Options options,
		LocalDate issuedOn, Figures figures, List<Rankings.Standing> ranking, List<AdoptedItem> adoptions,
		List<InstructedItem> instructions, List<String> praised, List<String> urged, List<YearMonth> unclosedMonths) {

	/**
	 * The summary figures of the period: items first submitted upward; adoptions in total and by level (国家级,
	 * 省级, 市级, 区级); leader instructions; solicitations delivered on time, late or missed (per responsible
	 * unit); same-day items reported late; missed or concealed reports.
	 */
	public record Figures(long submitted, long adopted, long national, long provincial, long city, long district,
			long instructions, long solicitationsOnTime, long solicitationsLate, long solicitationsMissed,
			long urgentLate, long missedOrConcealed) {

		public boolean empty() {
			return submitted == 0 && adopted == 0 && instructions == 0 && solicitationsOnTime == 0
					&& solicitationsLate == 0 && solicitationsMissed == 0 && urgentLate == 0 && missedOrConcealed == 0;
		}

	}

	/** An adoption of the period: the item, its unit, where it was adopted, the level and the day. */
	public record AdoptedItem(long itemId, String title, String unitName, String outlet, String level, LocalDate on) {

	}

	/** A leader instruction of the period on an item. */
	public record InstructedItem(long itemId, String title, String unitName, String leader, String level,
			LocalDate on) {

	}

}
