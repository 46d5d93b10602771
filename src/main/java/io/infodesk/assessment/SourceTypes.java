package io.infodesk.assessment;

/** The kinds of source a ledger entry names (with the source's id); labels {@code assessment.source.<TYPE>}. */
public final class SourceTypes {

	/** reporting: an adoption record (rpt_adoption.id) */
	public static final String ADOPTION = "ADOPTION";

	/** reporting: a leader instruction (rpt_instruction.id) */
	public static final String INSTRUCTION = "INSTRUCTION";

	/** reporting: a delivered solicitation (rpt_solicitation.id) */
	public static final String SOLICITATION = "SOLICITATION";

	/** the halving of a late same-day item's scoring ("ADOPTION:17") */
	public static final String URGENT_LATE = "URGENT_LATE";

	/** reporting: a same-day item whose day ended unreported (rpt_item.id) */
	public static final String URGENT_MISSED = "URGENT_MISSED";

	/** reporting: a missed or concealed report recorded by the office (rpt_concealed_report.id) */
	public static final String CONCEALED = "CONCEALED";

	/** a unit's monthly quota ("2026-10") */
	public static final String QUOTA = "QUOTA";

	/** a manual adjustment approved by a leader (asm_adjustment.id) */
	public static final String ADJUSTMENT = "ADJUSTMENT";

	/** research: an awarded paper of a published competition (rsh_paper.id) */
	public static final String PAPER_AWARD = "PAPER_AWARD";

	/** research: an upward use of a research topic's outcome (rsh_topic_use.id) */
	public static final String TOPIC_OUTCOME = "TOPIC_OUTCOME";

	/** training: an award of a published skills competition (trn_entry.id) */
	public static final String COMPETITION_AWARD = "COMPETITION_AWARD";
	/** publicity: a coverage record (pub_coverage.id) */
	public static final String COVERAGE = "COVERAGE";

	/** xuexi: an article's adoption by a level of the 学习强国 platform (xuexi_adoption.id) */
	public static final String XUEXI_ARTICLE = "XUEXI_ARTICLE";

	private SourceTypes() {
	}

}
