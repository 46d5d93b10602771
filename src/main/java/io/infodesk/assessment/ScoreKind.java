package io.infodesk.assessment;

import java.util.List;

/**
 * What scores (the category of a ledger entry) and the qualifiers a rule of that kind distinguishes (level, tier,
 * rank, on time / late …). A rule's key is {@code KIND:QUALIFIER}. Labels: {@code assessment.kind.<NAME>} and
 * {@code assessment.qualifier.<QUALIFIER>}.
 */
public enum ScoreKind {

	/** 信息采用, by the level of the outlet */
	ADOPTION(true, "DISTRICT", "CITY", "PROVINCE", "NATIONAL"),
	/** 领导批示, by the level of the leader */
	INSTRUCTION(true, "DISTRICT", "CITY", "PROVINCE", "NATIONAL"),
	/** 媒体报道, by the tier of the medium; a front-page lead multiplies */
	MEDIA_COVERAGE(true, "DISTRICT", "CITY", "PROVINCE", "CENTRAL", "FRONT_PAGE_LEAD"),
	/** 理论调研文章, by the level of the periodical */
	THEORY_ARTICLE(true, "DISTRICT", "CITY", "PROVINCE_UP"),
	/** 学习强国稿件采用, by the platform level */
	XUEXI_ARTICLE(true, "CITY", "PROVINCE", "NATIONAL"),
	/** 调研论文获奖, by rank */
	PAPER_AWARD(true, "FIRST", "SECOND", "THIRD"),
	/** 技能竞赛获奖, by rank */
	COMPETITION_AWARD(true, "FIRST", "SECOND", "THIRD"),
	/** 约稿报送: on time, late, missed */
	SOLICITATION(false, "ON_TIME", "LATE", "MISSED"),
	/** 紧急信息: late (the item's points halved), missed, concealed */
	URGENT(false, "LATE", "MISSED", "CONCEALED"),
	/** 月度报送数量不足, per missing item */
	QUOTA(false, "SHORTFALL"),
	/** 人工加减分 (no rule: the office proposes, a leader approves) */
	ADJUSTMENT(false);

	private final boolean itemCredit;

	private final List<String> qualifiers;

	ScoreKind(boolean itemCredit, String... qualifiers) {
		this.itemCredit = itemCredit;
		this.qualifiers = List.of(qualifiers);
	}

	/** Credit for a piece of work that authors share (as opposed to a duty of the unit). */
	public boolean itemCredit() {
		return itemCredit;
	}

	public List<String> qualifiers() {
		return qualifiers;
	}

	public String key(String qualifier) {
		return name() + ":" + qualifier;
	}

	/** The kind of a rule key ("ADOPTION:CITY" → ADOPTION). */
	public static ScoreKind ofKey(String ruleKey) {
		int colon = ruleKey.indexOf(':');
		String name = colon < 0 ? ruleKey : ruleKey.substring(0, colon);
		for (ScoreKind kind : values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		throw AssessmentException.of("assessment.rule.notFound");
	}

}
